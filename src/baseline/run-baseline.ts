import fs from 'node:fs';
import path from 'node:path';
import type { InputResult } from '../rules/finding';
import { applyBaseline, baselineCounts, entriesNotAudited, entriesOf, withoutFixed, type BaselineOutcome } from './apply-baseline';
import { baselineText, readBaseline } from './baseline-file';

/** What the command line and the config ask of the baseline. */
export interface BaselineRequest {
  /** The baseline file (absolute). */
  file: string;
  /** `--write-baseline`: record the run's findings; `--prune-baseline`: drop the fixed entries; else only compare. */
  mode: 'compare' | 'write' | 'prune';
}

/**
 * Compares the results with the baseline (marking the findings it accepts), after writing it
 * (--write-baseline: the run's unsuppressed findings, plus the entries of files the run did not
 * audit) or pruning it (--prune-baseline: without its fixed entries). `write` writes a file whole.
 */
export function settleBaseline(
  results: readonly InputResult[],
  request: BaselineRequest,
  write: (file: string, text: string) => void,
): { results: InputResult[]; outcome: BaselineOutcome } {
  const folder = path.dirname(request.file);
  if (request.mode === 'write') {
    const kept = fs.existsSync(request.file) ? entriesNotAudited(readBaseline(request.file), results, folder) : [];
    const entries = [...kept, ...entriesOf(results, folder)];
    write(request.file, baselineText(entries));
    const applied = applyBaseline(results, entries, folder);
    return { results: applied.results, outcome: { file: request.file, ...baselineCounts(applied.results), fixed: [], written: entries.length } };
  }
  const entries = readBaseline(request.file);
  const applied = applyBaseline(results, entries, folder);
  const outcome: BaselineOutcome = { file: request.file, ...baselineCounts(applied.results), fixed: applied.fixed };
  if (request.mode === 'prune') {
    write(request.file, baselineText(withoutFixed(entries, applied.fixed)));
    outcome.pruned = applied.fixed.reduce((n, e) => n + (e.count ?? 1), 0);
  }
  return { results: applied.results, outcome };
}
