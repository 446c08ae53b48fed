import { declarationObject, identifierOf, literalString, propertyKey, propertyValue, syntaxChildren, type ParsedBicep, type SyntaxNode } from './bicep-syntax';

/** The closing clause of every reason: what bicep-audit never rewrites. */
const NOT_REWRITTEN = 'bicep-audit rewrites only values written out where the resource is declared';

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > 40 ? `${line.slice(0, 37)}...` : line;
}

/** Where a value that is not written out comes from, in words. */
export function valueSource(source: ParsedBicep, what: string, value: SyntaxNode): string {
  if (value.type === 'identifier') {
    const declared = source.declarationNamed(value.text);
    const kind = declared?.type === 'parameter_declaration' ? 'parameter' : declared?.type === 'variable_declaration' ? 'variable' : 'symbol';
    return `${what} comes from ${kind} '${value.text}'; ${NOT_REWRITTEN}`;
  }
  if (value.type === 'for_statement') return `${what} is built by a loop; ${NOT_REWRITTEN}`;
  return `${what} is computed by the expression \`${clip(value.text)}\`; ${NOT_REWRITTEN}`;
}

/** The loop a declaration sits in, if any: an edit there would change every instance at once. */
export function enclosingLoop(node: SyntaxNode): SyntaxNode | undefined {
  for (let up = node.parent; up; up = up.parent) if (up.type === 'for_statement') return up;
  return undefined;
}

export function declarationAround(node: SyntaxNode): SyntaxNode | undefined {
  for (let up: SyntaxNode | null = node; up; up = up.parent) if (up.type === 'resource_declaration') return up;
  return undefined;
}

/**
 * Why the source at a finding's place is not the literal a fix needs: `node` is the deepest part
 * of the path that the source spells out (the locator stops where a value comes from elsewhere).
 */
export function whyNotWrittenOut(source: ParsedBicep, node: SyntaxNode): string {
  if (node.type === 'module_declaration') {
    const path = literalString(syntaxChildren(node)[1]);
    return `the resource is declared inside the module '${path ?? identifierOf(node)}', which is not a file of this repository`;
  }
  if (node.type === 'resource_declaration') {
    if (!declarationObject(node)) return `resource '${identifierOf(node)}' is declared in a loop; ${NOT_REWRITTEN}`;
    return `resource '${identifierOf(node)}' does not write the value out; ${NOT_REWRITTEN}`;
  }
  const value = node.type === 'object_property' ? propertyValue(node) : node;
  const what = node.type === 'object_property' ? `'${propertyKey(node)}'` : 'the log entry';
  if (value && value.type !== 'object' && value.type !== 'array') return valueSource(source, what, value);
  return `${what} does not write the value out; ${NOT_REWRITTEN}`;
}
