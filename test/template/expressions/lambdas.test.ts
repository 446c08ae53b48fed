import { keyOf } from '../../../src/template/expressions/symbolic';
import { Symbolic, type Value } from '../../../src/template/expressions/value';
import { parameterOrigin, parameterValue, run, expectEvaluationError } from './test-context';

const prefix = parameterValue('prefix', 'string');
const listOrigin = [parameterOrigin('list')];

describe('lambda functions', () => {
  it.each<[string, Value]>([
    ["[map(range(0, 3), lambda('i', mul(lambdaVariables('i'), 2)))]", [0, 2, 4]],
    ["[map(createArray('a', 'b'), lambda('x', 'i', concat(lambdaVariables('x'), string(lambdaVariables('i')))))]", ['a0', 'b1']],
    ["[map(createArray(createObject('n', 'x')), lambda('o', lambdaVariables('o').n))]", ['x']],
    [
      "[map(createArray(1, 2), lambda('x', map(createArray(10, 20), lambda('y', add(lambdaVariables('x'), lambdaVariables('y'))))))]",
      [
        [11, 21],
        [12, 22],
      ],
    ],
    [
      "[map(createArray('a'), lambda('x', concat(lambdaVariables('x'), '-', parameters('prefix'))))]",
      [new Symbolic("concat('a-', parameters('prefix'))", 'string', [parameterOrigin('prefix')], ['a-', prefix])],
    ],
    ["[filter(createArray(1, 2, 3, 4), lambda('x', equals(mod(lambdaVariables('x'), 2), 0)))]", [2, 4]],
    ["[filter(createArray('a', 'b'), lambda('x', 'i', equals(lambdaVariables('i'), 1)))]", ['b']],
    ["[reduce(createArray(1, 2, 3), 10, lambda('sum', 'x', add(lambdaVariables('sum'), lambdaVariables('x'))))]", 16],
    ["[reduce(createArray(), 'init', lambda('a', 'b', 'x'))]", 'init'],
    [
      "[reduce(createArray('a', 'b'), '', lambda('acc', 'x', 'i', concat(lambdaVariables('acc'), lambdaVariables('x'), string(lambdaVariables('i')))))]",
      'a0b1',
    ],
    ["[sort(createArray(3, 1, 2), lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b'))))]", [1, 2, 3]],
    [
      "[sort(createArray(createObject('k', 2, 'v', 'x'), createObject('k', 1, 'v', 'y'), createObject('k', 2, 'v', 'z')), lambda('a', 'b', less(lambdaVariables('a').k, lambdaVariables('b').k)))]",
      [
        { k: 1, v: 'y' },
        { k: 2, v: 'x' },
        { k: 2, v: 'z' },
      ],
    ],
    ["[toObject(createArray('x', 'y'), lambda('k', lambdaVariables('k')), lambda('k', toUpper(lambdaVariables('k'))))]", { x: 'X', y: 'Y' }],
    ["[toObject(createArray(createObject('n', 'a')), lambda('o', lambdaVariables('o').n))]", { a: { n: 'a' } }],
    ["[groupBy(createArray('ab', 'ac', 'b'), lambda('s', first(lambdaVariables('s'))))]", { a: ['ab', 'ac'], b: ['b'] }],
    ["[mapValues(createObject('a', 1, 'b', 2), lambda('v', mul(lambdaVariables('v'), 10)))]", { a: 10, b: 20 }],
    [
      "[map(parameters('list'), lambda('x', concat('a', lambdaVariables('x'))))]",
      new Symbolic("map(parameters('list'), lambda('x', concat('a', lambdaVariables('x'))))", 'array', listOrigin),
    ],
    [
      "[filter(createArray(parameters('prefix'), 'b'), lambda('x', equals(lambdaVariables('x'), 'b')))]",
      new Symbolic("filter([parameters('prefix'), 'b'], lambda('x', equals('b', lambdaVariables('x'))))", 'array', [parameterOrigin('prefix')]),
    ],
    [
      "[sort(createArray(parameters('prefix'), 'b'), lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b'))))]",
      new Symbolic(
        "sort([parameters('prefix'), 'b'], lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b'))))",
        'array',
        [parameterOrigin('prefix')],
      ),
    ],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it('gives equal keys to lambdas that compute the same thing', () => {
    const a = run("[lambda('x', concat(lambdaVariables('x'), parameters('prefix')))]");
    const b = run("[lambda('x', format('{0}{1}', lambdaVariables('x'), parameters('prefix')))]");
    expect(keyOf(a)).toBe(keyOf(b));
  });

  it.each([
    ["[map(createArray(1), 'x')]", "map: the second argument must be a lambda, not 'x'", 0],
    ["[map(createArray(1), lambda('a', 'b', 'c', 1))]", 'map: the second argument takes 3 parameters; at most 2 are passed', 0],
    ["[filter(createArray(1), lambda('x', 1))]", 'filter: the lambda must return a bool, not 1', 0],
    ["[lambda('x', 'x', 1)]", "lambda: the parameter 'x' is declared twice", 0],
    ["[map(createArray(1), lambda('x', lambdaVariables('y')))]", "lambdaVariables: no lambda parameter 'y' is in scope", 32],
    ["[lambdaVariables('x')]", "lambdaVariables: no lambda parameter 'x' is in scope", 0],
    ["[map(createArray(1), lambda('x', div(lambdaVariables('x'), 0)))]", 'div: division by zero', 32],
    ["[toObject(createArray(1), lambda('x', lambdaVariables('x')))]", 'toObject: a key the lambda returns must be a string, not 1', 0],
  ])('%s fails: %s', (expression, message, offset) => {
    expectEvaluationError(expression, message, offset);
  });
});
