import type { InputResult } from '../rules/finding';
import { displayPath } from './paths';
import type { ReportContext } from './report-context';

const COMMANDS = { error: 'error', warning: 'warning', note: 'notice' } as const;

// Workflow commands need `%`, CR and LF escaped in the message, and also `,` and `:` in properties.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: each finding becomes an annotation on its line. */
export function formatGithub(results: readonly InputResult[], context: ReportContext): string {
  const lines = results
    .flatMap((r) => r.findings)
    .filter((f) => !f.suppression)
    .map((f) => {
      const { start, end } = f.location.range;
      const properties = [
        `file=${escapeProperty(displayPath(f.location.file, context.cwd))}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(f.kind === 'review' ? `${f.ruleId} (review)` : f.ruleId)}`,
      ];
      return `::${COMMANDS[f.level]} ${properties.join(',')}::${escapeData(f.message)}`;
    });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
