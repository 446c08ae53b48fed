import fs from 'node:fs';
import path from 'node:path';
import { auditWithRealBicep, realBicep, seen, type JsonReport } from '../helpers/real-bicep';
import { makeExecutable, makeTree } from '../helpers/temp-tree';

const registry = (name: string) => `// Registry ${name}.
resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: '${name}'
  location: 'westeurope'
  sku: { name: 'Basic' }
}
`;

/** The real CLI behind a wrapper that logs each process it starts, one line of arguments each. */
function loggingCli(folder: string): { cli: string; starts: () => string[] } {
  const log = path.join(folder, 'starts.log');
  const cli = makeExecutable(path.join(folder, 'bicep'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${realBicep()}' "$@"\n`);
  return { cli, starts: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : []) };
}

/** These registries are about the pool and the cache: the lock each lacks is test/rules/control-plane.test.ts's. */
const LOCKS_OFF = { 'bicep-audit.json': '{ "rules": { "Azure.ACR.DeleteLock": "off" } }\n' };

async function audit(root: string, cli: string, argv: string[]): Promise<{ code: number; report: JsonReport }> {
  const run = await auditWithRealBicep([...argv, '--format', 'json'], { cwd: root, env: { BICEP_PATH: cli, XDG_CACHE_HOME: path.join(root, '.cache') } });
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport };
}

describe('the warm pool', () => {
  it('serves 20 files in one invocation from one warm server (a second costs more to start than it would save), and no process for the version', async () => {
    const files = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`infra/acr${i}.bicep`, registry(`acrpool${i}`)]));
    const root = makeTree({ ...files, ...LOCKS_OFF, '.git/HEAD': '' });
    const { cli, starts } = loggingCli(makeTree({}));
    const { code, report } = await audit(root, cli, ['infra', '--jobs', '2', '--no-cache']);
    expect(code).toBe(1);
    expect(report.inputs.filter((i) => i.status === 'analysed')).toHaveLength(20);
    expect(seen(report, root).map((r) => r.at).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `infra/acr${i}.bicep:2:1`).sort());
    expect(starts()).toEqual(['jsonrpc --stdio']);
  }, 60_000);
});

describe('the compile cache', () => {
  const WORKSPACE = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit';
  const jsonModule = (categories: string[]) =>
    JSON.stringify(
      {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        resources: [
          { type: 'Microsoft.ContainerRegistry/registries', apiVersion: '2023-07-01', name: 'acrcachedjson', location: 'westeurope', sku: { name: 'Basic' } },
          {
            type: 'Microsoft.Insights/diagnosticSettings',
            apiVersion: '2021-05-01-preview',
            name: 'audit',
            scope: 'Microsoft.ContainerRegistry/registries/acrcachedjson',
            properties: { workspaceId: WORKSPACE, logs: categories.map((category) => ({ category, enabled: true })) },
            dependsOn: ['acrcachedjson'],
          },
        ],
      },
      null,
      2,
    );
  const BOTH = ['ContainerRegistryLoginEvents', 'ContainerRegistryRepositoryEvents'];

  function tree() {
    return makeTree({
      ...LOCKS_OFF,
      '.git/HEAD': '',
      'main.bicep': `// A JSON module, a loaded file and an imported value.
import { exportedLogs } from 'shared.bicep'

module fromJson 'mods/registry.json' = {
  name: 'fromJson'
}

resource loaded 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrcachedloaded'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

resource loadedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: loaded
  properties: {
    workspaceId: '${WORKSPACE}'
    logs: [
      { categoryGroup: loadTextContent('group.txt'), enabled: true }
    ]
  }
}

resource imported 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrcachedimported'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

resource importedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: imported
  properties: {
    workspaceId: '${WORKSPACE}'
    logs: exportedLogs
  }
}
`,
      'shared.bicep': `@export()
var exportedLogs = [
  { categoryGroup: 'audit', enabled: true }
]
`,
      'group.txt': 'audit',
      'mods/registry.json': jsonModule(BOTH),
    });
  }

  it.each([
    ['a JSON module', 'mods/registry.json', jsonModule(['ContainerRegistryLoginEvents']), "registry 'acrcachedjson' in module 'fromJson' does not export ContainerRegistryRepositoryEvents; enable it or the 'audit' category group"],
    ['a loadTextContent file', 'group.txt', 'allLog', "registry 'acrcachedloaded' does not export ContainerRegistryLoginEvents or ContainerRegistryRepositoryEvents ('allLog' is not a container registry log category group; did you mean 'allLogs'?); enable them or the 'audit' category group"],
    ['an imported file', 'shared.bicep', "@export()\nvar exportedLogs = [\n  { categoryGroup: 'audit', enabled: false }\n]\n", "registry 'acrcachedimported' does not export ContainerRegistryLoginEvents or ContainerRegistryRepositoryEvents; enable them or the 'audit' category group"],
  ])('compiles again after an edit of %s', async (_what, edited, content, message) => {
    const root = tree();
    const { cli, starts } = loggingCli(makeTree({}));
    const first = await audit(root, cli, ['main.bicep']);
    expect(first.code).toBe(0);
    const processes = starts().length;
    expect(processes).toBe(1);

    const cached = await audit(root, cli, ['main.bicep']);
    expect(cached.report).toEqual(first.report);
    expect(starts()).toHaveLength(processes);

    fs.writeFileSync(path.join(root, edited), content);
    const after = await audit(root, cli, ['main.bicep']);
    expect(starts().length).toBeGreaterThan(processes);
    expect(after.code).toBe(1);
    expect(seen(after.report, root).map((r) => r.message)).toEqual([message]);
  }, 60_000);

  it('keeps a failed compile too, and compiles again when the module it looked for in vain appears', async () => {
    const root = makeTree({ ...LOCKS_OFF, '.git/HEAD': '', 'main.bicep': "module acr 'mods/acr.bicep' = {\n  name: 'acr'\n}\n" });
    const { cli, starts } = loggingCli(makeTree({}));
    const first = await audit(root, cli, ['main.bicep']);
    expect([first.code, seen(first.report, root).map((r) => `${r.at} ${r.ruleId}`)]).toEqual([2, ['main.bicep:1:12 BCP091']]);
    expect(starts()).toEqual(['jsonrpc --stdio']);

    const cached = await audit(root, cli, ['main.bicep']);
    expect(cached).toEqual(first);
    expect(starts()).toEqual(['jsonrpc --stdio']);

    fs.mkdirSync(path.join(root, 'mods'));
    fs.writeFileSync(path.join(root, 'mods', 'acr.bicep'), registry('acrappeared'));
    const after = await audit(root, cli, ['main.bicep']);
    expect([after.code, seen(after.report, root).map((r) => `${r.at} ${r.ruleId}`)]).toEqual([1, ['mods/acr.bicep:2:1 Azure.ACR.Logs']]);
    expect(starts()).toEqual(['jsonrpc --stdio', 'jsonrpc --stdio']);
  });

  it('starts one server for one file that misses among cached ones', async () => {
    const root = makeTree({ ...LOCKS_OFF, '.git/HEAD': '', ...Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`infra/acr${i}.bicep`, registry(`acrmiss${i}`)])) });
    const { cli, starts } = loggingCli(makeTree({}));
    await audit(root, cli, ['infra', '--jobs', '2']);
    expect(starts()).toEqual(['jsonrpc --stdio']);
    fs.appendFileSync(path.join(root, 'infra', 'acr2.bicep'), '// edited\n');
    const { code, report } = await audit(root, cli, ['infra', '--jobs', '2']);
    expect([code, seen(report, root).map((r) => r.at)]).toEqual([1, ['infra/acr0.bicep:2:1', 'infra/acr1.bicep:2:1', 'infra/acr2.bicep:2:1', 'infra/acr3.bicep:2:1']]);
    expect(starts()).toEqual(['jsonrpc --stdio', 'jsonrpc --stdio']);
  });

  it('under --no-restore, asks the CLI its version once and remembers it for this binary', async () => {
    const root = makeTree({ ...LOCKS_OFF, '.git/HEAD': '', 'main.bicep': registry('acrbuild') });
    const { cli, starts } = loggingCli(makeTree({}));
    const build = `build ${path.join(root, 'main.bicep')} --stdout --no-restore`;
    await audit(root, cli, ['main.bicep', '--no-restore']);
    expect(starts().map((s) => s.replace(/\/tmp\/bicep-audit-mirror-[^/]+/, ''))).toEqual(['--version', build]);
    fs.appendFileSync(path.join(root, 'main.bicep'), '// edited\n');
    const { report } = await audit(root, cli, ['main.bicep', '--no-restore']);
    expect(starts().map((s) => s.replace(/\/tmp\/bicep-audit-mirror-[^/]+/, ''))).toEqual(['--version', build, build]);
    expect((report as unknown as { bicep: { version: string } }).bicep.version).toBe('0.49.2');
  });
});

describe('a server that has compiled its budget of files', () => {
  const SETTING = `resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: registry
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [{ categoryGroup: 'audit', enabled: true }]
  }
}
`;
  const caller = (i: number) => `module shared '../modules/registry.bicep' = {
  name: 'shared${i}'
  params: { name: 'acrshared${i}' }
}
`;
  // Six entries: three with their own registry (every other one with a setting), three that call one local module.
  const tree = () =>
    makeTree({
      ...Object.fromEntries([0, 1, 2].map((i) => [`infra/own${i}.bicep`, registry(`acrown${i}`) + (i % 2 === 0 ? SETTING : '')])),
      ...Object.fromEntries([0, 1, 2].map((i) => [`infra/calls${i}.bicep`, caller(i)])),
      'modules/registry.bicep': `param name string\n${registry('x').replace("'x'", 'name')}`,
      '.git/HEAD': '',
    });

  it('is replaced by a fresh one, and the run reports exactly what a run with one server reports', async () => {
    const root = tree();
    const { cli, starts } = loggingCli(makeTree({}));
    const budget = await auditWithRealBicep(['infra', 'modules', '--jobs', '1', '--no-cache', '--format', 'json'], {
      cwd: root,
      env: { BICEP_PATH: cli, BICEP_AUDIT_FILES_PER_SERVER: '2' },
    });
    const servers = starts().length;
    const one = await auditWithRealBicep(['infra', 'modules', '--jobs', '1', '--no-cache', '--format', 'json'], { cwd: root, env: { BICEP_PATH: cli } });
    // Which files each entry reads comes from parsing, with no server: a server is given the 6 compiles, 2 each.
    expect(servers).toBe(3);
    expect(starts().length - servers).toBe(1);
    expect(budget.code).toBe(1);
    expect(budget.stdout).toBe(one.stdout);
    expect((JSON.parse(budget.stdout) as JsonReport).inputs.map((i) => path.relative(root, i.file)).sort()).toEqual(
      ['infra/calls0.bicep', 'infra/calls1.bicep', 'infra/calls2.bicep', 'infra/own0.bicep', 'infra/own1.bicep', 'infra/own2.bicep'],
    );
  }, 120_000);
});
