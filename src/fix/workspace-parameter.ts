import { declarationObject, literalString, objectProperty, propertyKey, propertyValue, syntaxChildren, type ParsedBicep, type SyntaxNode } from './bicep-syntax';
import type { OffsetEdit } from './layout';

const DESTINATIONS = ['workspaceId', 'storageAccountId', 'eventHubAuthorizationRuleId', 'eventHubName', 'marketplacePartnerId'];

/** The destination properties (`workspaceId: ...`) of another diagnostic setting declared once at the top of the file. */
function destinationsOf(source: ParsedBicep): SyntaxNode[] | undefined {
  for (const declaration of source.root.namedChildren) {
    if (declaration.type !== 'resource_declaration') continue;
    if (!literalString(syntaxChildren(declaration)[1])?.toLowerCase().startsWith('microsoft.insights/diagnosticsettings@')) continue;
    const properties = objectProperty(declarationObject(declaration), 'properties');
    const body = properties && syntaxChildren(properties)[1];
    if (body?.type !== 'object') continue;
    const destinations = body.namedChildren.filter((p) => p.type === 'object_property' && DESTINATIONS.includes(propertyKey(p) ?? ''));
    if (destinations.length > 0) return destinations;
  }
  return undefined;
}

/** The destinations of another diagnostic setting in the file, as written. */
export function destinationsOfAnotherSetting(source: ParsedBicep): string[] | undefined {
  return destinationsOf(source)?.map((p) => p.text);
}

/** The workspace another diagnostic setting in the file sends its logs to, as written (`workspace.id`). */
export function workspaceOfAnotherSetting(source: ParsedBicep): string | undefined {
  const workspace = destinationsOf(source)?.find((p) => propertyKey(p) === 'workspaceId');
  return workspace && propertyValue(workspace)?.text;
}

/** A new required string parameter, after the last one, else before the first declaration. */
export function parameterEdit(source: ParsedBicep, name: string, description: string): OffsetEdit {
  const { eol } = source;
  const declarations = source.root.namedChildren.filter((c) => !c.isExtra);
  const lastParameter = declarations.filter((c) => c.type === 'parameter_declaration').at(-1);
  const text = `@description('${description}')${eol}param ${name} string`;
  if (lastParameter) {
    const at = source.lineContentEnd(lastParameter.endIndex - 1);
    return { start: at, end: at, newText: `${eol}${eol}${text}` };
  }
  const first = declarations.find((c) => !['target_scope_assignment', 'import_statement', 'import_functionality', 'using_statement', 'metadata_declaration'].includes(c.type));
  const at = first ? source.lineStart(first.startIndex) : source.text.length;
  return { start: at, end: at, newText: `${text}${eol}${eol}` };
}
