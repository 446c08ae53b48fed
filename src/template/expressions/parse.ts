import type { Call, Expr, NumberLiteral, ParsedExpression, StringLiteral } from './ast';
import { ExpressionError } from './errors';
import { MAX_NESTING_DEPTH } from './limits';

/** A template string holds an expression when it is `[...]`; `[[...]` is the escape for a literal `[...]`. */
export function isExpression(value: string): boolean {
  return value.startsWith('[') && value.endsWith(']') && !value.startsWith('[[');
}

export type TemplateString =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'expression'; readonly expression: ParsedExpression };

export function parseTemplateString(value: string): TemplateString {
  if (isExpression(value)) return { kind: 'expression', expression: parseExpression(value.slice(1, -1)) };
  if (value.startsWith('[[') && value.endsWith(']')) return { kind: 'literal', value: value.slice(1) };
  return { kind: 'literal', value };
}

/** Parses the text between the brackets of an expression string. */
export function parseExpression(text: string): ParsedExpression {
  return { text, root: new Parser(text).parseAll() };
}

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
const isIdentifierStart = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z_$]/.test(ch);
const isIdentifierPart = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9_$]/.test(ch);

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parseAll(): Expr {
    this.skipSpace();
    if (this.atEnd()) throw this.fail('the expression is empty', 0);
    const root = this.expression(0);
    this.skipSpace();
    if (!this.atEnd()) throw this.fail(`unexpected '${this.peek()}' after the end of the expression`, this.pos);
    return root;
  }

  private expression(depth: number): Expr {
    let node = this.primary(depth);
    for (let chain = 1; ; chain += 1) {
      this.skipSpace();
      const at = this.pos;
      if (this.peek() === '.') {
        this.checkDepth(depth + chain, at);
        this.pos += 1;
        node = { kind: 'property', offset: at, target: node, name: this.identifier('a property name') };
      } else if (this.peek() === '[') {
        this.checkDepth(depth + chain, at);
        this.pos += 1;
        this.skipSpace();
        const index = this.expression(depth + chain + 1);
        this.skipSpace();
        if (this.peek() !== ']') throw this.fail(`expected ']' to close the index opened at ${at}`, this.pos);
        this.pos += 1;
        node = { kind: 'index', offset: at, target: node, index };
      } else {
        return node;
      }
    }
  }

  private primary(depth: number): Expr {
    this.checkDepth(depth, this.pos);
    const ch = this.peek();
    if (ch === "'") return this.string();
    if (ch === '-' || isDigit(ch)) return this.number();
    if (isIdentifierStart(ch)) return this.call(depth);
    if (ch === undefined) throw this.fail('the expression ends where a value was expected', this.pos);
    throw this.fail(`unexpected '${ch}' where a value was expected`, this.pos);
  }

  private call(depth: number): Call {
    const offset = this.pos;
    let namespace: string | undefined;
    let name = this.identifier('a function name');
    if (this.peek() === '.' && isIdentifierStart(this.text[this.pos + 1])) {
      this.pos += 1;
      namespace = name;
      name = this.identifier('a function name');
    }
    this.skipSpace();
    if (this.peek() !== '(') {
      throw this.fail(`'${name}' must be followed by '(': expressions only call functions`, this.pos);
    }
    this.pos += 1;
    const args: Expr[] = [];
    this.skipSpace();
    if (this.peek() === ')') {
      this.pos += 1;
      return { kind: 'call', offset, namespace, name, args };
    }
    for (;;) {
      args.push(this.expression(depth + 1));
      this.skipSpace();
      const ch = this.peek();
      this.pos += 1;
      if (ch === ')') return { kind: 'call', offset, namespace, name, args };
      if (ch === ',') {
        this.skipSpace();
        continue;
      }
      this.pos -= 1;
      if (ch === undefined) throw this.fail(`missing ')' to close the call of '${name}' at ${offset}`, this.pos);
      throw this.fail(`expected ',' or ')' in the arguments of '${name}', found '${ch}'`, this.pos);
    }
  }

  private string(): StringLiteral {
    const offset = this.pos;
    this.pos += 1;
    let value = '';
    for (;;) {
      const end = this.text.indexOf("'", this.pos);
      if (end < 0) throw this.fail('the string is not closed with a quote', offset);
      value += this.text.slice(this.pos, end);
      this.pos = end + 1;
      if (this.peek() !== "'") return { kind: 'string', offset, value };
      value += "'";
      this.pos += 1;
    }
  }

  private number(): NumberLiteral {
    const offset = this.pos;
    if (this.peek() === '-') this.pos += 1;
    if (!isDigit(this.peek())) throw this.fail("'-' must be followed by digits", offset);
    while (isDigit(this.peek())) this.pos += 1;
    if (this.peek() === '.' && isDigit(this.text[this.pos + 1])) {
      throw this.fail("expressions have no decimal numbers; write json('1.5') instead", offset);
    }
    const value = Number(this.text.slice(offset, this.pos));
    if (!Number.isSafeInteger(value)) throw this.fail('the number is too large to compute with exactly', offset);
    return { kind: 'number', offset, value: value === 0 ? 0 : value };
  }

  private identifier(what: string): string {
    const start = this.pos;
    if (!isIdentifierStart(this.peek())) {
      throw this.fail(`expected ${what}, found ${this.atEnd() ? 'the end' : `'${this.peek()}'`}`, this.pos);
    }
    while (isIdentifierPart(this.peek())) this.pos += 1;
    return this.text.slice(start, this.pos);
  }

  private checkDepth(depth: number, offset: number): void {
    if (depth >= MAX_NESTING_DEPTH) {
      throw new ExpressionError(`the expression is nested more than ${MAX_NESTING_DEPTH} levels deep`, this.text, offset, {
        limit: true,
      });
    }
  }

  private skipSpace(): void {
    while (/\s/.test(this.text[this.pos] ?? '')) this.pos += 1;
  }

  private peek(): string | undefined {
    return this.text[this.pos];
  }

  private atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  private fail(message: string, offset: number): ExpressionError {
    return new ExpressionError(message, this.text, offset);
  }
}
