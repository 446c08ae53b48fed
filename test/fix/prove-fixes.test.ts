import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/analyze/analyze';
import { applyFixes, type FixRun } from '../../src/fix/apply-fixes';
import { planFixes } from '../../src/fix/plan-fixes';
import type { InputResult } from '../../src/rules/finding';
import { auditWithRealBicep, BICEP_FIXTURES, realBicep } from '../helpers/real-bicep';
import { makeTree } from '../helpers/temp-tree';
import { copyOfCases, readTree, snapshot, type FixReport } from './fix-helpers';

const analyseIn = (root: string, paths: string[]) => async (): Promise<InputResult[]> =>
  (
    await analyze({
      paths,
      cwd: root,
      env: { PATH: path.dirname(process.execPath) },
      homeDir: root,
      bicepPath: realBicep(),
      noRestore: false,
      parameters: new Map(),
      timeoutMs: 60_000,
      jobs: 1,
    })
  ).results;

/** Plans the fixes of a real analysis, lets `tamper` change them (the failure to provoke), and applies them. */
async function applyTampered(root: string, paths: string[], tamper: (results: InputResult[]) => void): Promise<FixRun> {
  const reanalyze = analyseIn(root, paths);
  const plan = await planFixes(await reanalyze(), () => ({ categoryGroup: false }));
  tamper(plan.results);
  return applyFixes(plan.results, { suggestions: false, sourceTexts: plan.sourceTexts, reanalyze, cwd: root });
}

/** Replaces the new text of the only edit of the fix for a file's audit-log finding. */
function replaceEdit(results: InputResult[], file: string, newText: string): void {
  const finding = results.flatMap((r) => r.findings).find((f) => f.fix && f.ruleId === 'Azure.ACR.Logs' && path.basename(f.location.file) === file)!;
  finding.fix = { ...finding.fix!, edits: [{ ...finding.fix!.edits[0]!, newText }] };
}

const outcomes = (run: FixRun) => run.outcomes.map((o) => [path.basename(o.finding.location.file), o.status, o.reason ?? null]);

beforeAll(() => {
  realBicep();
});

describe('the proof of a fix', () => {
  it('rolls back a suggestion whose new parameter breaks the .bicepparam file that uses the template, and leaves the template as it was', async () => {
    const source = path.join(BICEP_FIXTURES, 'fix', 'rollback');
    const root = makeTree({
      'main.bicep': fs.readFileSync(path.join(source, 'main.bicep'), 'utf8'),
      'main.bicepparam': fs.readFileSync(path.join(source, 'main.bicepparam'), 'utf8'),
      // The one suggestion here is the setting's: the registry's missing lock is test/rules/control-plane.test.ts's.
      'bicep-audit.json': '{ "rules": { "Azure.ACR.DeleteLock": "off" } }\n',
    });
    const before = snapshot(root);
    const run = await auditWithRealBicep(['main.bicepparam', '--fix', '--suggestions', '--format', 'json', '--no-cache', '--jobs', '1'], { cwd: root });
    const report = JSON.parse(run.stdout) as FixReport;
    expect(report.fixes?.map((f) => [f.status, f.reason])).toEqual([
      [
        'rolled-back',
        'after the edit, main.bicepparam does not compile: main.bicepparam:1:7: BCP258 The following parameters are declared in the Bicep file but are missing an assignment in the params file: "auditWorkspaceId".',
      ],
    ]);
    expect(report.results.map((r) => `${path.basename(r.location.file)}:${r.location.line} ${r.ruleId}`)).toEqual(['main.bicep:4 Azure.ACR.Logs']);
    expect(run.code).toBe(1);
    expect(snapshot(root)).toEqual(before);
  }, 60_000);

  it('rolls back an edit that does not compile and keeps a good one in another file, proving it again without the bad one', async () => {
    const root = copyOfCases();
    fs.chmodSync(path.join(root, 'rename-category.bicep'), 0o640);
    const before = readTree(root);
    const run = await applyTampered(root, ['add-missing-category.bicep', 'rename-category.bicep'], (results) =>
      replaceEdit(results, 'add-missing-category.bicep', "\n      { category: 'ContainerRegistryRepositoryEvents', enabled: tru }"),
    );
    expect(outcomes(run)).toEqual([
      [
        'add-missing-category.bicep',
        'rolled-back',
        'after the edit, add-missing-category.bicep does not compile: add-missing-category.bicep:15:65: BCP057 The name "tru" does not exist in the current context.',
      ],
      ['rename-category.bicep', 'applied', null],
    ]);
    const after = readTree(root);
    expect(after['add-missing-category.bicep']).toBe(before['add-missing-category.bicep']);
    expect(after['rename-category.bicep']).toBe(before['rename-category.bicep']!.replace("'ContainerRegistryRepositoryEvent'", "'ContainerRegistryRepositoryEvents'"));
    // Written whole through a temp file, and with the mode the file had.
    expect(fs.statSync(path.join(root, 'rename-category.bicep')).mode & 0o777).toBe(0o640);
    expect(run.results.map((r) => [path.basename(r.file), r.status, r.findings.filter((f) => f.ruleId === 'Azure.ACR.Logs').length])).toEqual([
      ['add-missing-category.bicep', 'analysed', 1],
      ['rename-category.bicep', 'analysed', 0],
    ]);
  }, 60_000);

  it('rolls back an edit that compiles but leaves its finding', async () => {
    const root = copyOfCases();
    const before = readTree(root);
    const run = await applyTampered(root, ['add-missing-category.bicep'], (results) =>
      replaceEdit(results, 'add-missing-category.bicep', "\n      { category: 'ContainerRegistryLoginEvents', enabled: true }"),
    );
    expect(outcomes(run)).toEqual([
      [
        'add-missing-category.bicep',
        'rolled-back',
        "the finding remains after the edit: registry 'acraddone' does not export ContainerRegistryRepositoryEvents; enable it or the 'audit' category group",
      ],
    ]);
    expect(readTree(root)).toEqual(before);
  }, 60_000);

  it('does not write a file that changed after it was read, and keeps the change', async () => {
    const root = copyOfCases();
    const file = path.join(root, 'rename-category.bicep');
    const changed = `${fs.readFileSync(file, 'utf8')}// edited by someone else meanwhile\n`;
    const run = await applyTampered(root, ['rename-category.bicep'], () => fs.writeFileSync(file, changed));
    expect(outcomes(run)).toEqual([['rename-category.bicep', 'not-applied', 'the file changed after bicep-audit read it; it was not written']]);
    expect(fs.readFileSync(file, 'utf8')).toBe(changed);
  }, 60_000);

  it('puts every file back when the analysis after the edit fails', async () => {
    const root = copyOfCases();
    const before = snapshot(root);
    const reanalyze = analyseIn(root, ['rename-category.bicep', 'enable-entry.bicep']);
    const plan = await planFixes(await reanalyze(), () => ({ categoryGroup: false }));
    const failing = async (): Promise<InputResult[]> => {
      expect(readTree(root)['enable-entry.bicep']).toContain("'ContainerRegistryRepositoryEvents', enabled: true }");
      throw new Error('the Bicep CLI crashed');
    };
    await expect(applyFixes(plan.results, { suggestions: false, sourceTexts: plan.sourceTexts, reanalyze: failing, cwd: root })).rejects.toThrow('the Bicep CLI crashed');
    expect(snapshot(root)).toEqual(before);
  }, 60_000);
});
