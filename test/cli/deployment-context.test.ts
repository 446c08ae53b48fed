import fs from 'node:fs';
import path from 'node:path';
import { isolatedEnv, RUNNERS } from '../helpers/run-cli';
import { makeTree } from '../helpers/temp-tree';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'arm');
const FIXTURE = path.join(FIXTURES, 'scope-by-literal-id.json');
const SUBSCRIPTION = '00000000-0000-0000-0000-0000000000aa';
const home = makeTree({});

interface JsonReport {
  results: { ruleId: string; kind: string; message: string; location: { line: number; column: number } }[];
}

// The setting names its registry by a full, literal ID: whether that is the registry depends on where the template deploys.
describe.each(RUNNERS)('the deployment context from flags and config (%s)', (_runner, run) => {
  const audit = (argv: string[], cwd = FIXTURES) => run({ argv: [...argv, '--format', 'json'], cwd, env: isolatedEnv(), homeDir: home });

  it('--subscription-id and --resource-group that match the setting: the registry exports its logs (exit 0)', async () => {
    const result = await audit([FIXTURE, '--subscription-id', SUBSCRIPTION, '--resource-group', 'rg-prod']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as JsonReport).results).toEqual([]);
  });

  it('another resource group: the setting is on another registry, so this one has none (exit 1)', async () => {
    const result = await audit([FIXTURE, '--subscription-id', SUBSCRIPTION, '--resource-group', 'rg-test']);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as JsonReport).results.map((r) => [r.kind, r.location.line, r.location.column, r.message])).toEqual([
      [
        'fail',
        6,
        5,
        "registry 'acrfixed' has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group",
      ],
    ]);
  });

  it('without them, the setting may be on the registry or not: a review (a warning, exit 0)', async () => {
    const result = await audit([FIXTURE]);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as JsonReport).results.map((r) => [r.kind, r.location.line, r.location.column, r.message])).toEqual([
      [
        'review',
        20,
        18,
        'whether registry \'acrfixed\' exports ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents is decided at deployment by subscription().subscriptionId; resourceGroup().name; settle it in the template or check it before deploying',
      ],
    ]);
  });

  it('an existing reference in another letter case is the same registry once the resource group is known (exit 0)', async () => {
    const result = await audit([path.join(FIXTURES, 'existing-other-case.json'), '--subscription-id', SUBSCRIPTION, '--resource-group', 'rg-prod']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as JsonReport).results).toEqual([]);
  });

  it("takes them from the config's deployment section, and the command line's value wins", async () => {
    const tree = makeTree({
      'bicep-audit.json': JSON.stringify({ deployment: { subscriptionId: SUBSCRIPTION, resourceGroup: 'rg-test' } }),
      'main.json': fs.readFileSync(FIXTURE, 'utf8'),
    });
    expect((await audit(['main.json'], tree)).code).toBe(1);
    expect((await audit(['main.json', '--resource-group', 'rg-prod'], tree)).code).toBe(0);
  });

  it('a config deployment section with a field it does not know is a usage error (exit 2)', async () => {
    const tree = makeTree({ 'bicep-audit.json': '{ "deployment": { "region": "westeurope" } }', 'main.json': '{}' });
    const result = await audit(['main.json'], tree);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`bicep-audit: ${path.join(tree, 'bicep-audit.json')}:1:29: /deployment has an unexpected property 'region'\n`);
  });
});
