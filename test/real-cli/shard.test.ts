import fs from 'node:fs';
import path from 'node:path';
import { parseShard, shardOf } from '../../src/analyze/shard';
import { auditWithRealBicep, type JsonReport } from '../helpers/real-bicep';
import { isolatedEnv, runInProcess } from '../helpers/run-cli';
import { validateSarif } from '../helpers/sarif-multitool';
import { makeTree } from '../helpers/temp-tree';

const registry = (name: string) => `resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: '${name}'
  location: 'westeurope'
  sku: { name: 'Basic' }
}
`;

/** A repository of eight entries (one of them fails to compile) and a module that is analysed inside its caller only. */
function repository(): string {
  return makeTree({
    '.git/HEAD': '',
    ...Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`infra/app${i}/main.bicep`, registry(`acrshard${i}`)])),
    'infra/caller.bicep': "module acr 'modules/acr.bicep' = {\n  name: 'acr'\n}\n",
    'infra/modules/acr.bicep': registry('acrshardmodule'),
    'infra/broken.bicep': "resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n",
  });
}

async function audit(root: string, argv: string[]) {
  const run = await auditWithRealBicep([...argv, '--fail-on', 'never'], { cwd: root, env: { XDG_CACHE_HOME: path.join(root, '.cache') } });
  expect(run.stderr).toBe('');
  return run;
}

const inputsOf = (root: string, report: JsonReport) => report.inputs.map((i) => path.relative(root, i.file));

describe('--shard i/n', () => {
  it('splits the entries into n parts, each entry in one', async () => {
    const root = repository();
    const whole = JSON.parse((await audit(root, ['infra', '--format', 'json'])).stdout) as JsonReport;
    const shards: string[][] = [];
    for (const index of [1, 2, 3]) {
      const run = await audit(root, ['infra', '--format', 'json', '--shard', `${index}/3`]);
      const report = JSON.parse(run.stdout) as JsonReport & { shard: unknown };
      // The shard that holds the file that does not compile exits 2, the others 0.
      expect([run.code, report.shard]).toEqual([inputsOf(root, report).includes(path.join('infra', 'broken.bicep')) ? 2 : 0, { index, count: 3 }]);
      shards.push(inputsOf(root, report));
    }
    expect(shards.flat().sort()).toEqual(inputsOf(root, whole).sort());
    expect(shards.flat()).toHaveLength(8);
    expect(shards.map((files, i) => files.filter((file) => shardOf(path.join(root, file), 3, root) !== i + 1))).toEqual([[], [], []]);
  });

  it('puts a file in the same shard on every checkout, whatever the folder', () => {
    const [first, second] = [repository(), repository()];
    const files = ['infra/caller.bicep', 'infra/broken.bicep', ...Array.from({ length: 6 }, (_, i) => `infra/app${i}/main.bicep`)];
    const assignments = (root: string) => files.map((file) => shardOf(path.join(root, file), 3, '/elsewhere'));
    expect(assignments(second)).toEqual(assignments(first));
    expect(new Set(assignments(first)).size).toBe(3);
  });

  it('merges the SARIF of the n shards into one run that says what the whole run says, accepted by code scanning', async () => {
    const root = repository();
    const whole = JSON.parse((await audit(root, ['infra', '--format', 'sarif'])).stdout);
    const files = [];
    for (const index of [1, 2, 3]) {
      const file = path.join(root, `shard${index}.sarif`);
      await audit(root, ['infra', '--format', 'sarif', '--shard', `${index}/3`, '--output', file]);
      expect(JSON.parse(fs.readFileSync(file, 'utf8')).runs[0].automationDetails).toEqual({ id: `bicep-audit/shard-${index}-of-3` });
      files.push(file);
    }
    const merged = await audit(root, ['merge-sarif', files[2]!, files[0]!, files[1]!]);
    expect(merged.code).toBe(0);
    const run = JSON.parse(merged.stdout).runs[0];
    const described = (r: { ruleId: string; ruleIndex: number; locations: unknown; message: unknown; partialFingerprints: unknown }, rules: { id: string }[]) =>
      JSON.stringify([r.ruleId, rules[r.ruleIndex]!.id, r.locations, r.message, r.partialFingerprints]);
    expect(run.results.map((r: never) => described(r, run.tool.driver.rules)).sort()).toEqual(
      whole.runs[0].results.map((r: never) => described(r, whole.runs[0].tool.driver.rules)).sort(),
    );
    expect(run.automationDetails).toBeUndefined();
    const [invocation, wholeInvocation] = [run.invocations, whole.runs[0].invocations].map((i) => ({ ...i[0], toolExecutionNotifications: i[0].toolExecutionNotifications.map(JSON.stringify).sort() }));
    expect([run.invocations.length, invocation]).toEqual([1, wholeInvocation]);
    expect(invocation.executionSuccessful).toBe(false);
    expect(validateSarif(merged.stdout)).toEqual([]);
  });

  it('a shard with no entries is a clean run, exit 0', async () => {
    const root = makeTree({ '.git/HEAD': '', 'main.bicep': registry('acralone') });
    const empty = shardOf(path.join(root, 'main.bicep'), 2, root) === 1 ? 2 : 1;
    const run = await audit(root, ['main.bicep', '--format', 'json', '--shard', `${empty}/2`, '--fail-on', 'note']);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect([run.code, report.inputs, report.results]).toEqual([0, [], []]);
  });
});

describe('merge-sarif refuses what would lose findings: exit 2', () => {
  const shardLog = (index: number, count: number) =>
    JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'bicep-audit', version: '0.1.0', rules: [] } }, automationDetails: { id: `bicep-audit/shard-${index}-of-${count}` }, results: [] }] });

  it.each([
    ['a missing shard', [shardLog(1, 3), shardLog(3, 3)], 'bicep-audit: shard 2 of 3 is missing: every shard is needed, or the alerts on its files would be closed\n'],
    ['a shard given twice', [shardLog(1, 2), shardLog(2, 2), shardLog(2, 2)], 'bicep-audit: shard 2 of 2 is given twice (2.sarif and 3.sarif)\n'],
    ['shards of different splits', [shardLog(1, 2), shardLog(2, 3)], 'bicep-audit: 2.sarif has another shard count than 1.sarif: the shards must come from one run of one version\n'],
    ['a log of a whole run', [JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'bicep-audit' } }, results: [] }] })], 'bicep-audit: 1.sarif is not the log of a shard (run with --shard i/n --format sarif)\n'],
    ['a log of another tool', [JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'other' } } }] })], 'bicep-audit: 1.sarif is not a SARIF log of one bicep-audit run\n'],
    ['a file that is not JSON', ['{'], expect.stringMatching(/^bicep-audit: cannot read the SARIF log 1\.sarif: .*JSON/)],
  ])('%s', async (_name, logs, stderr) => {
    const root = makeTree(Object.fromEntries(logs.map((log, i) => [`${i + 1}.sarif`, log])));
    const run = await runInProcess({ argv: ['merge-sarif', ...logs.map((_, i) => `${i + 1}.sarif`)], cwd: root, env: isolatedEnv(), homeDir: root });
    expect(run).toEqual({ code: 2, stdout: '', stderr });
  });
});

describe('parseShard', () => {
  it.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/3', { index: 2, count: 3 }],
    [' 3/3 ', { index: 3, count: 3 }],
    ['0/3', undefined],
    ['4/3', undefined],
    ['1/0', undefined],
    ['1.5/3', undefined],
    ['2', undefined],
    ['a/b', undefined],
  ])('%s', (text, shard) => expect(parseShard(text)).toEqual(shard));
});
