import path from 'node:path';
import { relativeInside } from '../discover/repository-root';
import type { Finding, InputResult } from '../rules/finding';
import { EXIT_FINDINGS, type ReportContext } from './report-context';

/** Logging-command data escapes `%`, CR and LF; properties also `;` and `]`, which end them. */
export function escapeLoggingData(text: string): string {
  return text.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeLoggingProperty(text: string): string {
  return escapeLoggingData(text).replace(/;/g, '%3B').replace(/\]/g, '%5D');
}

/** The agent resolves a source path against the sources folder (BUILD_SOURCESDIRECTORY), else we name it from the repository root. */
function sourcePath(file: string, context: ReportContext): string {
  const root = context.sourcesDirectory ?? context.repoRoot;
  return (relativeInside(file, root) ?? file).split(path.sep).join('/');
}

/** Azure Pipelines has errors and warnings only: a note is a warning that says it is a note. */
function issueText(finding: Finding): string {
  return finding.level === 'note' ? `note: ${finding.message}` : finding.message;
}

/**
 * Azure Pipelines logging commands: a `task.logissue` per finding that is neither suppressed nor
 * baselined, and `task.complete result=Failed` when the run fails on findings (exit 1).
 */
export function formatAzurePipelines(results: readonly InputResult[], context: ReportContext): string {
  const lines = results
    .flatMap((r) => r.findings)
    .filter((f) => !f.suppression && !f.baselined)
    .map((f) => {
      const { line, character } = f.location.range.start;
      const properties = [
        `type=${f.level === 'error' ? 'error' : 'warning'}`,
        `sourcepath=${escapeLoggingProperty(sourcePath(f.location.file, context))}`,
        `linenumber=${line + 1}`,
        `columnnumber=${character + 1}`,
        `code=${escapeLoggingProperty(f.ruleId)}`,
      ];
      return `##vso[task.logissue ${properties.join(';')}]${escapeLoggingData(issueText(f))}`;
    });
  if (context.exitCode === EXIT_FINDINGS) lines.push('##vso[task.complete result=Failed]');
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
