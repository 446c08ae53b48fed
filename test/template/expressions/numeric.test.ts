import { Symbolic, type Value } from '../../../src/template/expressions/value';
import { parameterOrigin, run, expectEvaluationError } from './test-context';

describe('numeric functions', () => {
  it.each<[string, Value]>([
    ['[add(2, -5)]', -3],
    ['[sub(2, 5)]', -3],
    ['[mul(-4, 5)]', -20],
    ['[div(7, 2)]', 3],
    ['[div(-7, 2)]', -3],
    ['[div(-1, 2)]', 0],
    ['[mod(7, 3)]', 1],
    ['[mod(-7, 3)]', -1],
    ['[min(3, createArray(1, 5), 2)]', 1],
    ['[max(createArray(4, 9))]', 9],
    ["[add(parameters('count'), 1)]", 4],
    ["[add(parameters('size'), 1)]", new Symbolic("add(parameters('size'), 1)", 'number', [parameterOrigin('size')])],
    [
      "[max(1, parameters('size'))]",
      new Symbolic("max(1, parameters('size'))", 'number', [parameterOrigin('size')]),
    ],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it.each([
    ['[div(1, 0)]', 'div: division by zero'],
    ['[mod(1, 0)]', 'mod: division by zero'],
    ["[add('1', 2)]", "add: the first operand must be an integer, not '1'"],
    ["[sub(1, json('1.5'))]", 'sub: the second operand must be an integer, not 1.5'],
    ['[mul(9007199254740991, 2)]', 'mul: the result 18014398509481982 is too large to compute exactly'],
    ['[min(createArray())]', 'min: there are no values to compare'],
    ["[max(1, createArray('a'))]", "max: an element of the second argument must be an integer, not 'a'"],
  ])('%s fails: %s', (expression, message) => {
    expectEvaluationError(expression, message);
  });
});
