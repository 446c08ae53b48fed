/** Every node records the 0-based offset of its first character in the expression text. */
interface Node {
  readonly offset: number;
}

export interface StringLiteral extends Node {
  readonly kind: 'string';
  readonly value: string;
}

export interface NumberLiteral extends Node {
  readonly kind: 'number';
  readonly value: number;
}

/** `name(args)`, or `namespace.name(args)` for a user-defined function. */
export interface Call extends Node {
  readonly kind: 'call';
  readonly namespace: string | undefined;
  readonly name: string;
  readonly args: readonly Expr[];
}

/** `target.name`; the offset is that of the dot. */
export interface PropertyAccess extends Node {
  readonly kind: 'property';
  readonly target: Expr;
  readonly name: string;
}

/** `target[index]`; the offset is that of the bracket. */
export interface IndexAccess extends Node {
  readonly kind: 'index';
  readonly target: Expr;
  readonly index: Expr;
}

export type Expr = StringLiteral | NumberLiteral | Call | PropertyAccess | IndexAccess;

/** A parsed expression with the text its offsets point into: what stands between `[` and `]`. */
export interface ParsedExpression {
  readonly text: string;
  readonly root: Expr;
}
