import type { InputResult } from '../rules/finding';
import { displayPath } from './paths';
import type { ReportContext } from './report-context';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** A human-readable report grouped by file, like ESLint's default formatter. */
export function formatStylish(results: readonly InputResult[], context: ReportContext): string {
  const byFile = new Map<string, string[]>();
  const counts = { error: 0, warning: 0, note: 0, suppressed: 0 };
  const findings = results.flatMap((r) => r.findings);
  for (const finding of findings) {
    const file = displayPath(finding.location.file, context.cwd);
    const { line, character } = finding.location.range.start;
    const level = finding.kind === 'review' ? `${finding.level} (review)` : finding.level;
    const appliesTo =
      finding.appliesTo && finding.appliesTo.length > 1 ? `  (for ${finding.appliesTo.map((f) => displayPath(f, context.cwd)).join(', ')})` : '';
    const suffix = `${appliesTo}${finding.suppression ? '  [suppressed]' : ''}`;
    const row = `  ${line + 1}:${character + 1}  ${level}  ${finding.message}  ${finding.ruleId}${suffix}`;
    byFile.set(file, [...(byFile.get(file) ?? []), row]);
    if (finding.suppression) counts.suppressed += 1;
    else counts[finding.level] += 1;
  }
  const blocks = [...byFile].map(([file, rows]) => `${file}\n${rows.join('\n')}`);
  const failed = results.filter((r) => r.status === 'failed').length;
  const total = counts.error + counts.warning + counts.note;
  const summary =
    `${total === 0 ? '✓' : '✖'} ${plural(total, 'problem')} ` +
    `(${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.note, 'note')})` +
    (counts.suppressed > 0 ? `, ${counts.suppressed} suppressed` : '') +
    ` in ${plural(results.length, 'input')}` +
    (failed > 0 ? `; ${failed} could not be analysed` : '');
  return [...blocks, summary].join('\n\n') + '\n';
}
