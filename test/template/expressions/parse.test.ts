import type { Expr } from '../../../src/template/expressions/ast';
import { isExpression, parseExpression, parseTemplateString } from '../../../src/template/expressions/parse';
import { failure } from './test-context';

describe('isExpression', () => {
  it.each([
    ['[concat()]', true],
    ['[]', true],
    ['[[concat()]', false],
    ['[[', false],
    ['plain', false],
    [' [a()]', false],
    ['[a()] ', false],
    ['[a()', false],
    ['a()]', false],
  ])('%j → %s', (value, expected) => {
    expect(isExpression(value)).toBe(expected);
  });
});

describe('parseTemplateString', () => {
  it.each([
    ['plain text', 'plain text'],
    ['[[escaped]', '[escaped]'],
    ['[[', '[['],
    ['[[not closed', '[[not closed'],
    ['[not closed', '[not closed'],
  ])('%j is the literal %j', (value, literal) => {
    expect(parseTemplateString(value)).toEqual({ kind: 'literal', value: literal });
  });

  it('parses the text between the brackets', () => {
    expect(parseTemplateString("[concat('a')]")).toEqual({
      kind: 'expression',
      expression: {
        text: "concat('a')",
        root: { kind: 'call', offset: 0, namespace: undefined, name: 'concat', args: [{ kind: 'string', offset: 7, value: 'a' }] },
      },
    });
  });
});

const call = (offset: number, name: string, args: Expr[], namespace?: string): Expr => ({ kind: 'call', offset, namespace, name, args });
const str = (offset: number, value: string): Expr => ({ kind: 'string', offset, value });
const num = (offset: number, value: number): Expr => ({ kind: 'number', offset, value });

describe('parseExpression', () => {
  it.each<[string, Expr]>([
    ["'it''s'", str(0, "it's")],
    ["''''", str(0, "'")],
    ["''", str(0, '')],
    ['42', num(0, 42)],
    ['-7', num(0, -7)],
    ['-0', num(0, 0)],
    ['true()', call(0, 'true', [])],
    ["concat('a', 'b')", call(0, 'concat', [str(7, 'a'), str(12, 'b')])],
    ["  concat ( 'a' ,'b' )  ", call(2, 'concat', [str(11, 'a'), str(16, 'b')])],
    ['__bicep.double(2)', call(0, 'double', [num(15, 2)], '__bicep')],
    [
      "parameters('x').y[0]",
      {
        kind: 'index',
        offset: 17,
        target: { kind: 'property', offset: 15, name: 'y', target: call(0, 'parameters', [str(11, 'x')]) },
        index: num(18, 0),
      },
    ],
    [
      "a()[b('k')].c",
      {
        kind: 'property',
        offset: 11,
        name: 'c',
        target: { kind: 'index', offset: 3, target: call(0, 'a', []), index: call(4, 'b', [str(6, 'k')]) },
      },
    ],
    [
      "f(g(h('x')).p, -1)",
      call(0, 'f', [{ kind: 'property', offset: 11, name: 'p', target: call(2, 'g', [call(4, 'h', [str(6, 'x')])]) }, num(15, -1)]),
    ],
  ])('%s', (text, root) => {
    expect(parseExpression(text)).toEqual({ text, root });
  });

  it.each([
    ['', 'the expression is empty', 0],
    ['   ', 'the expression is empty', 0],
    ["concat('a'", "missing ')' to close the call of 'concat' at 0", 10],
    ["concat('a' 'b')", "expected ',' or ')' in the arguments of 'concat', found '''", 11],
    ["concat('a',)", "unexpected ')' where a value was expected", 11],
    ['concat(,)', "unexpected ',' where a value was expected", 7],
    ["'abc", 'the string is not closed with a quote', 0],
    ["f('it''s)", 'the string is not closed with a quote', 2],
    ['f(1.5)', "expressions have no decimal numbers; write json('1.5') instead", 2],
    ['f(-x)', "'-' must be followed by digits", 2],
    ['f(99999999999999999)', 'the number is too large to compute with exactly', 2],
    ['true', "'true' must be followed by '(': expressions only call functions", 4],
    ['a().b.', 'expected a property name, found the end', 6],
    ['a().5', "expected a property name, found '5'", 4],
    ['a()[1', "expected ']' to close the index opened at 3", 5],
    ['a() b()', "unexpected 'b' after the end of the expression", 4],
    ['f(', 'the expression ends where a value was expected', 2],
    ['"x"', `unexpected '"' where a value was expected`, 0],
  ])('%j fails: %s at %i', (text, message, offset) => {
    expect(failure(() => parseExpression(text))).toEqual({ message, expression: text, offset, limit: false });
  });

  it('accepts 200 levels of nested calls and rejects 201', () => {
    const nested = (levels: number) => 'f('.repeat(levels - 1) + 'f()' + ')'.repeat(levels - 1);
    expect(parseExpression(nested(200)).root).toMatchObject({ kind: 'call', name: 'f' });
    expect(failure(() => parseExpression(nested(201)))).toEqual({
      message: 'the expression is nested more than 200 levels deep',
      expression: nested(201),
      offset: 400,
      limit: true,
    });
  });

  it('counts property chains towards the nesting limit', () => {
    const chain = (length: number) => 'a()' + '.b'.repeat(length);
    expect(parseExpression(chain(199)).root).toMatchObject({ kind: 'property', name: 'b' });
    expect(failure(() => parseExpression(chain(200)))).toEqual({
      message: 'the expression is nested more than 200 levels deep',
      expression: chain(200),
      offset: 3 + 199 * 2,
      limit: true,
    });
  });
});
