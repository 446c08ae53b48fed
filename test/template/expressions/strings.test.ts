import { Symbolic, type Value } from '../../../src/template/expressions/value';
import { deploymentOrigin, deploymentValue, parameterOrigin, parameterValue, run, expectEvaluationError } from './test-context';

const rgId = deploymentValue('resourceGroup().id');
const prefix = parameterValue('prefix', 'string');
const prefixOrigin = [parameterOrigin('prefix')];

describe('format', () => {
  it.each<[string, Value]>([
    ["[format('{0}-{1}', 'a', 1)]", 'a-1'],
    ["[format('{1}{0}{1}', 'a', 'b')]", 'bab'],
    ["[format('{{literal}} {0}', 'x')]", '{literal} x'],
    ["[format('{0:D3}|{0:x}|{1:X4}', 7, 255)]", '007|7|00FF'],
    ["[format('[{0,4}|{0,-4}]', 'ab')]", '[  ab|ab  ]'],
    ["[format('{0} {1} {2}', true(), null(), createArray(1, 'a'))]", 'True  [1,"a"]'],
    ["[format('{0:N2}', 5)]", '5.00'],
    ["[format('{0:N0}', 8175133)]", '8,175,133'],
    [
      "[format('{0}-x', resourceGroup().id)]",
      new Symbolic("concat(resourceGroup().id, '-x')", 'string', [deploymentOrigin('resourceGroup().id')], [rgId, '-x']),
    ],
    [
      "[format('vm{0:D3}', parameters('size'))]",
      new Symbolic("concat('vm', format('{0:D3}', parameters('size')))", 'string', [parameterOrigin('size')], [
        'vm',
        new Symbolic("format('{0:D3}', parameters('size'))", 'string', [parameterOrigin('size')]),
      ]),
    ],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it('gives the same value for the same pieces and a different one for different pieces', () => {
    const x = run("[format('{0}-x', resourceGroup().id)]") as Symbolic;
    expect(run("[format('{0}-x', resourceGroup().id)]")).toEqual(x);
    expect((run("[format('{0}-y', resourceGroup().id)]") as Symbolic).key).not.toBe(x.key);
    expect(run("[equals(format('{0}-x', resourceGroup().id), format('{0}-x', resourceGroup().id))]")).toBe(true);
    expect(run("[equals(format('{0}-x', resourceGroup().id), format('{0}-y', resourceGroup().id))]")).toBe(false);
  });

  it.each([
    ["[format('{1}', 'a')]", 'format: placeholder {1} refers to a missing argument; there are 1'],
    ["[format('a}b')]", "format: the '}' at 1 has no matching '{'; write '}}' for a literal brace"],
    ["[format('{x}')]", 'format: the placeholder at 0 is not of the form {index}, {index,alignment} or {index:format}'],
    ["[format('{0')]", 'format: the placeholder at 0 is not of the form {index}, {index,alignment} or {index:format}'],
    ['[format(1)]', 'format: the format string must be a string, not 1'],
  ])('%s fails: %s', (expression, message) => {
    expectEvaluationError(expression, message);
  });
});

describe('concat', () => {
  it.each<[string, Value]>([
    ["[concat('a', 'b', 'c')]", 'abc'],
    ["[concat('n', 1, true())]", 'n1True'],
    ["[concat('a', null(), 'b')]", 'ab'],
    ['[concat(createArray(1, 2), createArray(createArray(3)), null())]', [1, 2, [3]]],
    ["[concat(createArray(parameters('prefix')), createArray('b'))]", [prefix, 'b']],
    [
      "[concat('a', parameters('prefix'))]",
      new Symbolic("concat('a', parameters('prefix'))", 'string', prefixOrigin, ['a', prefix]),
    ],
    [
      "[concat(parameters('list'), createArray(1))]",
      new Symbolic("concat(parameters('list'), [1])", 'array', [parameterOrigin('list')]),
    ],
    ["[concat(parameters('anything'))]", new Symbolic("concat(parameters('anything'))", 'any', [parameterOrigin('anything')])],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it("gives concat('a', x) the key of format('a{0}', x)", () => {
    expect((run("[concat('a', parameters('prefix'))]") as Symbolic).key).toBe((run("[format('a{0}', parameters('prefix'))]") as Symbolic).key);
  });

  it.each([
    ["[concat('a', createArray(1))]", 'concat: either all or none of the arguments must be arrays'],
    ["[concat('a', createObject())]", 'concat: the arguments must be strings or arrays, not an object'],
  ])('%s fails: %s', (expression, message) => {
    expectEvaluationError(expression, message);
  });
});

describe('string functions', () => {
  it.each<[string, Value]>([
    ["[split('a,b;;c', createArray(',', ';'))]", ['a', 'b', '', 'c']],
    ["[split('a--b', '--')]", ['a', 'b']],
    ["[split('', ',')]", ['']],
    ["[join(createArray('a', 1, 'c'), '/')]", 'a/1/c'],
    ["[join(createArray(), '/')]", ''],
    [
      "[join(createArray('a', parameters('prefix')), '/')]",
      new Symbolic("concat('a/', parameters('prefix'))", 'string', prefixOrigin, ['a/', prefix]),
    ],
    ["[replace('a.b.c', '.', '::')]", 'a::b::c'],
    ["[replace('Aa', 'a', 'x')]", 'Ax'],
    ["[substring('abcdef', 2)]", 'cdef'],
    ["[substring('abcdef', 2, 3)]", 'cde'],
    ["[substring('abc', 3, 0)]", ''],
    ["[substring(concat('prefix-', parameters('prefix')), 0, 6)]", 'prefix'],
    [
      "[substring(concat('ab', parameters('prefix')), 1, 5)]",
      new Symbolic("substring(concat('ab', parameters('prefix')), 1, 5)", 'string', prefixOrigin),
    ],
    ["[indexOf('ABCabc', 'c')]", 2],
    ["[lastIndexOf('ABCabc', 'C')]", 5],
    ["[indexOf('abc', 'z')]", -1],
    ["[indexOf('abc', '')]", 0],
    ["[lastIndexOf('abc', '')]", 3],
    ["[indexOf(createArray('a', 'B', 'b'), 'b')]", 2],
    ["[lastIndexOf(createArray(1, 2, 1), 1)]", 2],
    ["[indexOf(createArray('x', parameters('prefix'), 'y'), 'x')]", 0],
    [
      "[indexOf(createArray(parameters('prefix'), 'y'), 'y')]",
      new Symbolic("indexOf([parameters('prefix'), 'y'], 'y')", 'number', prefixOrigin),
    ],
    ["[startsWith('Microsoft.Storage', 'microsoft.')]", true],
    ["[endsWith('file.JSON', '.json')]", true],
    ["[endsWith('file.json', '.yaml')]", false],
    ["[startsWith(concat('/subscriptions/', parameters('prefix')), '/SUBSCRIPTIONS')]", true],
    ["[startsWith(concat('/providers/', parameters('prefix')), '/subscriptions')]", false],
    [
      "[startsWith(concat('/sub', parameters('prefix')), '/subscriptions')]",
      new Symbolic("startsWith(concat('/sub', parameters('prefix')), '/subscriptions')", 'bool', prefixOrigin),
    ],
    ["[endsWith(concat(parameters('prefix'), '-prod'), 'PROD')]", true],
    ["[toLower('MiXeD')]", 'mixed'],
    ["[toUpper('MiXeD')]", 'MIXED'],
    [
      "[toLower(concat('ABC-', parameters('prefix')))]",
      new Symbolic("concat('abc-', toLower(parameters('prefix')))", 'string', prefixOrigin, [
        'abc-',
        new Symbolic("toLower(parameters('prefix'))", 'string', prefixOrigin),
      ]),
    ],
    ["[toUpper(parameters('prefix'))]", new Symbolic("toUpper(parameters('prefix'))", 'string', prefixOrigin)],
    ["[trim('  a b \t')]", 'a b'],
    ["[padLeft(7, 3, '0')]", '007'],
    ["[padLeft('abc', 2)]", 'abc'],
    ["[padLeft('a', 3)]", '  a'],
    ["[first('abc')]", 'a'],
    ["[last('abc')]", 'c'],
    ["[first('')]", ''],
    ["[first(concat('abc', parameters('prefix')))]", 'a'],
    ["[last(concat(parameters('prefix'), 'xyz'))]", 'z'],
    ["[last(concat('abc', parameters('prefix')))]", new Symbolic("last(concat('abc', parameters('prefix')))", 'string', prefixOrigin)],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it.each([
    ["[replace('abc', '', 'x')]", 'replace: the old string must not be empty'],
    ["[substring('abc', 4)]", 'substring: the start index 4 is outside the string of length 3'],
    ["[substring('abc', 1, 3)]", 'substring: the length 3 from index 1 does not fit in the string of length 3'],
    ["[padLeft('a', 3, 'xy')]", "padLeft: the padding must be one character, not 'xy'"],
    ['[toLower(1)]', 'toLower: the argument must be a string, not 1'],
    ["[startsWith(1, 'a')]", 'startsWith: the first argument must be a string, not 1'],
    ["[split(1, ',')]", 'split: the first argument must be a string, not 1'],
    ["[join(createArray(createArray()), ',')]", 'join: element 0 must be a string, not an array of 0'],
    ["[trim(createArray())]", 'trim: the argument must be a string, not an array of 0'],
  ])('%s fails: %s', (expression, message) => {
    expectEvaluationError(expression, message);
  });
});
