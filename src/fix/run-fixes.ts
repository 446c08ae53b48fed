import path from 'node:path';
import type { InputResult } from '../rules/finding';
import { applyFixes, chooseFixes, fixedTexts, type FixOutcome } from './apply-fixes';
import type { FixPreferences } from './plan-fix';
import { planFixes, type FixPlan } from './plan-fixes';
import { ProofSandbox } from './proof-sandbox';
import { unifiedDiff } from './unified-diff';

/** What the run asks of fixes: `apply` is `--fix`, `dry-run` is `--fix-dry-run`, `plan` only plans them for the report. */
export interface FixRequest {
  mode: 'plan' | 'apply' | 'dry-run';
  /** `--suggestions`: suggestions are applied (or shown in the diff) too. */
  suggestions: boolean;
  cwd: string;
  preferences(file: string): FixPreferences;
  /** Analyses the inputs again, as the run did first. */
  reanalyze(): Promise<InputResult[]>;
  /** Analyses the copies of the inputs in a sandbox as the run did the inputs, naming the user's files (for `--fix-dry-run`'s proof). */
  reanalyzeIn(sandbox: ProofSandbox): Promise<InputResult[]>;
}

export interface FixStage {
  /** The results to report: after `--fix`, those of the files as they are left; each finding with its fix or the reason it has none. */
  results: InputResult[];
  /** What `--fix` did with each fix it tried. */
  outcomes?: FixOutcome[];
  /** For `--fix-dry-run`: the unified diff of what `--fix` would write. */
  diff?: string;
}

/** Paths in a diff are relative to the working folder, with forward slashes, as `git apply` takes them. */
function diffName(file: string, cwd: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

/**
 * `--fix-dry-run` shows only what `--fix` would keep: the fixes are applied to copies of the files
 * in a sandbox and proved there. A fix the proof does not keep loses its `fix` and says why in `noFix`.
 */
async function proveAside(plan: FixPlan, request: FixRequest): Promise<InputResult[]> {
  if (chooseFixes(plan.results, request.suggestions).chosen.length === 0) return plan.results;
  const sandbox = new ProofSandbox();
  try {
    await sandbox.copy(plan.results.map((r) => r.file));
    const run = await applyFixes(plan.results, {
      suggestions: request.suggestions,
      sourceTexts: plan.sourceTexts,
      reanalyze: () => request.reanalyzeIn(sandbox),
      cwd: request.cwd,
      place: (file) => sandbox.inside(file),
    });
    const refused = new Map(run.outcomes.filter((o) => o.status !== 'applied').map((o) => [o.finding, o.reason ?? o.status]));
    return plan.results.map((result) => ({
      ...result,
      findings: result.findings.map((finding) => {
        const reason = refused.get(finding as FixOutcome['finding']);
        if (reason === undefined) return finding;
        const { fix: _refused, ...rest } = finding;
        return { ...rest, noFix: `--fix would not keep this ${finding.fix!.kind}: ${reason}` };
      }),
    }));
  } finally {
    sandbox.remove();
  }
}

/** Plans fixes for the findings, then, as asked, prints them as a diff or applies and proves them. */
export async function runFixes(results: readonly InputResult[], request: FixRequest): Promise<FixStage> {
  const plan = await planFixes(results, request.preferences);
  if (request.mode === 'plan') return { results: plan.results };
  if (request.mode === 'dry-run') {
    const proved = await proveAside(plan, request);
    const texts = fixedTexts(chooseFixes(proved, request.suggestions).chosen, plan.sourceTexts);
    const diff = [...texts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([file, { before, edits }]) => unifiedDiff(diffName(file, request.cwd), before, edits)).join('');
    return { results: proved, diff };
  }
  const run = await applyFixes(plan.results, { suggestions: request.suggestions, sourceTexts: plan.sourceTexts, reanalyze: request.reanalyze, cwd: request.cwd });
  // The findings that remain get their fixes (or reasons) planned on the files as they are now.
  return { results: (await planFixes(run.results, request.preferences)).results, outcomes: run.outcomes };
}
