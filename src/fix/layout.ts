import { syntaxChildren, type ParsedBicep, type SyntaxNode } from './bicep-syntax';

/** An insertion or replacement at offsets of one file's text. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** Whether a node's text spans more than one line. */
function multiline(node: SyntaxNode): boolean {
  return node.text.includes('\n');
}

/** `{ key: value, ... }` on one line, or one property a line in the file's layout. */
export function objectText(properties: readonly [string, string][], spread: { indent: string; unit: string; eol: string } | undefined): string {
  if (!spread) return `{ ${properties.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
  const inner = properties.map(([k, v]) => `${spread.indent}${spread.unit}${k}: ${v}`).join(spread.eol);
  return `{${spread.eol}${inner}${spread.eol}${spread.indent}}`;
}

/** Items added at the end of an array, keeping its layout (one item a line, or one line with commas), comments and directives in place. */
export function appendArrayItems(source: ParsedBicep, array: SyntaxNode, items: (indent: string, likeLast?: SyntaxNode) => string[]): OffsetEdit {
  const { eol, indentUnit } = source;
  const children = array.namedChildren;
  const present = syntaxChildren(array);
  const last = present.at(-1);
  if (!multiline(array)) {
    const baseIndent = source.indentOfLineAt(array.startIndex);
    if (!last) {
      const indent = baseIndent + indentUnit;
      const lines = items(indent).map((item) => `${indent}${item}`);
      return { start: array.startIndex, end: array.endIndex, newText: `[${eol}${lines.join(eol)}${eol}${baseIndent}]` };
    }
    return { start: last.endIndex, end: last.endIndex, newText: items(baseIndent, last).map((item) => `, ${item}`).join('') };
  }
  const closingIndent = source.indentOfLineAt(array.endIndex - 1);
  const indent = last && source.startsLine(last.startIndex) ? source.indentOfLineAt(last.startIndex) : closingIndent + indentUnit;
  // After the last thing in the array (a trailing comment included), at the end of its line.
  const after = children.at(-1);
  const at = source.lineContentEnd(after ? after.endIndex - 1 : array.startIndex);
  return { start: at, end: at, newText: items(indent, last).map((item) => `${eol}${indent}${item}`).join('') };
}

/** A property added at the end of an object, on its own line or after a comma as the object is written. */
export function appendObjectProperty(source: ParsedBicep, object: SyntaxNode, key: string, value: string): OffsetEdit {
  const last = syntaxChildren(object).at(-1);
  if (!multiline(object)) {
    if (!last) return { start: object.startIndex, end: object.endIndex, newText: `{ ${key}: ${value} }` };
    return { start: last.endIndex, end: last.endIndex, newText: `, ${key}: ${value}` };
  }
  const indent = last && source.startsLine(last.startIndex) ? source.indentOfLineAt(last.startIndex) : source.indentOfLineAt(object.endIndex - 1) + source.indentUnit;
  const after = object.namedChildren.at(-1);
  const at = source.lineContentEnd(after ? after.endIndex - 1 : object.startIndex);
  return { start: at, end: at, newText: `${source.eol}${indent}${key}: ${value}` };
}

/** Whether items like `node` are written over several lines. */
export function isSpread(node: SyntaxNode | undefined): boolean {
  return node !== undefined && node.type === 'object' && multiline(node);
}
