import type { InputResult } from '../rules/finding';
import { displayPath } from './paths';
import type { ReportContext } from './report-context';

/**
 * One line per finding that is neither suppressed nor baselined, `file:line:col: level message [rule]`,
 * for editors' problem matchers and grep; the file as stylish names it.
 */
export function formatCompact(results: readonly InputResult[], context: ReportContext): string {
  const lines = results
    .flatMap((r) => r.findings)
    .filter((f) => !f.suppression && !f.baselined)
    .map((f) => {
      const { line, character } = f.location.range.start;
      const message = f.message.replace(/\r?\n/g, ' ');
      return `${displayPath(f.location.file, context.cwd)}:${line + 1}:${character + 1}: ${f.level} ${message} [${f.ruleId}]`;
    });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
