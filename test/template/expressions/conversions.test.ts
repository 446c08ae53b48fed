import { Symbolic, type Value } from '../../../src/template/expressions/value';
import { deploymentOrigin, failure, parameterOrigin, parameterValue, run, expectEvaluationError } from './test-context';

const prefix = parameterValue('prefix', 'string');

describe('conversion functions', () => {
  it.each<[string, Value]>([
    ["[string('a')]", 'a'],
    ['[string(5)]', '5'],
    ['[string(true())]', 'True'],
    ['[string(null())]', ''],
    ["[string(createObject('a', 1, 'b', createArray(1, 'x')))]", '{"a":1,"b":[1,"x"]}'],
    ["[string(parameters('prefix'))]", prefix],
    ["[string(parameters('size'))]", new Symbolic("string(parameters('size'))", 'string', [parameterOrigin('size')])],
    ["[string(createArray(parameters('prefix')))]", new Symbolic("string([parameters('prefix')])", 'string', [parameterOrigin('prefix')])],
    ["[int('42')]", 42],
    ["[int(' -7 ')]", -7],
    ['[int(7)]', 7],
    ["[json('{\"a\": [1, null, true]}')]", { a: [1, null, true] }],
    ["[json('null')]", null],
    ["[json('1.5')]", 1.5],
    ["[array('a')]", ['a']],
    ['[array(createArray(1))]', [1]],
    ["[array(createObject('a', 1))]", [{ a: 1 }]],
    ["[array(parameters('list'))]", parameterValue('list', 'array')],
    ["[array(parameters('prefix'))]", [prefix]],
    ["[array(parameters('anything'))]", new Symbolic("array(parameters('anything'))", 'array', [parameterOrigin('anything')])],
    ["[any(parameters('prefix'))]", prefix],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it.each([
    ["[int('4.5')]", "int: '4.5' is not an integer"],
    ['[int(true())]', 'int: the argument must be a string, not true'],
    ["[json('{')]", "json: '{' is not valid JSON"],
  ])('%s fails: %s', (expression, message) => {
    expectEvaluationError(expression, message);
  });

  it('rejects JSON nested more than 200 levels deep', () => {
    const expression = `[json('${'['.repeat(201)}${']'.repeat(201)}')]`;
    expect(failure(() => run(expression))).toEqual({
      message: 'json: the JSON is nested more than 200 levels deep',
      expression: expression.slice(1, -1),
      offset: 0,
      limit: true,
    });
  });
});

describe('encoding functions', () => {
  it.each<[string, Value]>([
    ["[base64('hello')]", 'aGVsbG8='],
    ["[base64ToString('aGVsbG8=')]", 'hello'],
    ["[base64ToJson('eyJhIjoxfQ==')]", { a: 1 }],
    ["[dataUri('hi')]", 'data:text/plain;charset=utf-8;base64,aGk='],
    ["[dataUriToString('data:text/plain;charset=utf8;base64,aGk=')]", 'hi'],
    ["[dataUriToString('data:,a%20b')]", 'a b'],
    ["[uri('https://example.com/a/b', 'c.sh')]", 'https://example.com/a/c.sh'],
    ["[uri('https://example.com/a/', 'c.sh')]", 'https://example.com/a/c.sh'],
    ["[uriComponent('a b&c')]", 'a%20b%26c'],
    ["[uriComponentToString('a%20b%26c')]", 'a b&c'],
    ["[base64(parameters('prefix'))]", new Symbolic("base64(parameters('prefix'))", 'string', [parameterOrigin('prefix')])],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it.each([
    ["[base64ToString('abc')]", "base64ToString: 'abc' is not base64"],
    ["[uri('relative', 'x')]", "uri: 'relative' is not an absolute URI"],
    ["[uriComponentToString('%E0%A4%A')]", "uriComponentToString: '%E0%A4%A' is not URI-encoded"],
    ["[dataUriToString('text')]", "dataUriToString: 'text' is not a data URI"],
  ])('%s fails: %s', (expression, message) => {
    expectEvaluationError(expression, message);
  });
});

describe('uniqueString and guid', () => {
  it.each<[string, Value]>([
    ["[uniqueString('a')]", 'eveiun73364hy'],
    ["[guid('a', 'b')]", '2d796349-8c7e-55ec-9624-54ece82ed031'],
    ["[uniqueString(resourceGroup().id)]", new Symbolic('uniqueString(resourceGroup().id)', 'string', [deploymentOrigin('resourceGroup().id')])],
    [
      "[guid(resourceGroup().id, 'x')]",
      new Symbolic("guid(resourceGroup().id, 'x')", 'string', [deploymentOrigin('resourceGroup().id')]),
    ],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it('hashes the arguments joined by a hyphen', () => {
    expect(run("[uniqueString('a', 'b')]")).toBe(run("[uniqueString('a-b')]"));
    expect(run("[uniqueString('a', 'b')]")).not.toBe(run("[uniqueString('ab')]"));
    expect(run("[equals(uniqueString(resourceGroup().id), uniqueString(resourceGroup().id))]")).toBe(true);
  });

  it('rejects arguments that are not strings', () => {
    expect(failure(() => run('[uniqueString(1)]'))).toEqual({
      message: 'uniqueString: argument 1 must be a string, not 1',
      expression: 'uniqueString(1)',
      offset: 0,
      limit: false,
    });
  });
});
