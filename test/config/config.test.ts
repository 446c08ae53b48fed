import fs from 'node:fs';
import path from 'node:path';
import { isolatedEnv, RUNNERS } from '../helpers/run-cli';
import { makeTree } from '../helpers/temp-tree';

const TYPO = fs.readFileSync(path.resolve(__dirname, '..', 'fixtures', 'arm', 'typo.json'), 'utf8');

function levels(stdout: string): string[] {
  return (JSON.parse(stdout) as { findings: { level: string }[] }[]).flatMap((r) => r.findings.map((f) => f.level));
}

describe.each(RUNNERS)('config (%s)', (_runner, run) => {
  const invoke = (files: Record<string, string>, argv: string[]) => {
    const tree = makeTree({ 'typo.json': TYPO, ...files });
    return run({ argv: ['typo.json', '--format', 'json', ...argv], cwd: tree, env: isolatedEnv(), homeDir: tree });
  };

  it('.bicep-audit.json in the working folder sets a rule level, naming the rule by an alias', async () => {
    const result = await invoke({ '.bicep-audit.json': '{ "rules": { "AZR-000535": "warning" } }' }, []);
    expect(result.code).toBe(0);
    expect(levels(result.stdout)).toEqual(['warning']);
  });

  it('--config names the file; off stops the rule', async () => {
    const result = await invoke({ 'audit.json': '{ "rules": { "Azure.ACR.AuditLogs": "off" } }' }, ['--config', 'audit.json']);
    expect(result.code).toBe(0);
    expect(levels(result.stdout)).toEqual([]);
  });

  it('an unknown rule name is a usage error with a suggestion (exit 2)', async () => {
    const result = await invoke({ '.bicep-audit.json': '{ "rules": { "Azure.ACR.Log": "off" } }' }, []);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the config .*\.bicep-audit\.json names an unknown rule 'Azure\.ACR\.Log'; did you mean 'Azure\.ACR\.Logs'\?\n$/);
  });

  it('a level that is not one of error, warning, note, off is a usage error (exit 2)', async () => {
    const result = await invoke({ '.bicep-audit.json': '{ "rules": { "Azure.ACR.Logs": "fatal" } }' }, []);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the config .*\.bicep-audit\.json is invalid: \/rules\/Azure\.ACR\.Logs must be equal to one of the allowed values\n$/);
  });

  it('a missing --config file is a usage error (exit 2)', async () => {
    const result = await invoke({}, ['--config', 'nope.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot read the config .*nope\.json: ENOENT/);
  });
});
