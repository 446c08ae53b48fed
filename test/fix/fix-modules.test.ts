import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { auditWithRealBicep, BICEP_FIXTURES, realBicep } from '../helpers/real-bicep';
import { makeTree } from '../helpers/temp-tree';
import { readTree, snapshot, type FixReport } from './fix-helpers';

const THREADED = path.join(BICEP_FIXTURES, 'fix', 'modules-threaded');
const THREADED_FIXED = path.join(BICEP_FIXTURES, 'fix', 'modules-threaded-fixed');
const BICEPPARAM = path.join(BICEP_FIXTURES, 'fix', 'modules-bicepparam');

/** A temp repository holding a copy of a fixture folder, byte for byte. */
function copyOf(folder: string): string {
  const root = makeTree({ '.git/HEAD': 'ref: refs/heads/main\n' });
  fs.cpSync(folder, root, { recursive: true });
  return root;
}

/** `bicep build` of a file with the real CLI, as a person would check that it compiles: exit code and errors. */
function build(file: string): [number | null, string] {
  const run = spawnSync(realBicep(), ['build', file, '--stdout'], { encoding: 'utf8' });
  return [run.status, run.stderr.split('\n').filter((l) => l.includes(' Error ')).join('\n')];
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

beforeAll(() => {
  realBicep();
});

describe('a suggestion for a registry in a local module', () => {
  it('threads the new parameter through every caller, so that --fix --suggestions leaves every entry compiling and the BOM and CRLF of the module in place', async () => {
    const root = copyOf(THREADED);
    const run = await auditWithRealBicep(['.', '--fix', '--suggestions', '--format', 'json', '--no-cache'], { cwd: root });
    const report = JSON.parse(run.stdout) as FixReport;
    expect([run.code, run.stderr]).toEqual([0, '']);
    const description =
      "add a diagnostic setting for registry 'registry' that sends its audit logs to a new parameter 'auditWorkspaceId', passed down from app-with-workspace.bicep (workspace.id) and from new parameters in app.bicep, platform.bicep";
    // One finding a deployment of the module (app-with-workspace's images, platform's app > images and app > cache), one edit set for all.
    expect(report.fixes?.map((f) => [f.status, f.reason, `${path.relative(root, f.location.file)}:${f.location.line}`, f.fix.description])).toEqual([
      ['applied', null, 'modules/registry.bicep:1', description],
      ['applied', null, 'modules/registry.bicep:1', description],
      ['applied', null, 'modules/registry.bicep:1', description],
    ]);
    expect(report.results).toEqual([]);
    const expected = Object.fromEntries(Object.entries(readTree(THREADED_FIXED)).filter(([file]) => file !== 'bicep-audit.json'));
    expect(Object.fromEntries(Object.entries(readTree(root)).filter(([file]) => !file.startsWith('.git/') && file !== 'bicep-audit.json'))).toEqual(expected);
    // The parameter goes after the byte order mark, and every line keeps its CRLF.
    const module = fs.readFileSync(path.join(root, 'modules', 'registry.bicep'));
    expect(module.subarray(0, 16)).toEqual(Buffer.concat([BOM, Buffer.from('@description(')]));
    expect(module.toString('utf8').split('\n').slice(0, -1).every((line) => line.endsWith('\r'))).toBe(true);
    // Every entry that uses the module compiles with the real CLI.
    for (const entry of ['app-with-workspace.bicep', 'platform.bicep', 'app.bicep']) expect([entry, ...build(path.join(root, entry))]).toEqual([entry, 0, '']);
  }, 180_000);

  it('--fix-dry-run prints the same edits as a diff that git apply takes, and writes nothing', async () => {
    const root = copyOf(THREADED);
    const before = snapshot(root);
    const run = await auditWithRealBicep(['.', '--fix-dry-run', '--suggestions', '--no-cache'], { cwd: root });
    expect([run.code, run.stderr]).toEqual([1, '']);
    expect(snapshot(root)).toEqual(before);
    expect(run.stdout.split('\n').filter((l) => /^(---|\+\+\+|@@) /.test(l))).toEqual([
      '--- a/app-with-workspace.bicep',
      '+++ b/app-with-workspace.bicep',
      '@@ -26,4 +26,5 @@',
      '--- a/app.bicep',
      '+++ b/app.bicep',
      '@@ -1,12 +1,16 @@',
      '--- a/modules/registry.bicep',
      '+++ b/modules/registry.bicep',
      '@@ -1,6 +1,21 @@',
      '--- a/platform.bicep',
      '+++ b/platform.bicep',
      '@@ -1,7 +1,11 @@',
    ]);
    expect(run.stdout).toContain(
      [
        '--- a/app-with-workspace.bicep',
        '+++ b/app-with-workspace.bicep',
        '@@ -26,4 +26,5 @@',
        ' ',
        " module images 'modules/registry.bicep' = {",
        "   name: 'images'",
        '+  params: { auditWorkspaceId: workspace.id }',
        ' }',
        '',
      ].join('\n'),
    );
    // The module's hunk keeps the byte order mark on its first line and CRLF on each.
    expect(run.stdout).toContain(
      [
        '@@ -1,6 +1,21 @@',
        "-\uFEFFresource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\r",
        "+\uFEFF@description('Log Analytics workspace that receives the container registry audit logs')\r",
        '+param auditWorkspaceId string\r',
        '+\r',
        "+resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\r",
      ].join('\n'),
    );
    fs.writeFileSync(path.join(root, 'fixes.diff'), run.stdout);
    const applied = spawnSync('git', ['apply', 'fixes.diff'], { cwd: root, encoding: 'utf8' });
    expect(applied.stderr).toBe('');
    const expected = Object.fromEntries(Object.entries(readTree(THREADED_FIXED)).filter(([file]) => file !== 'bicep-audit.json'));
    const after = readTree(root);
    for (const file of Object.keys(expected)) expect([file, after[file]]).toEqual([file, expected[file]]);
  }, 180_000);

  it('places a finding on the first line of a file with a byte order mark at column 1: the mark is not a character', async () => {
    const run = await auditWithRealBicep(['app-with-workspace.bicep', '--format', 'json', '--no-cache'], { cwd: THREADED });
    const report = JSON.parse(run.stdout) as { results: { location: { file: string; line: number; column: number; endLine: number; endColumn: number } }[] };
    expect(report.results.map((r) => [path.relative(THREADED, r.location.file), r.location.line, r.location.column, r.location.endLine, r.location.endColumn])).toEqual([
      ['modules/registry.bicep', 1, 1, 6, 2],
    ]);
    expect(run.code).toBe(1);
  }, 60_000);
});

describe('stylish', () => {
  it('shows a suggestion that edits several files with each file\'s header, the finding\'s file first', async () => {
    const run = await auditWithRealBicep(['app-with-workspace.bicep', '--no-cache'], { cwd: THREADED });
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter((l) => /^    (suggestion|--- |\+\+\+ |@@ )/.test(l))).toEqual([
      "    suggestion (--fix --suggestions): add a diagnostic setting for registry 'registry' that sends its audit logs to a new parameter 'auditWorkspaceId', passed down from app-with-workspace.bicep (workspace.id)",
      '    --- a/modules/registry.bicep',
      '    +++ b/modules/registry.bicep',
      '    @@ -1,6 +1,21 @@',
      '    --- a/app-with-workspace.bicep',
      '    +++ b/app-with-workspace.bicep',
      '    @@ -26,4 +26,5 @@',
    ]);
  }, 60_000);
});

describe('the proof of fixes in a template that a .bicepparam file uses', () => {
  const rename = (text: string) => text.replace("{ category: 'AuditEvents', enabled: true }", "{ category: 'AuditEvent', enabled: true }");
  const BCP258 =
    'after the edit, main.bicepparam does not compile: main.bicepparam:1:7: BCP258 The following parameters are declared in the Bicep file but are missing an assignment in the params file: "auditWorkspaceId".';

  it('rolls back only the suggestion whose new parameter the .bicepparam file cannot pass, and keeps the valid fix in the same template', async () => {
    const root = copyOf(BICEPPARAM);
    const before = readTree(root);
    const run = await auditWithRealBicep(['main.bicepparam', '--fix', '--suggestions', '--format', 'json', '--no-cache'], { cwd: root });
    const report = JSON.parse(run.stdout) as FixReport;
    expect(report.fixes?.map((f) => [f.status, f.ruleId, f.reason])).toEqual([
      ['rolled-back', 'Azure.ACR.Logs', BCP258],
      ['applied', 'Azure.KeyVault.Logs', null],
    ]);
    expect(report.results.map((r) => `${path.relative(root, r.location.file)}:${r.location.line} ${r.ruleId}`)).toEqual(['modules/registry.bicep:4 Azure.ACR.Logs']);
    expect(run.code).toBe(1);
    expect(readTree(root)).toEqual({ ...before, 'main.bicep': rename(before['main.bicep']!) });
    expect(build(path.join(root, 'main.bicep'))).toEqual([0, '']);
  }, 180_000);

  it('--fix-dry-run prints only the fix the proof keeps, and the report says why the suggestion is not in the diff', async () => {
    const root = copyOf(BICEPPARAM);
    const before = snapshot(root);
    const run = await auditWithRealBicep(['main.bicepparam', '--fix-dry-run', '--suggestions', '--no-cache', '--format', 'json', '--output', 'report.json'], { cwd: root });
    expect([run.code, run.stderr]).toEqual([1, '']);
    expect(run.stdout).toBe(
      [
        '--- a/main.bicep',
        '+++ b/main.bicep',
        '@@ -18,7 +18,7 @@',
        '   properties: {',
        "     storageAccountId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.Storage/storageAccounts/auditlogs'",
        '     logs: [',
        "-      { category: 'AuditEvents', enabled: true }",
        "+      { category: 'AuditEvent', enabled: true }",
        '     ]',
        '   }',
        ' }',
        '',
      ].join('\n'),
    );
    const report = JSON.parse(fs.readFileSync(path.join(root, 'report.json'), 'utf8')) as FixReport;
    expect(report.results.map((r) => [r.ruleId, r.fix === null ? null : 'fix', r.noFix])).toEqual([
      ['Azure.ACR.Logs', null, `--fix would not keep this suggestion: ${BCP258}`],
      ['Azure.KeyVault.Logs', 'fix', null],
    ]);
    fs.rmSync(path.join(root, 'report.json'));
    expect(snapshot(root)).toEqual(before);
  }, 180_000);
});
