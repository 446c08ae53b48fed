import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding, InputResult, SourceLocation } from '../rules/finding';
import { artifactUri } from './paths';
import type { ReportContext } from './report-context';

function physicalLocation(location: SourceLocation, cwd: string) {
  const { start, end } = location.range;
  return {
    artifactLocation: { uri: artifactUri(location.file, cwd) },
    region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
  };
}

function descriptor(id: string, context: ReportContext): ReportingDescriptor {
  const rule = context.rules.get(id);
  if (!rule) return { id };
  return {
    id,
    shortDescription: { text: rule.meta.description },
    ...(rule.help ? { help: { text: rule.help, markdown: rule.help } } : {}),
    defaultConfiguration: { level: rule.meta.level },
    properties: { tags: [...rule.meta.tags], aliases: [...rule.meta.aliases] },
  };
}

function sarifResult(finding: Finding, ruleIndex: number, context: ReportContext): Result {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    kind: finding.kind,
    level: finding.level,
    message: { text: finding.message },
    locations: [{ physicalLocation: physicalLocation(finding.location, context.cwd) }],
    ...(finding.relatedLocations.length > 0
      ? {
          relatedLocations: finding.relatedLocations.map((r, id) => ({
            id,
            message: { text: r.message },
            physicalLocation: physicalLocation(r.location, context.cwd),
          })),
        }
      : {}),
    ...(finding.suppression ? { suppressions: [{ kind: finding.suppression.kind }] } : {}),
    ...(finding.appliesTo ? { properties: { appliesTo: finding.appliesTo.map((f) => artifactUri(f, context.cwd)) } } : {}),
  };
}

/** SARIF 2.1.0 for code scanning; rule metadata and help come from the rules themselves. */
export function formatSarif(results: readonly InputResult[], context: ReportContext): string {
  const findings = results.flatMap((r) => r.findings);
  const ruleIds = [...new Set([...context.rules.keys(), ...findings.map((f) => f.ruleId)])];
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'bicep-audit', version: context.toolVersion, rules: ruleIds.map((id) => descriptor(id, context)) } },
        results: findings.map((f) => sarifResult(f, ruleIds.indexOf(f.ruleId), context)),
        invocations: [
          {
            executionSuccessful: results.every((r) => r.status === 'analysed'),
            ...(results.some((r) => r.status === 'failed')
              ? {
                  toolExecutionNotifications: results
                    .filter((r) => r.status === 'failed')
                    .map((r) => ({ level: 'error' as const, message: { text: `could not analyse ${artifactUri(r.file, context.cwd)}` } })),
                }
              : {}),
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
