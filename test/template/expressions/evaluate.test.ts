import { parseExpression } from '../../../src/template/expressions/parse';
import { evaluateExpression, evaluateString, evaluateTemplateValue } from '../../../src/template/expressions/evaluate';
import { Symbolic, type JsonValue, type Value } from '../../../src/template/expressions/value';
import { deploymentOrigin, failure, parameterOrigin, parameterValue, run, testContext, expectEvaluationError } from './test-context';

describe('evaluateString', () => {
  it.each<[string, Value]>([
    ['plain', 'plain'],
    ['[[concat()]', '[concat()]'],
    ["[concat('it''s', ' ', '[[x]')]", "it's [[x]"],
    ['[42]', 42],
    ["['text']", 'text'],
    ["[CONCAT('a', ToUpper('b'))]", 'aB'],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });
});

describe('evaluateExpression', () => {
  it('evaluates a parsed expression', () => {
    expect(evaluateExpression(parseExpression("concat('a', string(add(1, 2)))"), testContext())).toBe('a3');
  });
});

describe('evaluateTemplateValue', () => {
  it('evaluates every expression string in objects and arrays and undoes escapes', () => {
    const json: JsonValue = {
      name: "[concat('vm-', parameters('location'))]",
      literal: '[[not an expression]',
      nested: [1, true, null, { count: '[parameters(\'count\')]' }],
    };
    expect(evaluateTemplateValue(json, testContext())).toEqual({
      name: 'vm-westeurope',
      literal: '[not an expression]',
      nested: [1, true, null, { count: 3 }],
    });
  });

  it('keeps a member named __proto__ as a member', () => {
    const value = evaluateTemplateValue(JSON.parse('{"__proto__": "[concat(\'a\')]"}') as JsonValue, testContext());
    expect(Object.keys(value as object)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('rejects values nested more than 200 levels deep', () => {
    const nest = (levels: number): JsonValue => (levels === 0 ? 'x' : [nest(levels - 1)]);
    expect(evaluateTemplateValue(nest(200), testContext())).toEqual(nest(200));
    expect(failure(() => evaluateTemplateValue(nest(201), testContext()))).toEqual({
      message: 'the template value is nested more than 200 levels deep',
      expression: '',
      offset: 0,
      limit: true,
    });
  });
});

describe('property and index access', () => {
  it.each<[string, Value]>([
    ["[parameters('tags').env]", 'prod'],
    ["[parameters('tags').owner]", 'ops'],
    ["[parameters('tags')['ENV']]", 'prod'],
    ["[parameters('names')[add(1, 1)]]", 'c'],
    ["[createArray(createObject('a', createArray(10, 20)))[0].a[1]]", 20],
    ["[json('{\"x\": {\"y\": [\"z\"]}}').x.y[0]]", 'z'],
    ["[createArray(1, parameters('prefix'))[1]]", parameterValue('prefix', 'string')],
    ["[resourceGroup().id]", new Symbolic('resourceGroup().id', 'string', [deploymentOrigin('resourceGroup().id')])],
    ["[parameters('settings').a['b-c'][0]]", new Symbolic("parameters('settings').a['b-c'][0]", 'any', [parameterOrigin('settings')])],
    ["[parameters('names')[parameters('size')]]", new Symbolic("['a', 'b', 'c'][parameters('size')]", 'any', [parameterOrigin('size')])],
    ["[parameters('list')[copyIndex()]]", new Symbolic("parameters('list')[4]", 'any', [parameterOrigin('list')])],
    ["[parameters('list')[parameters('size')]]", new Symbolic("parameters('list')[parameters('size')]", 'any', [parameterOrigin('list'), parameterOrigin('size')])],
    ["[parameters('settings')[parameters('anything')]]", new Symbolic("parameters('settings')[parameters('anything')]", 'any', [parameterOrigin('settings'), parameterOrigin('anything')])],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it.each([
    ["[parameters('tags').missing]", "the property 'missing' does not exist; available properties are 'env, Owner'", 18],
    ["[createObject().x]", "the property 'x' does not exist; the object has none", 14],
    ["[parameters('names')[3]]", 'the index 3 is outside the array of length 3', 19],
    ["[parameters('names').length]", "cannot read the property 'length' of an array of 3", 19],
    ["[parameters('tags')[0]]", 'cannot read [0] of an object', 18],
    ["[parameters('names')[true()]]", 'true cannot be used as an index', 19],
    ["[parameters('nothing').x]", "cannot read the property 'x' of null", 21],
    ["[parameters('size').x]", "cannot read the property 'x' of an unknown number", 18],
    ["[parameters('prefix')[0]]", "cannot read [0] of an unknown string", 20],
    ["[parameters('list')['name']]", "cannot read ['name'] of an unknown array", 18],
    ["[parameters('settings')[parameters('size')]]", "cannot read [an unknown number] of an unknown object", 22],
  ])('%s fails: %s', (expression, message, offset) => {
    expectEvaluationError(expression, message, offset);
  });
});

describe('calls', () => {
  it.each([
    ["[substring('abc')]", 'substring takes 2 to 3 arguments, not 1', 0],
    ["[concat()]", 'concat takes at least 1 argument, not 0', 0],
    ["[utcNow('u', 'x')]", 'utcNow takes 0 to 1 arguments, not 2', 0],
    ["[not(true(), false())]", 'not takes 1 argument, not 2', 0],
    ["[concat('a', substring('abc', 5))]", 'substring: the start index 5 is outside the string of length 3', 12],
    ["[parameters('missing')]", "the template has no parameter 'missing'", 0],
  ])('%s fails: %s', (expression, message, offset) => {
    expectEvaluationError(expression, message, offset);
  });

  it('makes an unknown function an unsupported unknown, evaluating its arguments', () => {
    expect(run("[fooBar(1, parameters('prefix'))]")).toEqual(
      new Symbolic("fooBar(1, parameters('prefix'))", 'any', [
        { kind: 'unsupported', name: 'fooBar', note: "bicep-audit does not evaluate the function 'fooBar'" },
        parameterOrigin('prefix'),
      ]),
    );
    expect(run('[tryGetSecret()]')).toEqual(
      new Symbolic('tryGetSecret()', 'any', [{ kind: 'unsupported', name: 'tryGetSecret', note: "bicep-audit does not evaluate the function 'tryGetSecret'" }]),
    );
  });

  it('passes namespaced calls to the context', () => {
    expect(run('[__bicep.double(add(20, 1))]')).toBe(42);
    expect(failure(() => run('[__bicep.triple(1)]'))).toEqual({
      message: "the template has no function '__bicep.triple'",
      expression: '__bicep.triple()',
      offset: 0,
      limit: false,
    });
  });
});

describe('bounds', () => {
  it('stops a variable that refers to itself with an error, not a stack overflow', () => {
    expect(failure(() => run("[variables('selfish')]"))).toEqual({
      message: 'evaluation nested more than 300 levels deep (does a variable or function refer to itself?)',
      expression: "variables('selfish')",
      offset: 10,
      limit: true,
    });
  });

  it('evaluates an expression nested to the parse limit', () => {
    expect(run(`[${'concat('.repeat(199)}'a'${')'.repeat(199)}]`)).toBe('a');
  });

  it('stops evaluation after a step budget', () => {
    const expression = "[map(range(0, 10000), lambda('i', map(range(0, 10000), lambda('j', lambdaVariables('j')))))]";
    expect(failure(() => run(expression))).toMatchObject({ message: 'evaluation took more than 2000000 steps', limit: true });
  });

  it.each([
    ["[concat(padLeft('', 600000, 'a'), padLeft('', 600000, 'b'))]", 'concat: the result would be 1200000 characters long, over the limit of 1048576', 0],
    ["[replace(padLeft('', 600000, 'a'), 'a', 'bb')]", 'replace: the result would be 1200000 characters long, over the limit of 1048576', 0],
    ["[padLeft('x', 2000000)]", 'padLeft: the result would be 2000000 characters long, over the limit of 1048576', 0],
    ["[base64(padLeft('', 1000000, 'a'))]", 'base64: the result would be 1333336 characters long, over the limit of 1048576', 0],
    [
      "[string(map(range(0, 10000), lambda('i', padLeft('', 1000, 'x'))))]",
      'string: the result would be longer than the limit of 1048576 characters',
      0,
    ],
    ["[range(0, 10001)]", 'range: the count 10001 is over the limit of 10000', 0],
  ])('%s fails', (expression, message, offset) => {
    expect(failure(() => run(expression))).toEqual({ message, expression: expression.slice(1, -1), offset, limit: true });
  });

  it('allows results up to the limits', () => {
    expect((run("[padLeft('', 1048576, 'a')]") as string).length).toBe(1048576);
    expect((run('[range(5, 10000)]') as number[]).slice(-1)).toEqual([10004]);
  });

  it('evaluates a cached expression string again in each context', () => {
    const expression = "[parameters('count')]";
    expect(evaluateString(expression, testContext())).toBe(3);
    expect(evaluateString(expression, { ...testContext(), parameter: () => 7 })).toBe(7);
  });
});
