import type { BicepCompiler } from '../../src/bicep/compile-output';
import { findRule } from '../../src/rules/index';
import type { DeploymentContext } from '../../src/template/expand/deployment-scope';
import { expandTemplate } from '../../src/template/expand/expand-template';
import type { ResourceInstance } from '../../src/template/expand/instance';
import { containsSymbolic } from '../../src/template/expressions/symbolic';
import type { Value, ValueObject } from '../../src/template/expressions/value';
import { readParameterValues } from '../../src/template/parameter-file';
import { parseJsonWithPositions } from '../../src/template/parse-json';
import { describeValue } from '../../src/template/describe-value';
import { ORACLE_CONTEXT } from './deployment-context';
import { DESTINATION_PROPERTIES, REGISTRY_TYPE, SETTING_TYPE, type DeploymentView, type SettingView, type Verdict } from './deployment-view';

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
 * deployment context and runs the rule. Whatever it leaves unknown is listed, since Azure knew it.
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
  const deployed = (type: string) =>
    expansion.instances.filter((i) => i.type.toLowerCase() === type && !i.existing && i.condition !== false).filter((i) => {
      if (i.condition === true && typeof i.id === 'string') return true;
      unknowns.push(`engine does not know ${i.condition === true ? 'the ID' : 'whether it deploys'} ${i.symbolicName}: ${shown(i.id)}`);
      return false;
    });
  const settings = new Map(deployed(SETTING_TYPE).map((s) => [(s.id as string).toLowerCase(), settingView(s)]));
  const registries = new Map<string, Verdict>(deployed(REGISTRY_TYPE).map((r) => [(r.id as string).toLowerCase(), 'pass']));
  const reports = findRule('Azure.ACR.Logs')!.check({ instances: expansion.instances, describeSpan: () => '' });
  for (const report of reports) {
    if (typeof report.subject.id === 'string' && registries.has(report.subject.id.toLowerCase())) registries.set(report.subject.id.toLowerCase(), report.kind);
  }
  return { ok: true, view: { registries, settings, unknowns }, outputs: expansion.outputs };
}
