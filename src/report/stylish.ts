import type { Finding, InputResult } from '../rules/finding';
import { baselineRows } from './baseline-rows';
import { colors, type Colors } from './colors';
import { excerpt } from './excerpt';
import { displayPath } from './paths';
import type { ReportContext } from './report-context';
import { fixableLine, fixRows, outcomeRows } from './stylish-fixes';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function levelText(finding: Finding, c: Colors): string {
  const paint = { error: c.red, warning: c.yellow, note: c.blue }[finding.level];
  return paint(finding.kind === 'review' ? `${finding.level} (review)` : finding.level);
}

function findingRows(finding: Finding, context: ReportContext, c: Colors): string[] {
  const { line, character } = finding.location.range.start;
  const appliesTo =
    finding.appliesTo && finding.appliesTo.length > 1 ? `  (for ${finding.appliesTo.map((f) => displayPath(f, context.cwd)).join(', ')})` : '';
  const why = finding.suppression?.justification;
  const suppressed = finding.suppression ? `  ${c.dim(why === undefined ? '[suppressed]' : `[suppressed: ${why}]`)}` : '';
  const head = `  ${c.dim(`${line + 1}:${character + 1}`)}  ${levelText(finding, c)}  ${finding.message}  ${c.dim(finding.ruleId)}${appliesTo}${suppressed}`;
  const text = context.sourceText(finding.location.file);
  const lines = text === undefined ? undefined : excerpt(text, finding.location.range);
  const shown = lines ? lines.map((l, i) => `    ${i === 0 ? c.dim(l) : c.red(l)}`) : [];
  return [head, ...shown, ...fixRows(finding, context, c)];
}

/** The closing line: `✖ 3 problems (2 errors, 1 warning), 1 suppressed, 4 baselined`, plus inputs that could not be analysed. */
function summary(results: readonly InputResult[], findings: readonly Finding[], c: Colors): string {
  const active = findings.filter((f) => !f.suppression && !f.baselined);
  const count = (level: Finding['level']) => active.filter((f) => f.level === level).length;
  const notes = count('note');
  const suppressed = findings.filter((f) => f.suppression).length;
  const baselined = findings.filter((f) => f.baselined).length;
  const failed = results.filter((r) => r.status !== 'analysed').length;
  const counts = `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}${notes > 0 ? `, ${plural(notes, 'note')}` : ''}`;
  const line =
    `${active.length === 0 ? c.green('✓') : c.red('✖')} ${c.bold(plural(active.length, 'problem'))} (${counts})` +
    (suppressed > 0 ? `, ${suppressed} suppressed` : '') +
    (baselined > 0 ? `, ${baselined} baselined` : '');
  return failed > 0 ? `${line}\n${c.red('✖')} ${failed} of ${plural(results.length, 'input')} could not be analysed` : line;
}

/**
 * A human-readable report grouped by file, like ESLint's default formatter, with a source excerpt
 * per finding; findings the baseline accepts are only counted.
 */
export function formatStylish(results: readonly InputResult[], context: ReportContext): string {
  const c = colors(context.color);
  const byFile = new Map<string, string[]>();
  const findings = results.flatMap((r) => r.findings);
  for (const finding of findings.filter((f) => !f.baselined)) {
    const file = displayPath(finding.location.file, context.cwd);
    byFile.set(file, [...(byFile.get(file) ?? []), ...findingRows(finding, context, c)]);
  }
  const blocks = [...byFile].map(([file, rows]) => `${c.underline(file)}\n${rows.join('\n')}`);
  const outcomes = context.fixes?.outcomes ?? [];
  const fixed = outcomes.length > 0 ? [outcomeRows(outcomes, context, c).join('\n')] : [];
  const fixable = fixableLine(results, context);
  const closing = [summary(results, findings, c), ...(fixable ? [fixable] : []), ...(context.baseline ? baselineRows(context.baseline, context, c) : [])];
  return [...blocks, ...fixed, closing.join('\n')].join('\n\n') + '\n';
}
