import type { Finding, InputResult, SourceLocation } from '../rules/finding';
import { describeValue } from '../template/describe-value';
import type { ReportContext } from './report-context';

/** 1-based positions, as editors show them. */
function jsonLocation(location: SourceLocation) {
  const { start, end } = location.range;
  return {
    file: location.file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
}

function jsonFinding(finding: Finding) {
  return {
    ruleId: finding.ruleId,
    level: finding.level,
    kind: finding.kind,
    message: finding.message,
    ...jsonLocation(finding.location),
    relatedLocations: finding.relatedLocations.map((r) => ({ message: r.message, ...jsonLocation(r.location) })),
    ...(finding.instance
      ? {
          instance: {
            type: finding.instance.type,
            name: describeValue(finding.instance.name),
            id: describeValue(finding.instance.id),
            symbolicName: finding.instance.symbolicName,
            deploymentChain: finding.instance.deploymentChain,
          },
        }
      : {}),
    ...(finding.appliesTo ? { appliesTo: finding.appliesTo } : {}),
    suppressed: finding.suppression !== undefined,
  };
}

/** Machine-readable results: one object per input with its status and findings. */
export function formatJson(results: readonly InputResult[], _context: ReportContext): string {
  const body = results.map((r) => ({ file: r.file, status: r.status, findings: r.findings.map(jsonFinding) }));
  return `${JSON.stringify(body, null, 2)}\n`;
}
