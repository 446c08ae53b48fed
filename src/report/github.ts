import path from 'node:path';
import { lineRangeChange } from '../fix/line-range';
import type { Finding, InputResult } from '../rules/finding';
import { displayPath } from './paths';
import type { ReportContext } from './report-context';

const COMMANDS = { error: 'error', warning: 'warning', note: 'notice' } as const;

/** Workflow command data needs `%`, CR and LF escaped; properties also `,` and `:` (see escapeProperty). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub resolves annotation files against the workspace, which is the repository root. */
function workspacePath(file: string, context: ReportContext): string {
  return displayPath(file, context.repoRoot).split(path.sep).join('/');
}

/** What a reviewer must look at: findings neither suppressed nor accepted by the baseline. */
const unsuppressed = (results: readonly InputResult[]) => results.flatMap((r) => r.findings).filter((f) => !f.suppression && !f.baselined);

function title(finding: Finding): string {
  return finding.kind === 'review' ? `${finding.ruleId} (review)` : finding.ruleId;
}

/** GitHub Actions workflow commands: each unsuppressed finding becomes an annotation on its range. */
export function formatGithub(results: readonly InputResult[], context: ReportContext): string {
  const lines = unsuppressed(results).map((f) => {
    const { start, end } = f.location.range;
    const properties = [
      `file=${escapeProperty(workspacePath(f.location.file, context))}`,
      `line=${start.line + 1}`,
      `col=${start.character + 1}`,
      `endLine=${end.line + 1}`,
      `endColumn=${end.character + 1}`,
      `title=${escapeProperty(title(f))}`,
    ];
    return `::${COMMANDS[f.level]} ${properties.join(',')}::${escapeData(f.message)}`;
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function tableCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** A fence longer than any run of backticks in the text, so the text cannot close it. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

/**
 * Each fix that replaces one range of lines, as a pull-request suggestion block: pasted into a
 * review comment on those lines, GitHub offers it as a change to commit.
 */
function suggestedChanges(findings: readonly Finding[], context: ReportContext): string[] {
  const changes = findings.flatMap((f) => {
    const change = f.fix && lineRangeChange(f.fix, context.sourceText);
    return change ? [{ finding: f, change }] : [];
  });
  if (changes.length === 0) return [];
  const rows = ['', '### Suggested changes', '', 'Each block replaces the lines it names; in a review comment on those lines it is a suggestion GitHub can commit.'];
  for (const { finding, change } of changes) {
    const lines = change.firstLine === change.lastLine ? `line ${change.firstLine + 1}` : `lines ${change.firstLine + 1}-${change.lastLine + 1}`;
    const marks = fence(change.text);
    rows.push('', `\`${workspacePath(change.file, context)}\` ${lines}: ${finding.fix!.description} (${finding.ruleId})`, '', `${marks}suggestion`, change.text, marks);
  }
  return rows;
}

/** A Markdown job summary (for `GITHUB_STEP_SUMMARY`): counts, the Bicep version and a table of results. */
export function formatStepSummary(results: readonly InputResult[], context: ReportContext): string {
  const findings = unsuppressed(results);
  const count = (level: Finding['level']) => findings.filter((f) => f.level === level).length;
  const suppressed = results.flatMap((r) => r.findings).filter((f) => f.suppression).length;
  const failed = results.filter((r) => r.status !== 'analysed').length;
  const lines = [
    '## bicep-audit',
    '',
    `**${findings.length === 0 ? 'No problems' : `${findings.length} problem${findings.length === 1 ? '' : 's'}`}** in ${results.length} input${results.length === 1 ? '' : 's'}: ` +
      `${count('error')} errors, ${count('warning')} warnings, ${count('note')} notes, ${suppressed} suppressed` +
      (failed > 0 ? `; **${failed} could not be analysed**` : '') +
      '.',
    '',
    `bicep-audit ${context.toolVersion}, ${context.bicepVersion === undefined ? 'no Bicep CLI needed' : `Bicep CLI ${context.bicepVersion}`}.`,
  ];
  const baseline = context.baseline;
  if (baseline) {
    const fixed = baseline.fixed.reduce((n, e) => n + (e.count ?? 1), 0);
    lines.push('', `**Baseline** \`${workspacePath(baseline.file, context)}\`: ${baseline.new} new, ${baseline.unchanged} baselined, ${fixed} fixed.`);
  }
  if (findings.length > 0) {
    lines.push('', '| Level | Rule | Location | Message |', '| --- | --- | --- | --- |');
    for (const f of findings) {
      const { line, character } = f.location.range.start;
      const where = `${workspacePath(f.location.file, context)}:${line + 1}:${character + 1}`;
      lines.push(`| ${f.level}${f.kind === 'review' ? ' (review)' : ''} | ${tableCell(f.ruleId)} | \`${tableCell(where)}\` | ${tableCell(f.message)} |`);
    }
  }
  lines.push(...suggestedChanges(findings, context));
  return `${lines.join('\n')}\n`;
}
