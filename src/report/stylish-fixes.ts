import type { FixOutcome } from '../fix/apply-fixes';
import { unifiedDiff } from '../fix/unified-diff';
import type { Finding, InputResult } from '../rules/finding';
import type { Colors } from './colors';
import { displayPath } from './paths';
import type { ReportContext } from './report-context';

/** The hunks of a suggestion's edits: of its finding's file alone without the file header lines, of several files each under its header, the finding's first. */
function suggestionDiff(finding: Finding, context: ReportContext): string[] {
  const fix = finding.fix!;
  const files = [...new Set([finding.location.file, ...fix.edits.map((e) => e.file)])].filter((f) => fix.edits.some((e) => e.file === f));
  const rows: string[] = [];
  for (const file of files) {
    const text = context.sourceText(file);
    if (text === undefined) continue;
    const diff = unifiedDiff(displayPath(file, context.cwd), text, fix.edits.filter((e) => e.file === file));
    rows.push(...diff.split('\n').slice(files.length > 1 ? 0 : 2, -1).map((l) => l.replace(/\r$/, '')));
  }
  return rows;
}

/** Lines under a finding: its fix, a suggestion with its diff, or (when fixes were asked for) why there is none. */
export function fixRows(finding: Finding, context: ReportContext, c: Colors): string[] {
  const fix = finding.fix;
  if (fix?.kind === 'fix') return [`    ${c.green('fix')} (--fix): ${fix.description}`];
  if (fix?.kind === 'suggestion') {
    const header = (l: string) => l.startsWith('--- ') || l.startsWith('+++ ');
    const diff = suggestionDiff(finding, context).map((l) => `    ${header(l) ? l : l[0] === '+' ? c.green(l) : l[0] === '-' ? c.red(l) : c.dim(l)}`);
    return [`    ${c.green('suggestion')} (--fix --suggestions): ${fix.description}`, ...diff];
  }
  if (finding.noFix && context.fixes?.requested) return [`    ${c.dim(`no fix: ${finding.noFix}`)}`];
  return [];
}

const OUTCOME_TEXT: Record<FixOutcome['status'], string> = { applied: 'fixed', 'rolled-back': 'rolled back', 'not-applied': 'not applied' };

/** What --fix did, one line per fix it tried. */
export function outcomeRows(outcomes: readonly FixOutcome[], context: ReportContext, c: Colors): string[] {
  return outcomes.map((o) => {
    const { line, character } = o.finding.location.range.start;
    const where = `${displayPath(o.finding.location.file, context.cwd)}:${line + 1}:${character + 1}`;
    const mark = o.status === 'applied' ? c.green('✓') : c.red('✖');
    return `${mark} ${OUTCOME_TEXT[o.status]} ${where}: ${o.finding.fix.description}${o.reason ? `: ${o.reason}` : ''}  ${c.dim(o.finding.ruleId)}`;
  });
}

/** `2 problems can be fixed with --fix` (and suggestions with --fix --suggestions), when fixes were not asked for. */
export function fixableLine(results: readonly InputResult[], context: ReportContext): string | undefined {
  if (context.fixes?.requested) return undefined;
  const active = results.flatMap((r) => r.findings).filter((f) => !f.suppression && !f.baselined && f.fix);
  const fixes = active.filter((f) => f.fix!.kind === 'fix').length;
  const suggestions = active.length - fixes;
  const parts = [
    ...(fixes > 0 ? [`${fixes} can be fixed with --fix`] : []),
    ...(suggestions > 0 ? [`${suggestions} with a suggestion that --fix --suggestions applies`] : []),
  ];
  return parts.length > 0 ? `  ${parts.join(', ')}` : undefined;
}
