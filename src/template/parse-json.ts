import { createScanner, getNodeValue, parseTree, printParseErrorCode, SyntaxKind, type Node, type ParseError } from 'jsonc-parser';
import type { JsonValue } from './expressions/value';
import type { SourceSpan } from './location';

/** A JSON document parsed with every value's offset kept. */
export interface ParsedJson {
  file: string;
  text: string;
  root: Node;
  value: JsonValue;
}

export interface JsonSyntaxProblem {
  file: string;
  offset: number;
  length: number;
  message: string;
}

export class JsonSyntaxError extends Error {
  constructor(readonly problems: JsonSyntaxProblem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'JsonSyntaxError';
  }
}

/** The text without a leading byte-order mark: editors do not count it as a column, JSON does not allow it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Deeper JSON would overflow the stack of the recursive parser and of the walks over its values. */
export const MAX_JSON_DEPTH = 1500;

/** The offset of the first `{` or `[` nested deeper than MAX_JSON_DEPTH, found with the (flat) scanner. */
function tooDeepAt(text: string): number | undefined {
  const scanner = createScanner(text, false);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) return scanner.getTokenOffset();
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth -= 1;
    }
  }
  return undefined;
}

/** Parses JSON (comments and trailing commas allowed, as ARM allows them) keeping positions. */
export function parseJsonWithPositions(file: string, text: string): ParsedJson {
  text = stripBom(text);
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    throw new JsonSyntaxError([{ file, offset: deep, length: 1, message: `the JSON is nested more than ${MAX_JSON_DEPTH} levels deep` }]);
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !root) {
    const problems = errors.map((e) => ({
      file,
      offset: e.offset,
      length: e.length,
      message: `invalid JSON: ${printParseErrorCode(e.error)}`,
    }));
    throw new JsonSyntaxError(problems.length > 0 ? problems : [{ file, offset: 0, length: 0, message: 'empty JSON document' }]);
  }
  return { file, text, root, value: getNodeValue(root) as JsonValue };
}

/** The node at a path of property names and array indexes, or undefined. */
export function nodeAtPath(root: Node, path: readonly (string | number)[]): Node | undefined {
  let node: Node | undefined = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (node.type === 'object' && typeof segment === 'string') {
      const property: Node | undefined = node.children?.find((p) => p.children?.[0]?.value === segment);
      node = property?.children?.[1];
    } else if (node.type === 'array' && typeof segment === 'number') {
      node = node.children?.[segment];
    } else {
      return undefined;
    }
  }
  return node;
}

/** The property node (key and value) for the last segment of a path, when it is a property. */
export function propertyAtPath(root: Node, path: readonly (string | number)[]): Node | undefined {
  const value = nodeAtPath(root, path);
  return value?.parent?.type === 'property' ? value.parent : value;
}

/** The span of the value at a path, or of its nearest ancestor that exists in the document. */
export function spanAtPath(doc: ParsedJson, path: readonly (string | number)[], property = false): SourceSpan {
  for (let length = path.length; length >= 0; length -= 1) {
    const prefix = path.slice(0, length);
    const node = property ? propertyAtPath(doc.root, prefix) : nodeAtPath(doc.root, prefix);
    if (node) return { file: doc.file, offset: node.offset, length: node.length };
  }
  return { file: doc.file, offset: doc.root.offset, length: doc.root.length };
}

/** Whether `path` lies at or below `prefix`. */
export function isWithinPath(path: readonly (string | number)[], prefix: readonly (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
}
