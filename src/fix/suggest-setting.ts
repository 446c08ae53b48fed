import type { SourceLocation } from '../rules/finding';
import type { SettingSuggestion } from '../rules/remedy';
import { declarationObject, identifierOf, literalString, objectProperty, propertyKey, syntaxChildren, type ParsedBicep, type SyntaxNode } from './bicep-syntax';
import type { OffsetEdit } from './layout';
import { toTextEdit, type FixPreferences, type Planned } from './plan-fix';
import { declarationToFollow, freeName, resourceAfter } from './new-resource';

export const SETTING_TYPE = 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview';
const DESTINATIONS = ['workspaceId', 'storageAccountId', 'eventHubAuthorizationRuleId', 'eventHubName', 'marketplacePartnerId'];

/** The destination properties (`workspaceId: ...`) of another diagnostic setting declared once at the top of the file, as written. */
export function destinationsOfAnotherSetting(source: ParsedBicep): string[] | undefined {
  for (const declaration of source.root.namedChildren) {
    if (declaration.type !== 'resource_declaration') continue;
    if (!literalString(syntaxChildren(declaration)[1])?.toLowerCase().startsWith('microsoft.insights/diagnosticsettings@')) continue;
    const properties = objectProperty(declarationObject(declaration), 'properties');
    const body = properties && syntaxChildren(properties)[1];
    if (body?.type !== 'object') continue;
    const destinations = body.namedChildren.filter((p) => p.type === 'object_property' && DESTINATIONS.includes(propertyKey(p) ?? ''));
    if (destinations.length > 0) return destinations.map((p) => p.text);
  }
  return undefined;
}

/** Where a new parameter goes: after the last one, else before the first declaration. */
export function parameterEdit(source: ParsedBicep, name: string, service: string): OffsetEdit {
  const { eol } = source;
  const declarations = source.root.namedChildren.filter((c) => !c.isExtra);
  const lastParameter = declarations.filter((c) => c.type === 'parameter_declaration').at(-1);
  const text = `@description('Log Analytics workspace that receives the ${service} audit logs')${eol}param ${name} string`;
  if (lastParameter) {
    const at = source.lineContentEnd(lastParameter.endIndex - 1);
    return { start: at, end: at, newText: `${eol}${eol}${text}` };
  }
  const first = declarations.find((c) => !['target_scope_assignment', 'import_statement', 'import_functionality', 'using_statement', 'metadata_declaration'].includes(c.type));
  const at = first ? source.lineStart(first.startIndex) : source.text.length;
  return { start: at, end: at, newText: `${text}${eol}${eol}` };
}

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
 * of another setting in the file, else to a new workspace parameter.
 */
export function suggestSetting(source: ParsedBicep, suggestion: SettingSuggestion<SourceLocation>, prefs: FixPreferences): Planned {
  const found = declarationToFollow(source, suggestion.target, suggestion.noun, 'a setting');
  if ('noFix' in found) return found;
  const { target, condition } = found;
  const reused = destinationsOfAnotherSetting(source);
  const parameter = reused ? undefined : freeName(source, 'auditWorkspaceId');
  const logs = (prefs.categoryGroup || suggestion.categories.length === 0) && suggestion.group
    ? [`{ categoryGroup: '${suggestion.group}', enabled: true }`]
    : suggestion.categories.map((c) => `{ category: '${c}', enabled: true }`);
  const setting = settingText(source, target, condition, reused ?? [`workspaceId: ${parameter}`], logs);
  const edits = [...(parameter ? [parameterEdit(source, parameter, suggestion.service)] : []), resourceAfter(source, target, setting)];
  const destination = reused ? "the destination of the file's other diagnostic setting" : `a new parameter '${parameter}'`;
  return {
    fix: {
      kind: 'suggestion',
      description: `add a diagnostic setting for ${suggestion.noun} '${identifierOf(target)}' that sends its audit logs to ${destination}`,
      edits: edits.map((e) => toTextEdit(source, e)),
    },
  };
}
