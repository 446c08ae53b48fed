import type { SourceLocation } from '../rules/finding';
import type { SettingSuggestion } from '../rules/remedy';
import { identifierOf, type ParsedBicep, type SyntaxNode } from './bicep-syntax';
import type { ModuleCalls } from './module-calls';
import { sortEdits, toTextEdit, type FixPreferences, type Planned, type SourceAt } from './plan-fix';
import { declarationToFollow, freeName, resourceAfter } from './new-resource';
import { threadParameter } from './thread-parameter';
import { destinationsOfAnotherSetting, parameterEdit } from './workspace-parameter';

export const SETTING_TYPE = 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview';

function settingText(source: ParsedBicep, target: SyntaxNode, condition: string, destinations: readonly string[], logs: readonly string[]): string {
  const { eol, indentUnit: u } = source;
  const base = source.indentOfLineAt(target.startIndex);
  const lines = [
    `resource ${freeName(source, `${identifierOf(target)}AuditLogs`)} '${SETTING_TYPE}' = ${condition}{`,
    `${u}name: 'audit'`,
    `${u}scope: ${identifierOf(target)}`,
    `${u}properties: {`,
    ...destinations.map((d) => `${u}${u}${d}`),
    `${u}${u}logs: [`,
    ...logs.map((entry) => `${u}${u}${u}${entry}`),
    `${u}${u}]`,
    `${u}}`,
    '}',
  ];
  return lines.map((line) => `${base}${line}`).join(eol);
}

/**
 * A diagnostic setting for a resource that has none, declared right after it: to the destination
 * of another setting in the file, else to a new required workspace parameter, which every
 * `module` declaration of the run that deploys the file passes (see threadParameter).
 */
export async function suggestSetting(
  source: ParsedBicep,
  suggestion: SettingSuggestion<SourceLocation>,
  prefs: FixPreferences,
  calls: ModuleCalls,
  sourceAt: SourceAt,
): Promise<Planned> {
  const found = declarationToFollow(source, suggestion.target, suggestion.noun, 'a setting');
  if ('noFix' in found) return found;
  const { target, condition } = found;
  const reused = destinationsOfAnotherSetting(source);
  const parameter = reused ? undefined : freeName(source, 'auditWorkspaceId');
  const logs = (prefs.categoryGroup || suggestion.categories.length === 0) && suggestion.group
    ? [`{ categoryGroup: '${suggestion.group}', enabled: true }`]
    : suggestion.categories.map((c) => `{ category: '${c}', enabled: true }`);
  const setting = settingText(source, target, condition, reused ?? [`workspaceId: ${parameter}`], logs);
  const description = `Log Analytics workspace that receives the ${suggestion.service} audit logs`;
  const edits = [...(parameter ? [parameterEdit(source, parameter, description)] : []), resourceAfter(source, target, setting)].map((e) => toTextEdit(source, e));
  let destination = reused ? "the destination of the file's other diagnostic setting" : `a new parameter '${parameter}'`;
  if (parameter) {
    const threaded = await threadParameter(source.file, parameter, calls, sourceAt);
    if ('noFix' in threaded) return threaded;
    edits.push(...threaded.edits);
    const from = [...threaded.reused, ...(threaded.newParameterIn.length > 0 ? [`new parameters in ${threaded.newParameterIn.join(', ')}`] : [])];
    if (from.length > 0) destination += `, passed down from ${from.join(' and from ')}`;
  }
  return {
    fix: {
      kind: 'suggestion',
      description: `add a diagnostic setting for ${suggestion.noun} '${identifierOf(target)}' that sends its audit logs to ${destination}`,
      edits: sortEdits(edits),
    },
  };
}
