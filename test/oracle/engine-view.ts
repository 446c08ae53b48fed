import type { BicepCompiler } from '../../src/bicep/compile-output';
import { auditLogRule } from '../../src/rules/audit-logs/audit-log-rule';
import { BUILT_IN_ROWS } from '../../src/rules/audit-logs/built-in';
import type { DeploymentContext } from '../../src/template/expand/deployment-scope';
import { expandTemplate } from '../../src/template/expand/expand-template';
import type { ResourceInstance } from '../../src/template/expand/instance';
import { containsSymbolic } from '../../src/template/expressions/symbolic';
import type { Value, ValueObject } from '../../src/template/expressions/value';
import { readParameterValues } from '../../src/template/parameter-file';
import { parseJsonWithPositions } from '../../src/template/parse-json';
import { describeValue } from '../../src/template/describe-value';
import { ORACLE_CONTEXT } from './deployment-context';
import { DESTINATION_PROPERTIES, isJudgedType, SETTING_TYPE, type DeploymentView, type SettingView, type TargetView } from './deployment-view';

const AUDIT_LOG_RULES = BUILT_IN_ROWS.filter((row) => row.types.some((type) => isJudgedType(type.toLowerCase()))).map(auditLogRule);

export type EngineOutcome = { ok: true; view: DeploymentView; outputs: ValueObject } | { ok: false; reason: string };

const isRecord = (value: Value | undefined): value is ValueObject =>
  value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value) && !containsSymbolic(value as Value);

const shown = (value: Value | undefined) => (value === undefined ? 'undefined' : containsSymbolic(value) ? `{${describeValue(value)}}` : String(value));

function settingView(instance: ResourceInstance): SettingView {
  const properties = instance.body.properties;
  if (!isRecord(properties)) return { logs: [`{${describeValue(properties ?? null)}}`], destinations: [] };
  const logs = (Array.isArray(properties.logs) ? properties.logs : [shown(properties.logs)]).map((entry) => {
    if (!isRecord(entry)) return shown(entry);
    const kind = entry.category !== undefined && entry.category !== null ? 'category' : 'categoryGroup';
    return `${kind}:${shown(entry[kind])}=${shown(entry.enabled)}`;
  });
  const destinations = DESTINATION_PROPERTIES.filter((p) => properties[p] !== undefined && properties[p] !== null).map((p) => `${p}=${shown(properties[p])}`);
  return { logs: logs.sort(), destinations: destinations.sort() };
}

/**
 * The engine's side: compiles the `.bicepparam` with the real CLI, expands it on the oracle's
 * deployment context and runs every built-in rule; a judged resource no rule reports on passes.
 * Whatever it leaves unknown is listed, since Azure knew it, and so is a report on anything but
 * a deployed resource of a judged type, or a second report on one.
 */
export async function engineView(compiler: BicepCompiler, paramFile: string, deployment: DeploymentContext = ORACLE_CONTEXT): Promise<EngineOutcome> {
  const output = await compiler.compile(paramFile);
  if (!output.success || output.template === undefined) {
    return { ok: false, reason: `compile failed: ${output.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}` };
  }
  const doc = parseJsonWithPositions(paramFile, output.template);
  const parameters = output.parameters === undefined ? new Map<string, Value>() : readParameterValues(paramFile, output.parameters);
  const expansion = expandTemplate(doc, { parameters, deployment });
  const unknowns = expansion.problems.map((p) => `engine problem (${p.kind}): ${p.message}`);
  const deployed = (judged: (type: string) => boolean) =>
    expansion.instances.filter((i) => judged(i.type.toLowerCase()) && !i.existing && i.condition !== false).filter((i) => {
      if (i.condition === true && typeof i.id === 'string') return true;
      unknowns.push(`engine does not know ${i.condition === true ? 'the ID' : 'whether it deploys'} ${i.symbolicName}: ${shown(i.id)}`);
      return false;
    });
  const settings = new Map(deployed((type) => type === SETTING_TYPE).map((s) => [(s.id as string).toLowerCase(), settingView(s)]));
  const targets = new Map<string, TargetView>();
  for (const target of deployed(isJudgedType)) {
    const type = target.type.toLowerCase();
    if (isJudgedType(type)) targets.set((target.id as string).toLowerCase(), { type, verdict: 'pass' });
  }
  const reported = new Set<string>();
  // The oracle judges the audit-log verdicts of its types: the control-plane rules answer other questions.
  for (const rule of AUDIT_LOG_RULES) {
    for (const report of rule.check({ instances: expansion.instances, deployments: expansion.deployments, describeSpan: () => '' })) {
      const id = typeof report.subject.id === 'string' ? report.subject.id.toLowerCase() : undefined;
      const target = id === undefined ? undefined : targets.get(id);
      if (id === undefined || target === undefined) unknowns.push(`${rule.id} reports ${report.kind} on ${report.subject.type} ${shown(report.subject.id)}, not a deployed judged resource`);
      else if (reported.has(id)) unknowns.push(`${rule.id} reports ${report.kind} on ${id}, which another report already judged`);
      else {
        reported.add(id);
        target.verdict = report.kind;
      }
    }
  }
  return { ok: true, view: { targets, settings, unknowns }, outputs: expansion.outputs };
}
