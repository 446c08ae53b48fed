import fs from 'node:fs';
import path from 'node:path';
import { auditWithRealBicep, BICEP_FIXTURES, realBicep, seen, type JsonReport } from '../helpers/real-bicep';
import { makeExecutable, makeTree } from '../helpers/temp-tree';

/** The real CLI behind a wrapper that logs each process it starts. */
function loggingCli(): { cli: string; starts: () => number } {
  const folder = makeTree({});
  const log = path.join(folder, 'starts.log');
  const cli = makeExecutable(path.join(folder, 'bicep'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${realBicep()}' "$@"\n`);
  return { cli, starts: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').length : 0) };
}

describe('results kept between runs', () => {
  // Every fixture folder but the one whose registry module cannot be fetched here: that result is never kept.
  const folders = fs.readdirSync(BICEP_FIXTURES).filter((f) => f !== 'locate');

  it('a warm run over the Bicep fixtures reports byte for byte what a cold one does, and starts no Bicep process', async () => {
    const cache = makeTree({});
    const { cli, starts } = loggingCli();
    const run = (argv: string[]) =>
      auditWithRealBicep([...folders, '--param', 'workspaceId=/subscriptions/x', '--jobs', '2', ...argv], { env: { BICEP_PATH: cli, XDG_CACHE_HOME: cache } });
    const cold = await run(['--format', 'json']);
    // One warm server for the few dozen entries: a second would not pay for its start.
    const compiled = starts();
    expect(compiled).toBe(1);
    const warm = await run(['--format', 'json']);
    expect(warm).toEqual(cold);
    expect(starts()).toBe(compiled);
    // A symbolic value (a name that could not be evaluated) comes back from the cache as it was made.
    expect(seen(JSON.parse(warm.stdout) as JsonReport).filter((r) => r.at === 'review/unevaluated-name.bicep:4:1' && r.ruleId === 'Azure.ACR.Logs').map((r) => r.message.split(' has ')[0])).toEqual([
      "registry 'registry' (named {not evaluated})",
    ]);
    const warmSarif = await run(['--format', 'sarif']);
    expect(starts()).toBe(compiled);
    expect(warmSarif).toEqual(await run(['--format', 'sarif', '--no-cache']));
    // Two cold runs over every fixture folder on a busy 2-core machine: the bound is for a hang.
  }, 300_000);

  it('are not used when the config changes, and the compile cache spares the Bicep CLI', async () => {
    const root = makeTree({
      '.git/HEAD': '',
      'main.bicep': fs.readFileSync(path.join(BICEP_FIXTURES, 'demo', 'main.bicep'), 'utf8'),
    });
    const { cli, starts } = loggingCli();
    const run = () => auditWithRealBicep(['main.bicep', '--format', 'json'], { cwd: root, env: { BICEP_PATH: cli, XDG_CACHE_HOME: path.join(root, '.cache') } });
    const first = await run();
    expect([first.code, seen(JSON.parse(first.stdout), root).map((r) => `${r.at} ${r.level}`), starts()]).toEqual([1, ['main.bicep:16:5 error', 'main.bicep:22:1 error'], 1]);
    fs.writeFileSync(path.join(root, 'bicep-audit.json'), JSON.stringify({ rules: { 'Azure.ACR.Logs': 'warning' } }));
    const second = await run();
    expect([second.code, seen(JSON.parse(second.stdout), root).map((r) => `${r.at} ${r.level}`), starts()]).toEqual([0, ['main.bicep:16:5 warning', 'main.bicep:22:1 warning'], 1]);
  });

  it('are kept apart by the deployment context', async () => {
    const root = makeTree({
      '.git/HEAD': '',
      'main.bicep': "resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'acrreg${resourceGroup().name}'\n  location: 'westeurope'\n  sku: { name: 'Basic' }\n}\n",
    });
    const names = async (group: string) => {
      const run = await auditWithRealBicep(['main.bicep', '--format', 'json', '--resource-group', group], { cwd: root, env: { XDG_CACHE_HOME: path.join(root, '.cache') } });
      return seen(JSON.parse(run.stdout), root).filter((r) => r.ruleId === 'Azure.ACR.Logs').map((r) => r.message.split(' has ')[0]);
    };
    expect(await names('blue')).toEqual(["registry 'acrregblue'"]);
    expect(await names('green')).toEqual(["registry 'acrreggreen'"]);
    expect(await names('blue')).toEqual(["registry 'acrregblue'"]);
  });
});

describe('a kept result follows from every config that applies: after each change, a cached run reports what an uncached one does', () => {
  const LINTER_ERROR = '{ "analyzers": { "core": { "rules": { "no-unused-params": { "level": "error" } } } } }\n';
  const LINTER_OFF = '{ "analyzers": { "core": { "rules": { "no-unused-params": { "level": "off" } } } } }\n';
  const WARNING = JSON.stringify({ rules: { 'Azure.ACR.Logs': 'warning' } });
  const NOTE = JSON.stringify({ rules: { 'Azure.ACR.Logs': 'note' } });
  // An entry whose registry has no diagnostic setting, and a module: each with a parameter nobody reads.
  const files = {
    '.git/HEAD': '',
    'infra/main.bicep':
      "param unused string = 'never read'\n\nmodule shared '../modules/shared.bicep' = {\n  name: 'shared'\n}\n\nresource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'acrconfigs'\n  location: 'westeurope'\n  sku: { name: 'Basic' }\n}\n",
    'modules/shared.bicep': "param alsoUnused string = 'never read'\n\noutput name string = 'shared'\n",
  };

  const cases: [string, Record<string, string>, (root: string) => void][] = [
    ['a root bicepconfig.json that raises a linter rule to error is added', {}, (root) => fs.writeFileSync(path.join(root, 'bicepconfig.json'), LINTER_ERROR)],
    ["a bicepconfig.json is added beside the entry, nearer than the root's", { 'bicepconfig.json': LINTER_OFF }, (root) => fs.writeFileSync(path.join(root, 'infra', 'bicepconfig.json'), LINTER_ERROR)],
    ['a bicepconfig.json is added beside the module', {}, (root) => fs.writeFileSync(path.join(root, 'modules', 'bicepconfig.json'), LINTER_ERROR)],
    ['the bicepconfig.json that applies changes', { 'bicepconfig.json': LINTER_OFF }, (root) => fs.writeFileSync(path.join(root, 'bicepconfig.json'), LINTER_ERROR)],
    ['the bicepconfig.json that applies is removed', { 'bicepconfig.json': LINTER_ERROR }, (root) => fs.rmSync(path.join(root, 'bicepconfig.json'))],
    ['a bicep-audit.json is added', {}, (root) => fs.writeFileSync(path.join(root, 'bicep-audit.json'), WARNING)],
    ['a nearer bicep-audit.json is added', { 'bicep-audit.json': WARNING }, (root) => fs.writeFileSync(path.join(root, 'infra', 'bicep-audit.json'), NOTE)],
    ['the bicep-audit.json that applies changes', { 'bicep-audit.json': WARNING }, (root) => fs.writeFileSync(path.join(root, 'bicep-audit.json'), NOTE)],
    ['the bicep-audit.json that applies is removed', { 'bicep-audit.json': WARNING }, (root) => fs.rmSync(path.join(root, 'bicep-audit.json'))],
  ];

  it.each(cases)('%s', async (_change, extra, change) => {
    const root = makeTree({ ...files, ...extra });
    const cache = makeTree({});
    const run = (...argv: string[]) => auditWithRealBicep(['infra/main.bicep', '--format', 'json', ...argv], { cwd: root, env: { XDG_CACHE_HOME: cache } });
    const before = await run();
    change(root);
    const cached = await run();
    const uncached = await run('--no-cache');
    expect(cached).toEqual(uncached);
    // Each change changes the result: a cached run that did not see it would report the old one.
    expect(uncached).not.toEqual(before);
  });
});
