import fs from 'node:fs';
import path from 'node:path';
import { runInProcess, isolatedEnv } from '../helpers/run-cli';
import { validateSarif as validate } from '../helpers/sarif-multitool';
import { makeTree } from '../helpers/temp-tree';
import { realBicep } from '../helpers/real-bicep';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'arm');

async function sarifOf(argv: string[]): Promise<string> {
  const home = makeTree({});
  const result = await runInProcess({ argv: [...argv, '--format', 'sarif'], cwd: FIXTURES, env: isolatedEnv(), homeDir: home });
  expect(result.stderr).toBe('');
  return result.stdout;
}

describe('SARIF accepted by GitHub code scanning (Sarif.Multitool validate, Ghas;Sarif)', () => {
  it('has zero errors and zero warnings on a run with failures, reviews, tool findings and an input it could not analyse', async () => {
    const log = await sarifOf(['typo.json', 'condition.json', 'review-linked.json', 'no-setting.json', 'missing.json', '--param', 'enableAudit=true']);
    const results = JSON.parse(log).runs[0].results as { ruleId: string; kind: string }[];
    expect(results.map((r) => [r.ruleId, r.kind])).toEqual([
      ['input', 'fail'],
      ['Azure.ACR.Logs', 'fail'],
      ['Azure.ACR.Logs', 'review'],
      ['template-evaluation', 'review'],
      ['Azure.ACR.Logs', 'fail'],
    ]);
    expect(validate(log)).toEqual([]);
  });

  it('has zero errors and zero warnings with suppressions of both kinds, with and without a justification', async () => {
    const tree = makeTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      // The registries' missing locks are not about suppressions: that rule is off here.
      'bicep-audit.json': JSON.stringify({ rules: { 'Azure.ACR.DeleteLock': 'off' }, suppressions: [{ rules: ['Azure.ACR.Logs'], names: ['acrtypo'], reason: 'fixed in the next release' }] }),
      'typo.json': fs.readFileSync(path.join(FIXTURES, 'typo.json'), 'utf8'),
      'in-source.bicep': fs.readFileSync(path.resolve(__dirname, '..', '..', 'bicep-fixtures', 'suppressions', 'in-source.bicep'), 'utf8'),
    });
    const run = await runInProcess({ argv: ['typo.json', 'in-source.bicep', '--format', 'sarif', '--no-cache'], cwd: tree, env: isolatedEnv({ BICEP_PATH: realBicep() }), homeDir: tree });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(JSON.parse(run.stdout).runs[0].results.map((r: { suppressions: unknown }) => r.suppressions)).toEqual([
      [{ kind: 'external', justification: 'fixed in the next release', status: 'accepted' }],
      [{ kind: 'inSource', status: 'accepted' }],
      [{ kind: 'inSource', justification: "exported by the platform team's Azure Policy", status: 'accepted' }],
      [{ kind: 'inSource', justification: 'audit logs come from Azure Policy (DeployIfNotExists)', status: 'accepted' }],
      [{ kind: 'inSource', status: 'accepted' }],
    ]);
    expect(validate(run.stdout)).toEqual([]);
  }, 120_000);

  it('has zero errors and zero warnings on a clean run', async () => {
    expect(validate(await sarifOf(['same-file.json']))).toEqual([]);
  });

  it('does flag a log that lacks what code scanning requires (the check can fail)', async () => {
    const log = JSON.parse(await sarifOf(['typo.json']));
    delete log.runs[0].tool.driver.rules[0].fullDescription;
    expect(validate(JSON.stringify(log)).map((r) => [r.ruleId, r.level])).toEqual([['GH2012', 'error']]);
  });
});
