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
  });

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
      return seen(JSON.parse(run.stdout), root).map((r) => r.message.split(' has ')[0]);
    };
    expect(await names('blue')).toEqual(["registry 'acrregblue'"]);
    expect(await names('green')).toEqual(["registry 'acrreggreen'"]);
    expect(await names('blue')).toEqual(["registry 'acrregblue'"]);
  });
});
