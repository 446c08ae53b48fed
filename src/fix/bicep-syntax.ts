import type Parser from 'web-tree-sitter';
import type { Range } from '../positions';
import { LineIndex } from '../locate/line-index';

export type SyntaxNode = Parser.SyntaxNode;

/** A node's children without comments and directives, which the grammar lets stand anywhere. */
export function syntaxChildren(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((c) => !c.isExtra);
}

export function identifierOf(node: SyntaxNode): string | undefined {
  return node.namedChildren.find((c) => c.type === 'identifier')?.text;
}

export function propertyKey(property: SyntaxNode): string | undefined {
  const key = syntaxChildren(property)[0];
  if (!key) return undefined;
  return key.type === 'string' ? (key.namedChildren.find((c) => c.type === 'string_content')?.text ?? '') : key.text;
}

export function propertyValue(property: SyntaxNode): SyntaxNode | undefined {
  return syntaxChildren(property)[1];
}

/** The string a node holds when it is a plain literal (no interpolation). */
export function literalString(node: SyntaxNode | undefined): string | undefined {
  if (node?.type !== 'string' || node.namedChildren.some((c) => c.type !== 'string_content')) return undefined;
  return node.namedChildren[0]?.text ?? '';
}

/** The object a declaration deploys, through `if (...)`; undefined for a loop or anything else. */
export function declarationObject(declaration: SyntaxNode): SyntaxNode | undefined {
  const value = syntaxChildren(declaration).at(-1);
  if (value?.type === 'object') return value;
  if (value?.type === 'if_statement') return syntaxChildren(value).find((c) => c.type === 'object');
  return undefined;
}

export function objectProperty(object: SyntaxNode | undefined, key: string): SyntaxNode | undefined {
  return object?.namedChildren.find((p) => p.type === 'object_property' && propertyKey(p)?.toLowerCase() === key.toLowerCase());
}

/** One parsed Bicep file with its text, for finding nodes by the ranges findings carry. */
export class ParsedBicep {
  readonly lines: LineIndex;
  readonly eol: string;
  readonly indentUnit: string;

  constructor(
    readonly file: string,
    readonly text: string,
    readonly root: SyntaxNode,
  ) {
    this.lines = new LineIndex(text);
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
    // The first indented line shows the file's unit: a tab, two spaces, four.
    this.indentUnit = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  }

  range(start: number, end: number): Range {
    return this.lines.rangeOf(start, end);
  }

  /** The outermost node that spans exactly `range`. */
  nodeAt(range: Range): SyntaxNode | undefined {
    const start = this.lines.offsetAt(range.start);
    const end = this.lines.offsetAt(range.end);
    let node: SyntaxNode | null = this.root.descendantForIndex(start, end);
    if (!node || node.startIndex !== start || node.endIndex !== end) return undefined;
    while (node.parent && node.parent.startIndex === start && node.parent.endIndex === end) node = node.parent;
    return node;
  }

  /** The whitespace a line starts with. */
  indentOfLineAt(offset: number): string {
    const start = this.lineStart(offset);
    return /^[ \t]*/.exec(this.text.slice(start))![0];
  }

  /** Whether nothing but whitespace stands before `offset` on its line. */
  startsLine(offset: number): boolean {
    const start = this.lineStart(offset);
    return /^[ \t]*$/.test(this.text.slice(start, offset));
  }

  /** The end of the line holding `offset`, before its line break. */
  lineContentEnd(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    const end = newline < 0 ? this.text.length : newline;
    return end > 0 && this.text[end - 1] === '\r' ? end - 1 : end;
  }

  /** The start of the line holding `offset`; line 1 starts after a byte order mark. */
  lineStart(offset: number): number {
    const start = this.text.lastIndexOf('\n', offset - 1) + 1;
    return start === 0 && this.text.startsWith('\uFEFF') ? 1 : start;
  }

  /** A top-level `param` or `var` by name. */
  declarationNamed(name: string): SyntaxNode | undefined {
    return this.root.namedChildren.find((c) => (c.type === 'parameter_declaration' || c.type === 'variable_declaration') && identifierOf(c) === name);
  }

  /** Every name declared at the top of the file: a new one must differ from all. */
  topLevelNames(): Set<string> {
    return new Set(this.root.namedChildren.map(identifierOf).filter((n): n is string => n !== undefined));
  }
}
