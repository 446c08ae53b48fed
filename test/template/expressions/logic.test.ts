import { Symbolic, type Value } from '../../../src/template/expressions/value';
import { parameterOrigin, parameterValue, run, expectEvaluationError } from './test-context';

const flag = parameterValue('flag', 'bool');
const prefix = parameterValue('prefix', 'string');
const flagOrigin = parameterOrigin('flag');

describe('and, or, not: three-valued', () => {
  it.each<[string, Value]>([
    ['[and(true(), true())]', true],
    ['[and(true(), false())]', false],
    ["[and(false(), parameters('flag'))]", false],
    ["[and(parameters('flag'), false())]", false],
    ["[and(true(), parameters('flag'))]", flag],
    [
      "[and(parameters('flag'), parameters('other'), true())]",
      new Symbolic("and(parameters('flag'), parameters('other'))", 'bool', [flagOrigin, parameterOrigin('other')]),
    ],
    ['[or(false(), false())]', false],
    ["[or(true(), parameters('flag'))]", true],
    ["[or(parameters('flag'), true())]", true],
    ["[or(parameters('flag'), false())]", flag],
    [
      "[or(parameters('flag'), parameters('other'))]",
      new Symbolic("or(parameters('flag'), parameters('other'))", 'bool', [flagOrigin, parameterOrigin('other')]),
    ],
    ['[not(false())]', true],
    ["[not(parameters('flag'))]", new Symbolic("not(parameters('flag'))", 'bool', [flagOrigin])],
    ["[and(false(), parameters('missing'))]", false],
    ["[or(true(), div(1, 0))]", true],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it.each([
    ["[and(true(), 'yes')]", "and: the second argument must be a bool, not 'yes'"],
    ['[or(1, true())]', 'or: the first argument must be a bool, not 1'],
    ["[not('x')]", "not: the argument must be a bool, not 'x'"],
    ['[and(true())]', 'and takes at least 2 arguments, not 1'],
  ])('%s fails: %s', (expression, message) => {
    expectEvaluationError(expression, message);
  });
});

describe('if', () => {
  it.each<[string, Value]>([
    ["[if(true(), 'a', div(1, 0))]", 'a'],
    ["[if(false(), parameters('missing'), 'b')]", 'b'],
    ["[if(parameters('flag'), 'same', 'same')]", 'same'],
    [
      "[if(parameters('flag'), 'a', parameters('prefix'))]",
      new Symbolic("if(parameters('flag'), 'a', parameters('prefix'))", 'string', [flagOrigin, parameterOrigin('prefix')]),
    ],
    ["[if(parameters('flag'), 1, 'b')]", new Symbolic("if(parameters('flag'), 1, 'b')", 'any', [flagOrigin])],
    ["[if(parameters('flag'), parameters('tags').missing, 'fallback')]", 'fallback'],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it.each([
    ["[if('yes', 1, 2)]", "if: the condition must be a bool, not 'yes'", 0],
    ["[if(parameters('flag'), div(1, 0), parameters('tags').missing)]", 'div: division by zero', 23],
  ])('%s fails: %s', (expression, message, offset) => {
    expectEvaluationError(expression, message, offset);
  });
});

describe('comparison', () => {
  it.each<[string, Value]>([
    ["[equals('a', 'a')]", true],
    ["[equals('a', 'A')]", false],
    ["[equals(createObject('a', createArray(1)), json('{\"a\":[1]}'))]", true],
    ["[equals(parameters('prefix'), parameters('prefix'))]", true],
    ["[equals(parameters('prefix'), 5)]", false],
    [
      "[equals(parameters('prefix'), 'x')]",
      new Symbolic("equals('x', parameters('prefix'))", 'bool', [parameterOrigin('prefix')]),
    ],
    ['[less(1, 2)]', true],
    ["[less('A', 'a')]", false],
    ["[less('contoso', 'M')]", true],
    ['[lessOrEquals(2, 2)]', true],
    ["[greater('b', 'a')]", true],
    ['[greaterOrEquals(1, 2)]', false],
    ["[greater(parameters('size'), 2)]", new Symbolic("greater(parameters('size'), 2)", 'bool', [parameterOrigin('size')])],
    ["[coalesce(null(), null(), 'x', 'y')]", 'x'],
    ['[coalesce(null(), null())]', null],
    ["[coalesce(null(), parameters('prefix'))]", prefix],
    [
      "[coalesce(null(), parameters('prefix'), 'x', parameters('suffix'))]",
      new Symbolic("coalesce(parameters('prefix'), 'x')", 'string', [parameterOrigin('prefix')]),
    ],
    ["[coalesce('', parameters('prefix'))]", ''],
    ["[bool('TRUE')]", true],
    ['[bool(0)]', false],
    ['[bool(2)]', true],
    ['[true()]', true],
    ['[false()]', false],
    ['[null()]', null],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it.each([
    ["[less(1, 'a')]", "less: the arguments must be two integers or two strings, not 1 and 'a'"],
    ["[bool('yes')]", "bool: 'yes' is neither 'true' nor 'false'"],
  ])('%s fails: %s', (expression, message) => {
    expectEvaluationError(expression, message);
  });
});
