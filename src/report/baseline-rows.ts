import type { BaselineOutcome } from '../baseline/apply-baseline';
import type { Colors } from './colors';
import { displayPath } from './paths';
import type { ReportContext } from './report-context';

const entries = (count: number) => `${count} ${count === 1 ? 'entry' : 'entries'}`;

/** Under the closing line: what was written or pruned, and the baseline's entries that are fixed. */
export function baselineRows(outcome: BaselineOutcome, context: ReportContext, c: Colors): string[] {
  const file = displayPath(outcome.file, context.cwd);
  const rows: string[] = [];
  if (outcome.written !== undefined) rows.push(`  wrote ${entries(outcome.written)} to the baseline ${file}`);
  const fixedCount = outcome.fixed.reduce((n, e) => n + (e.count ?? 1), 0);
  if (fixedCount > 0) {
    rows.push(`  ${c.green('✓')} ${fixedCount} of the baseline's findings ${fixedCount === 1 ? 'is' : 'are'} fixed:`);
    for (const e of outcome.fixed) {
      rows.push(`    ${e.file}${e.resource ? ` ${e.resource}` : ''}: ${e.message}  ${c.dim(e.rule)}${e.count ? ` (${e.count} times)` : ''}`);
    }
    rows.push(outcome.pruned === undefined ? `  run with --prune-baseline to drop them from ${file}` : `  pruned ${entries(outcome.pruned)} from ${file}`);
  }
  return rows;
}
