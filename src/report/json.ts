import type { FixOutcome } from '../fix/apply-fixes';
import type { SourceFix } from '../rules/source-fix';
import type { Finding, InputResult, SourceLocation } from '../rules/finding';
import { describeValue } from '../template/describe-value';
import type { ReportContext } from './report-context';

/** Bumped on any change that could break a program reading the report (schemas/report.schema.json). */
export const JSON_REPORT_VERSION = 1;

/** 1-based positions, as editors show them. */
function jsonLocation(location: SourceLocation) {
  const { start, end } = location.range;
  return { file: location.file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** A fix's edits with 1-based positions; an insertion has its end at its start. */
function jsonFix(fix: SourceFix) {
  return { kind: fix.kind, description: fix.description, edits: fix.edits.map((e) => ({ ...jsonLocation(e), newText: e.newText })) };
}

function jsonOutcome(outcome: FixOutcome) {
  const { finding } = outcome;
  return {
    status: outcome.status,
    reason: outcome.reason ?? null,
    ruleId: finding.ruleId,
    message: finding.message,
    input: outcome.input,
    location: jsonLocation(finding.location),
    fix: jsonFix(finding.fix),
  };
}

function jsonResult(finding: Finding, input: string) {
  return {
    ruleId: finding.ruleId,
    kind: finding.kind,
    level: finding.level,
    message: finding.message,
    input,
    location: jsonLocation(finding.location),
    relatedLocations: finding.relatedLocations.map((r) => ({ message: r.message, ...jsonLocation(r.location) })),
    instance: finding.instance
      ? {
          type: finding.instance.type,
          name: describeValue(finding.instance.name),
          id: describeValue(finding.instance.id),
          symbolicName: finding.instance.symbolicName,
          deploymentChain: finding.instance.deploymentChain,
        }
      : null,
    appliesTo: finding.appliesTo ?? [input],
    suppression: finding.suppression ? { kind: finding.suppression.kind, justification: finding.suppression.justification ?? null } : null,
    baseline: finding.baselined === true,
    fix: finding.fix ? jsonFix(finding.fix) : null,
    noFix: finding.noFix ?? null,
  };
}

/** Machine-readable results in a versioned shape: tool, inputs with their status, results, counts. */
export function formatJson(results: readonly InputResult[], context: ReportContext): string {
  const all = results.flatMap((r) => r.findings.map((f) => jsonResult(f, r.file)));
  const active = all.filter((r) => r.suppression === null && !r.baseline);
  const report = {
    version: JSON_REPORT_VERSION,
    tool: { name: 'bicep-audit', version: context.toolVersion },
    bicep: context.bicepVersion === undefined ? null : { version: context.bicepVersion },
    ...(context.shard ? { shard: { index: context.shard.index, count: context.shard.count } } : {}),
    inputs: results.map((r) => ({ file: r.file, status: r.status })),
    results: all,
    ...(context.fixes?.outcomes ? { fixes: context.fixes.outcomes.map(jsonOutcome) } : {}),
    ...(context.baseline
      ? { baseline: { file: context.baseline.file, new: context.baseline.new, unchanged: context.baseline.unchanged, fixed: context.baseline.fixed.map((e) => ({ ...e, count: e.count ?? 1 })) } }
      : {}),
    summary: {
      errors: active.filter((r) => r.level === 'error').length,
      warnings: active.filter((r) => r.level === 'warning').length,
      notes: active.filter((r) => r.level === 'note').length,
      suppressed: all.filter((r) => r.suppression !== null).length,
      baselined: all.filter((r) => r.baseline).length,
      failedInputs: results.filter((r) => r.status !== 'analysed').length,
    },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
