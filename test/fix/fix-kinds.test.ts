import fs from 'node:fs';
import path from 'node:path';
import { auditWithRealBicep, realBicep } from '../helpers/real-bicep';
import { copyOfCases, FIXED, readTree, snapshot, toCrlf, toTabs, type FixReport } from './fix-helpers';

beforeAll(() => {
  realBicep();
});

async function fixJson(root: string, argv: string[]): Promise<{ code: number; report: FixReport; stderr: string }> {
  // One Bicep process per analysis: each run analyses twice (before and after the edit).
  const run = await auditWithRealBicep([...argv, '--format', 'json', '--no-cache', '--jobs', '1'], { cwd: root });
  return { code: run.code, report: JSON.parse(run.stdout) as FixReport, stderr: run.stderr };
}

/** [entry, the file --fix edits, what the fix says it does, flags] */
const KINDS: [string, string, string, string[]][] = [
  ['add-missing-category.bicep', 'add-missing-category.bicep', "add ContainerRegistryRepositoryEvents to the logs of diagnostic setting 'audit'", []],
  ['add-to-empty-list.bicep', 'add-to-empty-list.bicep', "add ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents to the logs of diagnostic setting 'audit'", []],
  ['add-spread-entry.bicep', 'add-spread-entry.bicep', "add ContainerRegistryLoginEvents to the logs of diagnostic setting 'audit'", []],
  ['add-one-line-list.bicep', 'add-one-line-list.bicep', "add ContainerRegistryRepositoryEvents to the logs of diagnostic setting 'audit'", []],
  ['enable-entry.bicep', 'enable-entry.bicep', "enable the ContainerRegistryRepositoryEvents entry of diagnostic setting 'audit'", []],
  ['enable-entry-without-enabled.bicep', 'enable-entry-without-enabled.bicep', "enable the ContainerRegistryRepositoryEvents entry of diagnostic setting 'audit'", []],
  ['rename-category.bicep', 'rename-category.bicep', "correct 'ContainerRegistryRepositoryEvent' to 'ContainerRegistryRepositoryEvents'", []],
  ['rename-group.bicep', 'rename-group.bicep', "correct 'audits' to 'audit'; enable the audits entry of diagnostic setting 'audit'", []],
  ['module-caller.bicep', 'modules/registry-with-login-events.bicep', "add ContainerRegistryRepositoryEvents to the logs of diagnostic setting 'audit'", []],
  [
    'suggest-new-parameter.bicep',
    'suggest-new-parameter.bicep',
    "add a diagnostic setting for registry 'registry' that sends its audit logs to a new parameter 'auditWorkspaceId'",
    ['--suggestions'],
  ],
  [
    'suggest-reused-destination.bicep',
    'suggest-reused-destination.bicep',
    "add a diagnostic setting for registry 'registry' that sends its audit logs to the destination of the file's other diagnostic setting",
    ['--suggestions'],
  ],
];

// Other layouts on an added entry, an entry under a comment and a directive, and a new resource and parameter.
const LAYOUT_KINDS = KINDS.filter(([entry]) => ['add-missing-category.bicep', 'enable-entry.bicep', 'suggest-new-parameter.bicep'].includes(entry));
const LAYOUTS: [string, (text: string) => string, typeof KINDS][] = [
  ['LF, two spaces', (t) => t, KINDS],
  ['CRLF', toCrlf, LAYOUT_KINDS],
  ['tabs', toTabs, LAYOUT_KINDS],
];

describe.each(LAYOUTS)('--fix on real Bicep (%s)', (_layout, transform, kinds) => {
  it.each(kinds)('%s: edits %s to the exact expected text, which compiles and passes the rule', async (entry, edited, description, flags) => {
    const root = copyOfCases(transform);
    const before = readTree(root);
    const { code, report, stderr } = await fixJson(root, [entry, '--fix', ...flags]);
    expect(stderr).toBe('');
    expect(report.fixes?.map((f) => [f.status, f.reason, f.ruleId, f.fix.description])).toEqual([['applied', null, 'Azure.ACR.Logs', description]]);
    // The verdict after: the input compiles, and nothing remains.
    expect(report.inputs.map((i) => i.status)).toEqual(['analysed']);
    expect(report.results).toEqual([]);
    expect(code).toBe(0);
    const after = readTree(root);
    expect(after[edited]).toBe(transform(fs.readFileSync(path.join(FIXED, edited), 'utf8')));
    // Every other file byte for byte as it was.
    expect({ ...after, [edited]: undefined }).toEqual({ ...before, [edited]: undefined });
  }, 60_000);
});

describe('--fix leaves a value it must not rewrite, and says why', () => {
  const WHY = 'bicep-audit rewrites only values written out where the resource is declared';
  it.each([
    ['unfixable-parameter.bicep', 17, `'logs' comes from parameter 'auditLogs'; ${WHY}`],
    ['unfixable-variable.bicep', 17, `'enabled' comes from variable 'repositoryEventsOn'; ${WHY}`],
    ['unfixable-loop.bicep', 13, `'logs' is built by a loop; ${WHY}`],
    ['unfixable-looped-setting.bicep', 13, "diagnostic setting 'audit' is declared in a loop; an edit there would change every instance it makes"],
    [
      'unfixable-no-destination.bicep',
      11,
      'where the logs should go (a Log Analytics workspace, a storage account or an event hub) is for a person to choose',
    ],
  ])('%s (line %i): %s', async (entry, line, reason) => {
    const root = copyOfCases();
    const before = snapshot(root);
    const { code, report } = await fixJson(root, [entry, '--fix', '--suggestions']);
    expect(code).toBe(1);
    expect(report.fixes).toEqual([]);
    expect([...new Set(report.results.map((r) => `${path.basename(r.location.file)}:${r.location.line} ${r.noFix}`))]).toEqual([`${entry}:${line} ${reason}`]);
    expect(report.results.every((r) => r.fix === null)).toBe(true);
    expect(snapshot(root)).toEqual(before);
  }, 60_000);
});

describe('config fix.logEntries', () => {
  it("categoryGroup adds the 'audit' group in place of the missing categories", async () => {
    const root = copyOfCases((t) => t, { 'bicep-audit.json': JSON.stringify({ fix: { logEntries: 'categoryGroup' } }) });
    const { code, report } = await fixJson(root, ['add-missing-category.bicep', '--fix']);
    expect(report.fixes?.map((f) => f.fix.description)).toEqual(["add the 'audit' category group to the logs of diagnostic setting 'audit'"]);
    expect(code).toBe(0);
    const expected = fs
      .readFileSync(path.join(FIXED, 'add-missing-category.bicep'), 'utf8')
      .replace("{ category: 'ContainerRegistryRepositoryEvents', enabled: true }", "{ categoryGroup: 'audit', enabled: true }");
    expect(readTree(root)['add-missing-category.bicep']).toBe(expected);
  }, 60_000);
});
