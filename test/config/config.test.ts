import fs from 'node:fs';
import path from 'node:path';
import { positionOf } from '../helpers/fixture-position';
import { isolatedEnv, runInProcess, RUNNERS } from '../helpers/run-cli';
import { makeTree } from '../helpers/temp-tree';
import { realBicep } from '../helpers/real-bicep';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'arm');
const TYPO = fs.readFileSync(path.join(FIXTURES, 'typo.json'), 'utf8');
const CONDITION = fs.readFileSync(path.join(FIXTURES, 'condition.json'), 'utf8');

interface JsonReport {
  inputs: { file: string }[];
  results: {
    ruleId: string;
    level: string;
    kind: string;
    location: { file: string; line: number; column: number };
    suppression: { kind: string; justification: string | null } | null;
  }[];
}

/** Each result's rule, `file:line:column` (relative to `root`) and suppression. */
/** Where each finding is and how it is suppressed; the registries' missing locks (test/rules/control-plane.test.ts) are left out. */
const placed = (stdout: string, root: string) =>
  (JSON.parse(stdout) as JsonReport).results.filter((r) => r.ruleId !== 'Azure.ACR.DeleteLock').map((r) => [r.ruleId, `${path.relative(root, r.location.file)}:${r.location.line}:${r.location.column}`, r.suppression]);

const levels = (stdout: string) => (JSON.parse(stdout) as JsonReport).results.map((r) => r.level);

describe.each(RUNNERS)('config end to end (%s)', (_runner, run) => {
  const invoke = async (files: Record<string, string>, argv: string[]) => {
    const tree = makeTree({ '.git/HEAD': 'ref: refs/heads/main\n', 'infra/typo.json': TYPO, ...files });
    return { ...(await run({ argv: [...argv, '--format', 'json'], cwd: tree, env: isolatedEnv(), homeDir: tree })), tree };
  };

  it("bicep-audit.json found above the input's folder sets a rule level, naming the rule by an alias", async () => {
    const result = await invoke({ 'bicep-audit.json': '{ "rules": { "AZR-000535": "warning" } }' }, ['infra/typo.json']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(levels(result.stdout)).toEqual(['warning']);
  });

  it('--config names the file for every input; off stops the rule', async () => {
    const result = await invoke({ 'audit.json': '{ "rules": { "Azure.ACR.AuditLogs": "off" } }' }, ['infra/typo.json', '--config', 'audit.json']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(levels(result.stdout)).toEqual([]);
  });

  it('parameters from the config decide a review; --param wins over them', async () => {
    const config = { 'infra/bicep-audit.json': '{ "parameters": { "enableAudit": true, "exportLogins": false } }', 'infra/condition.json': CONDITION };
    const fromConfig = await invoke(config, ['infra/condition.json']);
    expect((JSON.parse(fromConfig.stdout) as JsonReport).results.map((r) => [r.kind, r.level])).toEqual([['fail', 'error']]);
    const overridden = await invoke(config, ['infra/condition.json', '--param', 'exportLogins=true']);
    expect((JSON.parse(overridden.stdout) as JsonReport).results).toEqual([]);
    expect(overridden.code).toBe(0);
  });

  it('exclude globs drop files found in folders, relative to the config', async () => {
    const result = await invoke(
      {
        'bicep-audit.json': '{ "exclude": ["infra/generated/**"] }',
        'infra/generated/main.bicep': 'not even Bicep\n',
      },
      ['infra/generated', 'infra/typo.json'],
    );
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as JsonReport).inputs.map((i) => path.relative(result.tree, i.file))).toEqual([path.join('infra', 'typo.json')]);
  });

  it('suppressions accept an ARM finding by resource name, with the reason as the justification, and exit 0', async () => {
    const config = { suppressions: [{ rules: ['Azure.ACR.AuditLogs'], names: ['ACRTYPO'], reason: 'fixed in the next release' }] };
    const result = await invoke({ 'bicep-audit.json': JSON.stringify(config) }, ['infra/typo.json']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    const { line, column } = positionOf(path.join(FIXTURES, 'typo.json'), '"ContainerRegistryRepositoryEvent"');
    expect(placed(result.stdout, result.tree)).toEqual([
      ['Azure.ACR.Logs', `${path.join('infra', 'typo.json')}:${line}:${column}`, { kind: 'external', justification: 'fixed in the next release' }],
    ]);
  });

  it('a suppression without a reason exits 2 naming the file, line and column of the entry', async () => {
    const result = await invoke({ 'bicep-audit.json': '{\n  "suppressions": [\n    { "rules": ["Azure.ACR.Logs"], "names": ["acrtypo"] }\n  ]\n}\n' }, ['infra/typo.json']);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toBe(`bicep-audit: ${path.join(result.tree, 'bicep-audit.json')}:3:5: /suppressions/0 must have required property 'reason'\n`);
  });

  it('an invalid config exits 2 naming the file, line, column and JSON path', async () => {
    const result = await invoke({ 'bicep-audit.json': '{\n  "rules": { "Azure.ACR.Logs": "fatal" }\n}\n' }, ['infra/typo.json']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(
      `bicep-audit: ${path.join(result.tree, 'bicep-audit.json')}:2:32: /rules/Azure.ACR.Logs must be one of "error", "warning", "note", "off"\n`,
    );
  });

  it('an unknown rule exits 2 with a suggestion', async () => {
    const result = await invoke({ 'infra/bicep-audit.json': '{ "rules": { "Azure.ACR.Log": "off" } }' }, ['infra/typo.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `bicep-audit: ${path.join(result.tree, 'infra', 'bicep-audit.json')}:1:14: /rules/Azure.ACR.Log is not a rule id or alias; did you mean 'Azure.ACR.Logs'?\n`,
    );
  });

  it('a missing --config file exits 2', async () => {
    const result = await invoke({}, ['infra/typo.json', '--config', 'nope.json']);
    expect(result.code).toBe(2);
    const file = path.join(result.tree, 'nope.json');
    expect(result.stderr).toBe(`bicep-audit: cannot read the config ${file}: ENOENT: no such file or directory, open '${file}'\n`);
  });
});

describe('config suppressions on Bicep inputs (real Bicep CLI)', () => {
  const ROOT = path.resolve(__dirname, '..', '..');
  const FOLDER = path.join(ROOT, 'bicep-fixtures', 'suppressions', 'config');

  it("suppress by instance name wherever the registry is declared (a local module too); a directive's own reason wins", async () => {
    const result = await runInProcess({
      argv: [path.join(FOLDER, 'main.bicep'), '--format', 'json', '--no-cache'],
      cwd: ROOT,
      env: { PATH: process.env.PATH, BICEP_PATH: realBicep() },
      homeDir: makeTree({}),
    });
    expect([result.code, result.stderr]).toEqual([1, '']);
    const at = (file: string, snippet: string) => {
      const { line, column } = positionOf(path.join(FOLDER, file), snippet);
      return `${path.relative(ROOT, path.join(FOLDER, file))}:${line}:${column}`;
    };
    const external = { kind: 'external', justification: 'scratch registries hold no production images' };
    expect(placed(result.stdout, ROOT)).toEqual([
      ['Azure.ACR.Logs', at('main.bicep', 'resource scratch '), external],
      ['Azure.ACR.Logs', at('main.bicep', 'resource prod '), null],
      ['Azure.ACR.Logs', at('main.bicep', 'resource scratchWithDirective '), { kind: 'inSource', justification: "the directive's reason wins over the config's" }],
      ['Azure.ACR.Logs', at('modules/registry.bicep', 'resource registry '), external],
    ]);
  }, 60_000);
});
