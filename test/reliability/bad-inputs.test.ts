import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isolatedEnv } from '../helpers/run-cli';
import { makeTree } from '../helpers/temp-tree';
import { realBicep } from '../helpers/real-bicep';

const BIN = path.resolve(__dirname, '..', '..', 'bin', 'bicep-audit.js');
const TYPO = fs.readFileSync(path.resolve(__dirname, '..', 'fixtures', 'arm', 'typo.json'), 'utf8');
const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const WORKSPACE = '/subscriptions/s/resourceGroups/g/providers/Microsoft.OperationalInsights/workspaces/w';
const NO_SETTING = (name: string) =>
  `registry '${name}' has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group`;

const registry = (name: string, extra: object = {}) => ({
  type: 'Microsoft.ContainerRegistry/registries',
  apiVersion: '2023-07-01',
  name,
  location: 'westeurope',
  sku: { name: 'Basic' },
  ...extra,
});

const auditSetting = (registryName: string) => ({
  type: 'Microsoft.Insights/diagnosticSettings',
  apiVersion: '2021-05-01-preview',
  name: 'audit',
  scope: `[resourceId('Microsoft.ContainerRegistry/registries', '${registryName}')]`,
  properties: { workspaceId: WORKSPACE, logs: [{ categoryGroup: 'audit', enabled: true }] },
});

const template = (resources: object[], variables: object = {}) => JSON.stringify({ $schema: SCHEMA, contentVersion: '1.0.0.0', variables, resources }, null, 2);

// A resource no rule judges, in the place of the setting registry 777 does not get.
const workspace = { type: 'Microsoft.OperationalInsights/workspaces', apiVersion: '2023-09-01', name: 'logspare', location: 'westeurope' };

/** One lock at the resource group, for every registry of a template. */
const groupLock = { type: 'Microsoft.Authorization/locks', apiVersion: '2020-05-01', name: 'no-delete', properties: { level: 'CanNotDelete' } };

/** 1,000 registries with settings, but registry 777 has none, and a lock: the one finding proves all 2,001 resources were read. */
const MANY = template([...Array.from({ length: 1000 }, (_, i) => [registry(`acr${i}`), i === 777 ? workspace : auditSetting(`acr${i}`)]).flat(), groupLock]);

/** The 1-based line of the `{` that opens the resource whose name line is `nameLine` (type and apiVersion come between). */
const resourceLine = (text: string, nameLine: string) => text.split('\n').indexOf(nameLine) + 1 - 3;

/** A 5 MB template: 5,200 variables of 1,000 characters, and one registry without a setting. */
function fiveMegabytes(): string {
  const variables = Object.fromEntries(Array.from({ length: 5200 }, (_, i) => [`v${i}`, 'x'.repeat(1000)]));
  return template([registry('acrbig')], variables);
}

/** A variable nested 1,000 objects deep, read by the registry. */
function deeplyNested(): string {
  const text = template([registry('acrdeep', { properties: { note: "[variables('deep')]" } })], { deep: '__DEEP__' });
  return text.replace('"__DEEP__"', `${'{"a":'.repeat(1000)}0${'}'.repeat(1000)}`);
}

const WEIRD_NAME = `we'ird "name" $(touch pwned) ünïcødé.json`;

interface Row {
  name: string;
  files: Record<string, string | Buffer>;
  argv: string[];
  code: number;
  /** Exact stderr, or exact results as [ruleId, line, column, message] with `<tree>` for the temp folder. */
  stderr?: string;
  results?: [string, number, number, string][];
}

const rows: Row[] = [
  {
    name: 'a path that does not exist',
    files: {},
    argv: ['nowhere.bicep'],
    code: 2,
    results: [['input', 1, 1, 'cannot analyse <tree>/nowhere.bicep: no such file or folder']],
  },
  {
    name: 'a folder with no Bicep files',
    files: { 'docs/readme.md': '# nothing\n' },
    argv: ['docs'],
    code: 2,
    stderr: 'bicep-audit: no inputs found in docs (looked for .bicep and .bicepparam files)\n',
  },
  { name: 'an empty .bicep', files: { 'empty.bicep': '\n  \n' }, argv: ['empty.bicep'], code: 2, results: [['input', 1, 1, 'cannot analyse <tree>/empty.bicep: the file is empty']] },
  {
    name: 'a binary file named .bicep',
    files: { 'image.bicep': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]) },
    argv: ['image.bicep'],
    code: 2,
    results: [['input', 1, 1, 'cannot analyse <tree>/image.bicep: it is a binary file, not Bicep source']],
  },
  {
    name: 'invalid UTF-8',
    files: { 'latin1.bicep': Buffer.concat([Buffer.from("param owner string\nparam city string = 'Z"), Buffer.from([0xfc]), Buffer.from("rich'\n")]) },
    argv: ['latin1.bicep'],
    code: 2,
    results: [['input', 2, 23, 'cannot analyse <tree>/latin1.bicep: it is not valid UTF-8 text']],
  },
  {
    name: 'a .bicepparam whose using file is missing',
    files: { 'prod.bicepparam': "using './main.bicep'\n\nparam location = 'westeurope'\n" },
    argv: ['prod.bicepparam'],
    code: 2,
    results: [['input', 1, 8, 'cannot analyse <tree>/prod.bicepparam: the file its using declaration names does not exist: <tree>/main.bicep']],
  },
  {
    name: 'an ARM .json that is not a template',
    files: { 'package.json': '{ "name": "infra", "version": "1.0.0" }\n' },
    argv: ['package.json'],
    code: 2,
    results: [['input', 1, 1, 'cannot analyse <tree>/package.json: it has no $schema, so it is not an ARM deployment template']],
  },
  {
    name: 'JSON with comments (ARM accepts them): analysed',
    files: { 'commented.json': `// exported by hand\n${TYPO.replace('"resources": {', '/* the registry and its setting */\n  "resources": {')}` },
    argv: ['commented.json'],
    code: 1,
    results: [
      [
        'Azure.ACR.Logs',
        24,
        25,
        "registry 'acrtypo' does not export ContainerRegistryRepositoryEvents ('ContainerRegistryRepositoryEvent' is not a container registry log category; did you mean 'ContainerRegistryRepositoryEvents'?); enable it or the 'audit' category group",
      ],
    ],
  },
  { name: 'a 5 MB template', files: { 'big.json': fiveMegabytes() }, argv: ['big.json'], code: 1, results: [['Azure.ACR.Logs', 5207, 5, NO_SETTING('acrbig')]] },
  {
    name: 'a template with 2,001 resources',
    files: { 'many.json': MANY },
    argv: ['many.json'],
    code: 1,
    results: [['Azure.ACR.Logs', resourceLine(MANY, '      "name": "acr777",'), 5, NO_SETTING('acr777')]],
  },
  {
    name: 'a loop over 801 instances',
    files: { 'loop.json': template([registry("[format('acr{0}', copyIndex())]", { copy: { name: 'registries', count: 801 } })]) },
    argv: ['loop.json'],
    code: 1,
    results: [['template-limit', 16, 18, "copy loop 'registries' has 801 instances; Azure allows at most 800"]],
  },
  { name: 'objects nested 1,000 levels deep', files: { 'deep.json': deeplyNested() }, argv: ['deep.json'], code: 1, results: [['Azure.ACR.Logs', 8, 5, NO_SETTING('acrdeep')]] },
  {
    name: 'a file name with spaces, quotes, $(...) and non-ASCII characters',
    files: { [WEIRD_NAME]: template([registry('acrweird')]) },
    argv: [WEIRD_NAME],
    code: 1,
    results: [['Azure.ACR.Logs', 6, 5, NO_SETTING('acrweird')]],
  },
  {
    name: 'a module path that leaves the repository',
    files: { '.git/HEAD': 'ref: refs/heads/main\n', 'infra/main.bicep': "module shared '../../outside.bicep' = {\n  name: 'shared'\n}\n" },
    argv: ['infra/main.bicep'],
    code: 2,
    results: [
      [
        'input',
        1,
        15,
        'cannot analyse <tree>/infra/main.bicep: it reads <parent>/outside.bicep, outside the repository <tree>; bicep-audit reads only files inside the repository',
      ],
    ],
  },
  {
    name: 'a load function in a local module that reads outside the repository',
    files: {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'infra/main.bicep': "module registry 'modules/registry.bicep' = {\n  name: 'registry'\n}\n",
      'infra/modules/registry.bicep': "var secret = loadTextContent('../../../../../../../../../../../../etc/passwd')\n",
    },
    argv: ['infra/main.bicep'],
    code: 2,
    results: [
      [
        'input',
        1,
        30,
        'cannot analyse <tree>/infra/main.bicep: it reads /etc/passwd, outside the repository <tree>; bicep-audit reads only files inside the repository',
      ],
    ],
  },
];

function run(tree: string, argv: string[], spawnVia: string[] = []) {
  const [command, ...prefix] = [...spawnVia, process.execPath];
  return spawnSync(command!, [...prefix, BIN, ...argv, '--format', 'json'], {
    cwd: tree,
    // The pinned CLI, as a user who provisioned it has: the inputs are refused with a CLI at hand.
    env: isolatedEnv({ HOME: tree, BICEP_PATH: realBicep() }),
    encoding: 'utf8',
    timeout: 60_000,
  });
}

function resultsOf(stdout: string, tree: string): [string, number, number, string][] {
  const report = JSON.parse(stdout) as { results: { ruleId: string; location: { line: number; column: number }; message: string }[] };
  const scrub = (text: string) => text.split(tree).join('<tree>').split(path.dirname(tree)).join('<parent>');
  // Each registry here lacks a lock too: that note is test/rules/control-plane.test.ts's, not a question of bad input.
  return report.results.filter((r) => r.ruleId !== 'Azure.ACR.DeleteLock').map((r) => [r.ruleId, r.location.line, r.location.column, scrub(r.message)]);
}

describe('bad inputs: never a crash, a hang or a clean report', () => {
  it.each(rows)('$name → exit $code', ({ files, argv, code, stderr, results }) => {
    const tree = makeTree({});
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(tree, name)), { recursive: true });
      fs.writeFileSync(path.join(tree, name), content);
    }
    const result = run(tree, argv);
    expect(result.status).toBe(code);
    if (stderr !== undefined) expect(result.stderr).toBe(stderr);
    else expect(result.stderr).toBe('');
    if (results) expect(resultsOf(result.stdout, tree)).toEqual(results);
    // The odd file name was passed as one argument, never to a shell.
    expect(fs.existsSync(path.join(tree, 'pwned'))).toBe(false);
  });

  it('a symlink loop in a folder input is not followed', () => {
    const tree = makeTree({ 'infra/empty.bicep': '' });
    fs.symlinkSync('.', path.join(tree, 'infra', 'loop'));
    fs.symlinkSync('..', path.join(tree, 'infra', 'up'));
    const result = run(tree, ['infra']);
    expect([result.status, result.stderr]).toEqual([2, '']);
    expect(resultsOf(result.stdout, tree)).toEqual([['input', 1, 1, 'cannot analyse <tree>/infra/empty.bicep: the file is empty']]);
  });

  it('a FIFO named like a template is not read (reading it would block)', () => {
    const tree = makeTree({});
    const made = spawnSync('mkfifo', [path.join(tree, 'pipe.json')]);
    expect(made.status).toBe(0);
    const result = run(tree, ['pipe.json']);
    expect(result.status).toBe(2);
    expect(resultsOf(result.stdout, tree)).toEqual([['input', 1, 1, 'cannot analyse <tree>/pipe.json: not a regular file']]);
  });

  describe('unreadable files and folders', () => {
    // root reads any file; without the capabilities that let it, root is refused like anyone else.
    const unprivileged = process.getuid?.() === 0 ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--inh-caps=-dac_override,-dac_read_search'] : [];

    it('an unreadable file named on the command line', () => {
      const tree = makeTree({ 'locked.json': TYPO });
      fs.chmodSync(path.join(tree, 'locked.json'), 0o000);
      const result = run(tree, ['locked.json'], unprivileged);
      expect([result.status, result.stderr]).toEqual([2, '']);
      expect(resultsOf(result.stdout, tree)).toEqual([['input', 1, 1, 'cannot analyse <tree>/locked.json: permission denied: it cannot be read']]);
    });

    it('an unreadable file and an unreadable folder found in a folder input', () => {
      const tree = makeTree({ 'infra/locked.bicep': 'param a string\n', 'infra/private/x.bicep': 'param b string\n' });
      fs.chmodSync(path.join(tree, 'infra', 'locked.bicep'), 0o000);
      fs.chmodSync(path.join(tree, 'infra', 'private'), 0o000);
      try {
        const result = run(tree, ['infra'], unprivileged);
        expect([result.status, result.stderr]).toEqual([2, '']);
        expect(resultsOf(result.stdout, tree)).toEqual([
          ['input', 1, 1, 'cannot analyse <tree>/infra/private: cannot read the folder: EACCES'],
          ['input', 1, 1, 'cannot analyse <tree>/infra/locked.bicep: permission denied: it cannot be read'],
        ]);
      } finally {
        fs.chmodSync(path.join(tree, 'infra', 'private'), 0o755);
      }
    });
  });
});
