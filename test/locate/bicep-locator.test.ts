import fs from 'node:fs';
import path from 'node:path';
import { parseJsonWithPositions } from '../../src/template/parse-json';
import { BicepLocator } from '../../src/locate/bicep-locator';
import { bicepParser, BicepSourceFile } from '../../src/locate/bicep-source';
import type { ResourceInstance } from '../../src/template/expand/instance';
import { positionOf } from '../helpers/fixture-position';

const FIXTURES = path.resolve(__dirname, '..', '..', 'bicep-fixtures', 'locate');
const MAIN = path.join(FIXTURES, 'main.bicep');
const REGISTRY = path.join(FIXTURES, 'modules', 'registry.bicep');
const COMMENTS = path.join(FIXTURES, 'comments.bicep');

/** 0-based start of a snippet, as locations carry it. */
function startOf(file: string, snippet: string, occurrence = 1) {
  const { line, column } = positionOf(file, snippet, occurrence);
  return { line: line - 1, character: column - 1 };
}

describe('BicepSourceFile', () => {
  let registry: BicepSourceFile;
  let main: BicepSourceFile;
  let comments: BicepSourceFile;

  beforeAll(async () => {
    const parser = await bicepParser();
    registry = BicepSourceFile.parse(REGISTRY, parser);
    main = BicepSourceFile.parse(MAIN, parser);
    comments = BicepSourceFile.parse(COMMENTS, parser);
  });

  const start = (source: BicepSourceFile, node: Parameters<BicepSourceFile['range']>[0] | undefined) => (node ? source.range(node).start : undefined);

  it('finds resource, nested resource and module declarations by symbol', () => {
    expect(start(registry, registry.declaration('registry'))).toEqual(startOf(REGISTRY, 'resource registry'));
    expect(start(registry, registry.declaration('registry::hook'))).toEqual(startOf(REGISTRY, 'resource hook'));
    expect(start(registry, registry.declaration('audit'))).toEqual(startOf(REGISTRY, 'resource audit'));
    expect(start(main, main.declaration('teamRegistries'))).toEqual(startOf(MAIN, 'module teamRegistries'));
    expect(registry.declaration('nothing')).toBeUndefined();
    expect(registry.declaration('hook')).toBeUndefined();
  });

  it('reads module paths as written', () => {
    expect(main.modulePath('teamRegistries')).toBe('modules/registry.bicep');
    expect(main.modulePath('remote')).toBe('br/public:avm/res/container-registry/registry:0.1.0');
  });

  it('finds parameters, past their decorators', () => {
    expect(start(main, main.parameter('teams'))).toEqual(startOf(MAIN, 'param teams'));
  });

  it('walks property paths through if-conditions, arrays and comments, in UTF-16 columns', () => {
    const audit = registry.declaration('audit')!;
    expect(registry.range(registry.property(audit, ['properties', 'logs', 1, 'enabled'])).start).toEqual(
      startOf(REGISTRY, 'enabled: exportRepositoryEvents'),
    );
    expect(registry.range(registry.property(audit, ['properties', 'logs', 0])).start).toEqual(
      startOf(REGISTRY, "{ category: 'ContainerRegistryLoginEvents'"),
    );
  });

  it('counts array items, a loop body, a property value and a module path past comments and #disable-next-line directives', () => {
    const audit = comments.declaration('audit')!;
    expect(comments.range(comments.property(audit, ['properties', 'logs', 0])).start).toEqual(startOf(COMMENTS, "{ category: 'ContainerRegistryLoginEvents'"));
    expect(comments.range(comments.property(audit, ['properties', 'logs', 1, 'enabled'])).start).toEqual(startOf(COMMENTS, 'enabled: true', 2));
    expect(comments.range(comments.property(audit, ['properties', 'workspaceId'])).start).toEqual(startOf(COMMENTS, 'workspaceId: workspaceId'));
    const registries = comments.declaration('registries')!;
    expect(comments.range(comments.property(registries, ['sku', 'name'])).start).toEqual(startOf(COMMENTS, "name: 'Premium'"));
    expect(comments.modulePath('named')).toBe('modules/named.bicep');
  });

  it('stops at the deepest part of a path the source spells out', () => {
    const audit = registry.declaration('audit')!;
    expect(registry.range(registry.property(audit, ['properties', 'logs', 7, 'enabled'])).start).toEqual(startOf(REGISTRY, 'logs: ['));
    expect(registry.range(registry.property(audit, ['properties', 'storageAccountId'])).start).toEqual(startOf(REGISTRY, 'properties: {', 2));
    expect(registry.range(registry.property(audit, [])).start).toEqual(startOf(REGISTRY, 'resource audit'));
  });
});

describe('BicepLocator', () => {
  const compiled = parseJsonWithPositions(
    'compiled.json',
    JSON.stringify({
      resources: {
        teamRegistries: { properties: { template: { parameters: { exportRepositoryEvents: { type: 'bool' } } } } },
        remote: { properties: { template: { parameters: { diagnosticWorkspaceId: { type: 'string' } } } } },
      },
      variables: { unplaced: 'x' },
    }),
  );

  /** An instance as the expansion stage would make it, reduced to what locating reads. */
  function instanceAt(chain: string[], symbolicName: string): ResourceInstance {
    return {
      symbolicName,
      deploymentChain: chain.map((symbol) => ({ symbolicName: symbol, name: symbol, declaredAt: { file: 'compiled.json', offset: 0, length: 0 } })),
    } as unknown as ResourceInstance;
  }

  it('places an instance of a local module in the module file, on the property asked for', async () => {
    const locator = await BicepLocator.create(MAIN, compiled);
    expect(locator.locate({ instance: instanceAt(['teamRegistries'], 'audit'), path: ['properties', 'logs', 1, 'enabled'] })).toEqual({
      file: REGISTRY,
      range: { start: startOf(REGISTRY, 'enabled: exportRepositoryEvents'), end: expect.anything() },
    });
  });

  it('places an instance of a br: module on the module declaration in the user file', async () => {
    const locator = await BicepLocator.create(MAIN, compiled);
    expect(locator.locate({ instance: instanceAt(['remote'], 'registry') }).range.start).toEqual(startOf(MAIN, 'module remote'));
    expect(locator.locate({ instance: instanceAt(['remote'], 'registry') }).file).toBe(MAIN);
  });

  it('lists the module declarations on the way to an instance', async () => {
    const locator = await BicepLocator.create(MAIN, compiled);
    expect(locator.moduleChain(instanceAt(['teamRegistries'], 'registry'))).toEqual([
      { location: { file: MAIN, range: { start: startOf(MAIN, 'module teamRegistries'), end: expect.anything() } }, message: "module 'teamRegistries'" },
    ]);
  });

  it("names where a module's parameter is declared in Bicep", async () => {
    const locator = await BicepLocator.create(MAIN, compiled);
    const offset = compiled.text.indexOf('"exportRepositoryEvents"');
    const { line, column } = positionOf(REGISTRY, 'param exportRepositoryEvents');
    expect(locator.describeSpan({ file: 'compiled.json', offset, length: 10 })).toBe(`registry.bicep:${line}:${column}`);
  });

  it("names a br: module's parameter by the module declaration in the user's file, not the compiled template", async () => {
    const locator = await BicepLocator.create(MAIN, compiled);
    const offset = compiled.text.indexOf('"diagnosticWorkspaceId"');
    const { line, column } = positionOf(MAIN, 'module remote');
    expect(locator.describeSpan({ file: 'compiled.json', offset, length: 10 })).toBe(`main.bicep:${line}:${column}, inside the registry module declared there`);
  });

  it('names the Bicep file for a place it cannot point into', async () => {
    const locator = await BicepLocator.create(MAIN, compiled);
    const offset = compiled.text.indexOf('"unplaced"');
    expect(locator.describeSpan({ file: 'compiled.json', offset, length: 10 })).toBe('main.bicep');
  });

  it("names a place in an ARM JSON module by that file's own line", async () => {
    const entry = path.resolve(FIXTURES, '..', 'json-module', 'main.bicep');
    const module = path.resolve(FIXTURES, '..', 'json-module', 'mods', 'registry.json');
    const inlined = parseJsonWithPositions('compiled.json', JSON.stringify({ resources: { registry: { properties: { template: JSON.parse(fs.readFileSync(module, 'utf8')) } } } }));
    const locator = await BicepLocator.create(entry, inlined);
    const offset = inlined.text.indexOf('"logs"');
    const { line, column } = positionOf(module, '"logs"');
    expect(locator.describeSpan({ file: 'compiled.json', offset, length: 6 })).toBe(`registry.json:${line}:${column}`);
  });
});
