import fs from 'node:fs';
import path from 'node:path';
import { auditWithRealBicep, BICEP_FIXTURES } from '../helpers/real-bicep';
import { validateSarif } from '../helpers/sarif-multitool';
import { makeTree } from '../helpers/temp-tree';

const FIXTURE = path.join(BICEP_FIXTURES, 'baseline');
const SCRATCH = "registry 'acrscratchbase' has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group";
const SHARED =
  "whether registry 'acrsharedbase' exports ContainerRegistryLoginEvents is decided at deployment by parameter 'exportLogins' (declared at main.bicep), which has no value; settle it in the template or check it before deploying";
const TEAM =
  "registry 'acrteambase' in module 'team' has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group";
const NO_LOCK = (registry: string) =>
  `registry '${registry}' has no delete lock, so a single delete of the registry or of its resource group removes it with every image in it; add a Microsoft.Authorization/locks with level 'CanNotDelete' and scope the registry (or deploy one at its resource group)`;
const ENTRIES = [
  { rule: 'Azure.ACR.Logs', file: 'main.bicep', resource: 'scratch', message: SCRATCH },
  { rule: 'Azure.ACR.Logs', file: 'main.bicep', resource: 'shared', message: SHARED },
  { rule: 'Azure.ACR.Logs', file: 'modules/registry.bicep', resource: 'team/teamRegistry', message: TEAM },
];

/** A repository (it has .git) holding a copy of the fixture. */
function repository(): string {
  const files = Object.fromEntries(['main.bicep', 'modules/registry.bicep'].map((f) => [f, fs.readFileSync(path.join(FIXTURE, f), 'utf8')]));
  const root = makeTree(files);
  fs.mkdirSync(path.join(root, '.git'));
  return root;
}

function edit(root: string, file: string, change: (text: string) => string): void {
  const full = path.join(root, file);
  const before = fs.readFileSync(full, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  fs.writeFileSync(full, after);
}

const audit = (root: string, argv: string[], cwd = root) => auditWithRealBicep([...argv, '--no-cache'], { cwd });

interface Report {
  results: { ruleId: string; message: string; location: { file: string; line: number }; baseline: boolean }[];
  baseline?: { new: number; unchanged: number; fixed: { rule: string; file: string; resource: string; message: string; count: number }[] };
  summary: { errors: number; baselined: number };
}

async function json(root: string, argv: string[], cwd = root): Promise<{ code: number; report: Report; stderr: string }> {
  const run = await audit(root, [...argv, '--format', 'json'], cwd);
  return { code: run.code, report: JSON.parse(run.stdout) as Report, stderr: run.stderr };
}

/** A repository whose baseline was written from the fixture as it is. */
async function baselined(): Promise<string> {
  const root = repository();
  const written = await audit(root, ['main.bicep', '--write-baseline']);
  expect(written).toEqual({
    code: 0,
    stdout: '✓ 0 problems (0 errors, 0 warnings), 3 baselined\n  wrote 3 entries to the baseline bicep-audit-baseline.json\n',
    stderr: '',
  });
  return root;
}

const baselineOf = (root: string) => JSON.parse(fs.readFileSync(path.join(root, 'bicep-audit-baseline.json'), 'utf8'));

describe('--write-baseline', () => {
  it('writes every unsuppressed finding at the repository root, keyed by rule, file, resource path and message, without line numbers', async () => {
    const root = await baselined();
    expect(baselineOf(root)).toEqual({ version: 1, findings: ENTRIES });
    // Without a baseline the same findings fail the run.
    expect((await audit(root, ['main.bicep'])).code).toBe(1);
  });

  it('keys each instance of a loop by its message, and keeps the entries of files the run did not audit', async () => {
    const root = repository();
    fs.writeFileSync(path.join(root, 'other.bicep'), "resource lone 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'acrlone'\n  location: 'westeurope'\n  sku: { name: 'Basic' }\n}\n");
    edit(root, 'main.bicep', (t) => t.replace("module team 'modules/registry.bicep' = {\n  name: 'team'", "module team 'modules/registry.bicep' = [for i in range(0, 2): {\n  name: 'team${i}'").replace(/  }\n}\n$/, '  }\n}]\n'));
    expect((await audit(root, ['other.bicep', '--write-baseline'])).code).toBe(0);
    expect((await audit(root, ['main.bicep', '--write-baseline'])).code).toBe(0);
    const entries = baselineOf(root).findings as { file: string; resource: string; message: string }[];
    expect(entries.map((e) => [e.file, e.resource, e.message.slice(0, 50)])).toEqual([
      ['main.bicep', 'scratch', SCRATCH.slice(0, 50)],
      ['main.bicep', 'shared', SHARED.slice(0, 50)],
      ['modules/registry.bicep', 'team/teamRegistry', "registry 'acrteambase' in module 'team' [loop inde"],
      ['modules/registry.bicep', 'team/teamRegistry', "registry 'acrteambase' in module 'team' [loop inde"],
      ['other.bicep', 'lone', "registry 'acrlone' has no delete lock, so a single"],
      ['other.bicep', 'lone', "registry 'acrlone' has no diagnostic setting, so n"],
    ]);
  });
});

describe('--baseline', () => {
  it('marks matching findings in every report and exits 0', async () => {
    const root = await baselined();
    const { code, report } = await json(root, ['main.bicep', '--baseline']);
    expect(code).toBe(0);
    expect(report.results.map((r) => r.baseline)).toEqual([true, true, true]);
    expect(report.baseline).toEqual({ file: path.join(root, 'bicep-audit-baseline.json'), new: 0, unchanged: 3, fixed: [] });
    expect(report.summary).toMatchObject({ errors: 0, baselined: 3 });
    const github = await audit(root, ['main.bicep', '--baseline', '--format', 'github']);
    expect(github).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it.each([
    ['moving every resource ten lines down', (t: string) => `${'// moved\n'.repeat(10)}${t}`],
    ['renaming an unrelated parameter', (t: string) => t.replace(/(?<!\.)\blocation\b(?!:)/g, 'region')],
  ])('keeps them matched after %s', async (_name, change) => {
    const root = await baselined();
    edit(root, 'main.bicep', change);
    const { code, report } = await json(root, ['main.bicep', '--baseline']);
    expect(report.baseline).toMatchObject({ new: 0, unchanged: 3, fixed: [] });
    expect(code).toBe(0);
  });

  it('keeps them matched when run from another folder, with the baseline named relative to it', async () => {
    const root = await baselined();
    const { code, report } = await json(root, ['../main.bicep', '--baseline', '../bicep-audit-baseline.json'], path.join(root, 'modules'));
    expect(report.baseline).toMatchObject({ new: 0, unchanged: 3, fixed: [] });
    expect(code).toBe(0);
  });

  it('reports a renamed resource as new and its entry as fixed, and fails on it alone', async () => {
    const root = await baselined();
    edit(root, 'main.bicep', (t) => t.replace('resource scratch ', 'resource scratchRegistry '));
    const { code, report } = await json(root, ['main.bicep', '--baseline']);
    expect(code).toBe(1);
    expect(report.results.filter((r) => !r.baseline).map((r) => [r.location.line, r.message])).toEqual([[24, SCRATCH]]);
    expect(report.baseline).toMatchObject({ new: 1, unchanged: 2, fixed: [{ ...ENTRIES[0], count: 1 }] });
  });

  it('reports a changed problem as new and the old one as fixed; stylish shows the new one, counts the rest and lists the fixed', async () => {
    const root = await baselined();
    edit(root, 'main.bicep', (t) => t.replace("resource scratch 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'acrscratchbase'", "resource scratch 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'acrscratchrenamed'"));
    const run = await audit(root, ['main.bicep', '--baseline']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`  24:1  error  ${SCRATCH.replace('acrscratchbase', 'acrscratchrenamed')}  Azure.ACR.Logs\n`);
    expect(run.stdout).not.toContain('acrteambase');
    expect(run.stdout.split('\n').slice(-6).join('\n')).toBe(
      [
        '✖ 1 problem (1 error, 0 warnings), 2 baselined',
        '  1 with a suggestion that --fix --suggestions applies',
        "  ✓ 1 of the baseline's findings is fixed:",
        `    main.bicep scratch: ${SCRATCH}  Azure.ACR.Logs`,
        '  run with --prune-baseline to drop them from bicep-audit-baseline.json',
        '',
      ].join('\n').concat(''),
    );
  });

  it('--prune-baseline drops the fixed entries and keeps the others', async () => {
    const root = await baselined();
    edit(root, 'main.bicep', (t) => t.replace(/resource scratch [^]*?\n}\n/, ''));
    const pruned = await audit(root, ['main.bicep', '--prune-baseline']);
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toContain('  pruned 1 entry from bicep-audit-baseline.json\n');
    expect(baselineOf(root)).toEqual({ version: 1, findings: ENTRIES.slice(1) });
  });

  it('leaves the entries of files the run did not audit alone: neither fixed nor pruned', async () => {
    const root = await baselined();
    fs.writeFileSync(path.join(root, 'clean.bicep'), "output greeting string = 'hello'\n");
    const { code, report } = await json(root, ['clean.bicep', '--prune-baseline']);
    expect(code).toBe(0);
    expect(report.baseline).toMatchObject({ new: 0, unchanged: 0, fixed: [] });
    expect(baselineOf(root)).toEqual({ version: 1, findings: ENTRIES });
  });

  it("is the config's baseline key, relative to the config's folder", async () => {
    const root = await baselined();
    fs.mkdirSync(path.join(root, 'ci'));
    fs.renameSync(path.join(root, 'bicep-audit-baseline.json'), path.join(root, 'ci', 'accepted.json'));
    // Entries are relative to the baseline's own folder.
    const moved = JSON.parse(fs.readFileSync(path.join(root, 'ci', 'accepted.json'), 'utf8'));
    for (const entry of moved.findings) entry.file = `../${entry.file}`;
    fs.writeFileSync(path.join(root, 'ci', 'accepted.json'), JSON.stringify(moved));
    fs.writeFileSync(path.join(root, 'bicep-audit.json'), '{ "baseline": "ci/accepted.json" }\n');
    const { code, report } = await json(root, ['main.bicep']);
    expect(report.baseline).toMatchObject({ file: path.join(root, 'ci', 'accepted.json'), new: 0, unchanged: 3 });
    expect(code).toBe(0);
  });

  it('gives SARIF baselineState unchanged and new, valid for code scanning', async () => {
    const root = await baselined();
    edit(root, 'main.bicep', (t) => t.replace('resource scratch ', 'resource scratchRegistry '));
    const run = await audit(root, ['main.bicep', '--baseline', '--format', 'sarif']);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout).runs[0].results as { baselineState: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[];
    expect(results.map((r) => [r.locations[0]!.physicalLocation.region.startLine, r.baselineState])).toEqual([
      [18, 'unchanged'],
      [24, 'new'],
      [4, 'unchanged'],
    ]);
    expect(validateSarif(run.stdout)).toEqual([]);
  });
});

describe('a baseline that cannot be used', () => {
  it.each([
    ['is missing', undefined, /^bicep-audit: no baseline at .*bicep-audit-baseline\.json; write one with --write-baseline\n$/],
    ['is not JSON', '{ "version": 1,\n  "findings": [\n    { "rule": }\n  ]\n}\n', /^bicep-audit: .*bicep-audit-baseline\.json:3:15: invalid JSON: ValueExpected\n$/],
    [
      'breaks its schema',
      '{\n  "version": 1,\n  "findings": [\n    { "rule": "Azure.ACR.Logs", "file": "main.bicep", "message": "x" }\n  ]\n}\n',
      /^bicep-audit: .*bicep-audit-baseline\.json:4:5: \/findings\/0 must have required property 'resource' \(schemas\/baseline\.schema\.json\)\n$/,
    ],
  ])('%s: an error with its line, exit 2', async (_name, text, message) => {
    const root = repository();
    if (text !== undefined) fs.writeFileSync(path.join(root, 'bicep-audit-baseline.json'), text);
    const run = await audit(root, ['main.bicep', '--baseline']);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
  });

  it('--write-baseline infra reads the folder as an input, not as the baseline file', async () => {
    const root = repository();
    const run = await audit(root, ['--write-baseline', 'modules']);
    expect(run.code).toBe(0);
    // Audited on its own, the module's registry has no lock: the entry's lock covers it only through main.bicep.
    expect(baselineOf(root).findings).toEqual([
      { rule: 'Azure.ACR.DeleteLock', file: 'modules/registry.bicep', resource: 'teamRegistry', message: NO_LOCK('acrteambase') },
      { rule: 'Azure.ACR.Logs', file: 'modules/registry.bicep', resource: 'teamRegistry', message: TEAM.replace(" in module 'team'", '') },
    ]);
  });

  it.each([
    [['main.bicep', '--write-baseline', '--baseline']],
    [['main.bicep', '--write-baseline', '--prune-baseline']],
  ])('%j is a usage error (exit 2): --write-baseline writes the whole file', async (argv) => {
    const run = await audit(repository(), argv);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'bicep-audit: --write-baseline writes the whole baseline: it goes without --baseline and --prune-baseline\nRun bicep-audit --help for usage.\n',
    });
  });
});
