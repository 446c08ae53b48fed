import fs from 'node:fs';
import path from 'node:path';
import { isolatedEnv, RUNNERS } from '../helpers/run-cli';
import { makeTree } from '../helpers/temp-tree';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'arm');
const TYPO = fs.readFileSync(path.join(FIXTURES, 'typo.json'), 'utf8');
const CONDITION = fs.readFileSync(path.join(FIXTURES, 'condition.json'), 'utf8');

interface JsonReport {
  inputs: { file: string }[];
  results: { ruleId: string; level: string; kind: string }[];
}

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

  it('an invalid config exits 2 naming the file, line, column and JSON path', async () => {
    const result = await invoke({ 'bicep-audit.json': '{\n  "rules": { "Azure.ACR.Logs": "fatal" }\n}\n' }, ['infra/typo.json']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(
      `bicep-audit: ${path.join(result.tree, 'bicep-audit.json')}:2:32: /rules/Azure.ACR.Logs must be equal to one of the allowed values\n`,
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
