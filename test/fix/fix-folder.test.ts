import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { auditWithRealBicep, realBicep } from '../helpers/real-bicep';
import { copyOfCases, FIXED, readTree, snapshot, type FixReport } from './fix-helpers';

beforeAll(() => {
  realBicep();
});

// What --fix leaves of each case; the bicep-audit.json beside them only keeps them out of folder runs.
const FIXED_FILES = Object.fromEntries(Object.entries(readTree(FIXED)).filter(([file]) => file !== 'bicep-audit.json'));
const fixedFiles = (suggestions: boolean) => Object.keys(FIXED_FILES).filter((f) => suggestions || !f.startsWith('suggest-'));

/** Where the findings that remain are: file and line. */
const remaining = (report: FixReport, root: string) =>
  report.results.map((r) => `${path.relative(root, r.location.file)}:${r.location.line} ${r.ruleId}`).sort();

const UNFIXABLE = [
  'unfixable-loop.bicep:13 Azure.ACR.Logs',
  'unfixable-looped-setting.bicep:13 Azure.ACR.Logs',
  'unfixable-looped-setting.bicep:13 Azure.ACR.Logs',
  'unfixable-no-destination.bicep:11 Azure.ACR.Logs',
  'unfixable-parameter.bicep:17 Azure.ACR.Logs',
  'unfixable-variable.bicep:17 Azure.ACR.Logs',
];

describe.each([
  ['--fix', false],
  ['--fix --suggestions', true],
])('%s on a folder of failing fixtures', (_flags, suggestions) => {
  it('clears every fixable finding, leaves each changed file compiling, and every other file byte-identical', async () => {
    const root = copyOfCases();
    const before = readTree(root);
    const run = await auditWithRealBicep(['.', '--fix', ...(suggestions ? ['--suggestions'] : []), '--format', 'json', '--no-cache'], { cwd: root });
    const report = JSON.parse(run.stdout) as FixReport;
    expect(run.code).toBe(1);
    expect(report.fixes?.filter((f) => f.status !== 'applied')).toEqual([]);
    expect(report.fixes).toHaveLength(fixedFiles(suggestions).length);
    // The analysis after the edits: every input compiles; only what has no automatic fix remains.
    expect(report.inputs.filter((i) => i.status !== 'analysed')).toEqual([]);
    const suggestionsLeft = suggestions ? [] : ['suggest-new-parameter.bicep:2 Azure.ACR.Logs', 'suggest-reused-destination.bicep:4 Azure.ACR.Logs'];
    expect(remaining(report, root)).toEqual([...suggestionsLeft, ...UNFIXABLE].sort());
    const after = readTree(root);
    for (const file of Object.keys(before)) {
      expect([file, after[file]]).toEqual([file, fixedFiles(suggestions).includes(file) ? FIXED_FILES[file] : before[file]]);
    }
    // Nothing left beside the files: no temp file of the atomic writes.
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  }, 120_000);
});

describe('--fix-dry-run', () => {
  it('changes no byte, and prints the unified diff that git apply turns into what --fix writes', async () => {
    const root = copyOfCases();
    const before = snapshot(root);
    const run = await auditWithRealBicep(['.', '--fix-dry-run', '--suggestions', '--no-cache'], { cwd: root });
    expect([run.code, run.stderr]).toEqual([1, '']);
    expect(snapshot(root)).toEqual(before);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('+++ ')).sort()).toEqual(fixedFiles(true).map((f) => `+++ b/${f}`).sort());
    expect(run.stdout).toContain(
      [
        '--- a/enable-entry.bicep',
        '+++ b/enable-entry.bicep',
        '@@ -15,7 +15,7 @@',
        '       { category: \'ContainerRegistryLoginEvents\', enabled: true }',
        '       // pushes and pulls: off while the workspace was being sized',
        '       #disable-next-line no-unused-params',
        "-      { category: 'ContainerRegistryRepositoryEvents', enabled: false } // revisit",
        "+      { category: 'ContainerRegistryRepositoryEvents', enabled: true } // revisit",
        '     ]',
        '   }',
        ' }',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(root, 'fixes.diff'), run.stdout);
    const applied = spawnSync('git', ['apply', 'fixes.diff'], { cwd: root, encoding: 'utf8' });
    expect(applied.stderr).toBe('');
    const after = readTree(root);
    for (const file of fixedFiles(true)) expect([file, after[file]]).toEqual([file, FIXED_FILES[file]]);
  }, 120_000);

  it('with --output writes the report there and still only the diff to stdout', async () => {
    const root = copyOfCases();
    const run = await auditWithRealBicep(['rename-category.bicep', '--fix-dry-run', '--no-cache', '--format', 'json', '--output', 'report.json'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        '--- a/rename-category.bicep',
        '+++ b/rename-category.bicep',
        '@@ -12,7 +12,7 @@',
        "     workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'",
        '     logs: [',
        "       { category: 'ContainerRegistryLoginEvents', enabled: true }",
        "-      { category: 'ContainerRegistryRepositoryEvent', enabled: true }",
        "+      { category: 'ContainerRegistryRepositoryEvents', enabled: true }",
        '     ]',
        '   }',
        ' }',
        '',
      ].join('\n'),
    );
    const report = JSON.parse(fs.readFileSync(path.join(root, 'report.json'), 'utf8')) as FixReport;
    expect(report.results.map((r) => r.fix)).toEqual([
      {
        kind: 'fix',
        description: "correct 'ContainerRegistryRepositoryEvent' to 'ContainerRegistryRepositoryEvents'",
        edits: [{ file: path.join(root, 'rename-category.bicep'), line: 15, column: 20, endLine: 15, endColumn: 52, newText: 'ContainerRegistryRepositoryEvents' }],
      },
    ]);
    expect(report.fixes).toBeUndefined();
  }, 60_000);
});
