import fs from 'node:fs';
import path from 'node:path';
import { localFilesRead } from '../discover/local-files';
import { writeFileAtomic } from '../files/write-atomic';
import type { Finding, InputResult } from '../rules/finding';
import { describeValue } from '../template/describe-value';
import { applyEdits, collides, distinctEdits } from './apply-edits';
import type { SourceFix, TextEdit } from '../rules/source-fix';

export interface FixOutcome {
  /** The input whose analysis gave the finding. */
  input: string;
  /** The finding as it was before the edit. */
  finding: Finding & { fix: SourceFix };
  status: 'applied' | 'rolled-back' | 'not-applied';
  /** Why it was rolled back or not applied. */
  reason?: string;
}

export interface FixRun {
  /** The analysis of the files as they are left. */
  results: InputResult[];
  outcomes: FixOutcome[];
}

export interface FixOptions {
  /** Apply suggestions (new resources and parameters) as well as fixes. */
  suggestions: boolean;
  /** What each file read when the fixes were planned on it. */
  sourceTexts: ReadonlyMap<string, string>;
  /** Analyses the inputs again, as the run did first (config suppressions included). */
  reanalyze(): Promise<InputResult[]>;
  /** Where a user's file is read and written during the proof: itself, or its copy in a sandbox (`--fix-dry-run`). */
  place?(file: string): string;
}

type Candidate = Omit<FixOutcome, 'status' | 'reason'>;

function findingKey(input: string, finding: Finding): string {
  const instance = finding.instance;
  return JSON.stringify([input, finding.ruleId, instance?.symbolicName, instance?.deploymentChain, instance && describeValue(instance.id)]);
}

/** The fixes to apply, in report order; one whose edits collide with an earlier one's is left out. */
export function chooseFixes(results: readonly InputResult[], suggestions: boolean): { chosen: Candidate[]; left: FixOutcome[] } {
  const chosen: Candidate[] = [];
  const left: FixOutcome[] = [];
  for (const result of results) {
    for (const finding of result.findings) {
      if (!finding.fix || finding.suppression || (finding.fix.kind === 'suggestion' && !suggestions)) continue;
      const candidate = { input: result.file, finding: finding as Candidate['finding'] };
      if (collides(finding.fix.edits, chosen.flatMap((c) => c.finding.fix.edits))) {
        left.push({ ...candidate, status: 'not-applied', reason: 'its edit overlaps the edit of another fix; run --fix again' });
      } else {
        chosen.push(candidate);
      }
    }
  }
  return { chosen, left };
}

/** The edits of the chosen fixes, by file. */
function editsByFile(fixes: readonly Candidate[]): Map<string, TextEdit[]> {
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of distinctEdits(fixes.flatMap((c) => c.finding.fix.edits))) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  return byFile;
}

/** The files as the fixes would leave them: original text with the edits made. */
export function fixedTexts(fixes: readonly Candidate[], sourceTexts: ReadonlyMap<string, string>): Map<string, { before: string; after: string; edits: TextEdit[] }> {
  const texts = new Map<string, { before: string; after: string; edits: TextEdit[] }>();
  for (const [file, edits] of editsByFile(fixes)) {
    const before = sourceTexts.get(file)!;
    texts.set(file, { before, after: applyEdits(before, edits), edits });
  }
  return texts;
}

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Writes a file whole, with the mode it had, through a temp file beside it. */
function writeSource(file: string, text: string): void {
  writeFileAtomic(file, text, fs.statSync(file).mode & 0o7777);
}

/** Why an input that compiled before no longer does, in one line. */
function compileFailure(result: InputResult, cwd: string): string {
  const broken = `after the edit, ${path.relative(cwd, result.file)} does not compile`;
  const error = result.findings.find((f) => f.level === 'error') ?? result.findings[0];
  if (!error) return broken;
  const { line, character } = error.location.range.start;
  return `${broken}: ${path.relative(cwd, error.location.file)}:${line + 1}:${character + 1}: ${error.ruleId} ${error.message}`;
}

/** The files an input reads: itself, and the files it pulls in, found by parsing. */
async function filesReadBy(result: InputResult): Promise<Set<string>> {
  return new Set([result.file, ...(await localFilesRead(result.file).catch(() => []))]);
}

/**
 * What fails after the edits of `active`: each fix whose finding is still there, and each fix
 * that edits a file read by an input that compiled before and no longer does (a suspect: which
 * of several broke it is told by trying them one at a time).
 */
async function failures(active: readonly Candidate[], current: readonly InputResult[], before: ReadonlyMap<string, InputResult>, cwd: string) {
  const broken = new Map<Candidate, string>();
  for (const result of current) {
    if (result.status === 'analysed' || before.get(result.file)?.status !== 'analysed') continue;
    const reads = await filesReadBy(result);
    const suspects = active.filter((c) => c.finding.fix.edits.some((e) => reads.has(e.file)));
    // A file read that parsing did not find: any fix may be the one.
    for (const c of suspects.length > 0 ? suspects : active) if (!broken.has(c)) broken.set(c, compileFailure(result, cwd));
  }
  const remaining = new Map(current.flatMap((r) => r.findings.filter((f) => !f.suppression).map((f) => [findingKey(r.file, f), f] as const)));
  const kept = new Map<Candidate, string>();
  for (const c of active) {
    const still = remaining.get(findingKey(c.input, c.finding));
    if (still && !broken.has(c)) kept.set(c, `the finding remains after the edit: ${still.message}`);
  }
  return { broken, kept };
}

/**
 * Applies fixes to the user's files and proves them: the inputs are analysed again (compiled by
 * the real Bicep CLI, rules run). A fix whose finding is still there is rolled back. When an input
 * no longer compiles, the one fix that edits what it reads is rolled back; when several do, they
 * are taken out, the others proved, and each tried again alone on top of them, so that only the
 * fix that broke it is rolled back. Each file is written whole or not at all, and a file that no
 * longer reads as it did when the fixes were planned is not written. If analysing fails, every
 * file is put back as it was.
 */
export async function applyFixes(results: readonly InputResult[], options: FixOptions & { cwd: string }): Promise<FixRun> {
  const { chosen, left } = chooseFixes(results, options.suggestions);
  const outcomes: FixOutcome[] = [...left];
  const written = new Map<string, string>();
  const before = new Map(results.map((r) => [r.file, r]));
  const place = options.place ?? ((file: string) => file);
  let current: readonly InputResult[] = results;
  const write = (fixes: readonly Candidate[]): Candidate[] => {
    const wanted = fixedTexts(fixes, options.sourceTexts);
    const refused = new Set<string>();
    for (const file of new Set([...wanted.keys(), ...written.keys()])) {
      const original = options.sourceTexts.get(file)!;
      const expected = written.get(file) ?? original;
      if (readOrUndefined(place(file)) !== expected) {
        refused.add(file);
        continue;
      }
      const text = wanted.get(file)?.after ?? original;
      if (text !== expected) writeSource(place(file), text);
      written.set(file, text);
    }
    const kept = fixes.filter((c) => !c.finding.fix.edits.some((e) => refused.has(e.file)));
    for (const c of fixes.filter((f) => !kept.includes(f))) {
      outcomes.push({ ...c, status: 'not-applied', reason: 'the file changed after bicep-audit read it; it was not written' });
    }
    return kept;
  };
  const rollBack = (fixes: Iterable<[Candidate, string]>) => {
    for (const [c, reason] of fixes) outcomes.push({ ...c, status: 'rolled-back', reason });
  };
  let active = write(chosen);
  /** Suspects to try one at a time once the others are proved; `trying` is the one on trial. */
  const suspects: Candidate[] = [];
  let trying: Candidate | undefined;
  let proved = current;
  try {
    while (written.size > 0) {
      current = await options.reanalyze();
      const { broken, kept } = await failures(active, current, before, options.cwd);
      if (trying) {
        // The others were proved without it: whatever fails now is its doing.
        const reason = kept.get(trying) ?? broken.get(trying) ?? [...broken.values(), ...kept.values()][0];
        if (reason !== undefined) {
          rollBack([[trying, reason]]);
          active = write(active.filter((c) => c !== trying));
          current = proved;
        }
        trying = undefined;
      } else {
        rollBack(kept);
        if (broken.size === 1) rollBack(broken);
        else suspects.push(...broken.keys());
        if (broken.size + kept.size > 0) {
          active = write(active.filter((c) => !broken.has(c) && !kept.has(c)));
          continue;
        }
      }
      proved = current;
      trying = suspects.shift();
      if (!trying) break;
      active = write([...active, trying]);
    }
  } catch (error) {
    for (const [file, text] of written) if (readOrUndefined(place(file)) === text) writeSource(place(file), options.sourceTexts.get(file)!);
    throw error;
  }
  outcomes.push(...active.map((c) => ({ ...c, status: 'applied' as const })));
  return { results: [...current], outcomes };
}
