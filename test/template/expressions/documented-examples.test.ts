// Skipped: results that depend on the deployment or the clock (resourceGroup(), subscription(), tenant(), managementGroup(), deployment(), environment(), utcNow, newGuid, guid/uniqueString of deployment values, reference/references, list*, pickZones, providers, resourceId forms that use the current subscription or group), examples with no documented output (copyIndex, float, subscriptionResourceId, tenantResourceId, join), and any() which is Bicep-only.
//
// Rows restate the "Examples" sections of Microsoft's "Template functions" reference pages for ARM
// templates (template-functions-<page>): each expression feeds the example's default input values
// straight into the function, and the expected value is the output the page documents.
import { evaluateString, evaluateTemplateValue } from '../../../src/template/expressions/evaluate';
import type { EvalContext } from '../../../src/template/expressions/context';
import type { JsonValue, Value } from '../../../src/template/expressions/value';
import { run, testContext, expectEvaluationError } from './test-context';

type Row = [name: string, expression: string, expected: Value];
type ErrorRow = [name: string, expression: string, message: string];

/** One test per row: the expression gives the value the page documents. */
function givesDocumentedValues(rows: Row[]): void {
  it.each<Row>(rows)('%s: %s gives the documented value', (_name, expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });
}

/** One test per row: the expression fails where the page says the call is an error. */
function failsAsDocumented(rows: ErrorRow[]): void {
  it.each<ErrorRow>(rows)('%s: %s fails as documented', (_name, expression, message) => {
    expectEvaluationError(expression, message);
  });
}

describe('template-functions-string', () => {
  givesDocumentedValues([
    ['base64', "[base64('one, two, three')]", 'b25lLCB0d28sIHRocmVl'],
    ['base64ToString', "[base64ToString(base64('one, two, three'))]", 'one, two, three'],
    ['base64ToJson', "[base64ToJson(base64('{''one'': ''a'', ''two'': ''b''}'))]", { one: 'a', two: 'b' }],
    ['contains', "[contains('OneTwoThree', 'e')]", true],
    ['contains', "[contains('OneTwoThree', 'z')]", false],
    ['dataUriToString', "[dataUriToString('data:;base64,SGVsbG8sIFdvcmxkIQ==')]", 'Hello, World!'],
    // The page writes charset=utf8; Azure's engine (bicep snapshot) writes utf-8.
    ['dataUri', "[dataUri('Hello')]", 'data:text/plain;charset=utf-8;base64,SGVsbG8='],
    ['empty', "[empty('')]", true],
    ['startsWith', "[startsWith('abcdef', 'ab')]", true],
    ['startsWith', "[startsWith('abcdef', 'A')]", true],
    ['startsWith', "[startsWith('abcdef', 'e')]", false],
    ['endsWith', "[endsWith('abcdef', 'ef')]", true],
    ['endsWith', "[endsWith('abcdef', 'F')]", true],
    ['endsWith', "[endsWith('abcdef', 'e')]", false],
    ['first', "[first('One Two Three')]", 'O'],
    ['format', "[format('{0}, {1}. Formatted number: {2:N0}', 'Hello', 'User', 8175133)]", 'Hello, User. Formatted number: 8,175,133'],
    ['indexOf', "[indexOf('test', 't')]", 0],
    ['lastIndexOf', "[lastIndexOf('test', 't')]", 3],
    ['indexOf', "[indexOf('abcdef', 'CD')]", 2],
    ['lastIndexOf', "[lastIndexOf('abcdef', 'AB')]", 0],
    ['indexOf', "[indexOf('abcdef', 'z')]", -1],
    ['last', "[last('One Two Three')]", 'e'],
    ['length', "[length('One Two Three')]", 13],
    ['padLeft', "[padLeft('123', 10, '0')]", '0000000123'],
    ['replace', "[replace('123-123-1234', '-', '')]", '1231231234'],
    ['replace', "[replace('123-123-1234', '1234', 'xxxx')]", '123-123-xxxx'],
    ['skip', "[skip('one two three', 4)]", 'two three'],
    ['split', "[split('one,two,three', ',')]", ['one', 'two', 'three']],
    ['split', "[split('one;two,three', createArray(',', ';'))]", ['one', 'two', 'three']],
    ['string', "[string(createObject('valueA', 10, 'valueB', 'Example Text'))]", '{"valueA":10,"valueB":"Example Text"}'],
    ['string', "[string(createArray('a', 'b', 'c'))]", '["a","b","c"]'],
    ['string', '[string(5)]', '5'],
    ['substring', "[substring('one two three', 4, 3)]", 'two'],
    ['take', "[take('one two three', 2)]", 'on'],
    ['toLower', "[toLower('One Two Three')]", 'one two three'],
    ['toUpper', "[toUpper('One Two Three')]", 'ONE TWO THREE'],
    ['trim', "[trim('    one two three   ')]", 'one two three'],
    ['uri', "[uri('http://contoso.org/firstpath', 'myscript.sh')]", 'http://contoso.org/myscript.sh'],
    ['uri', "[uri('http://contoso.org/firstpath/', 'myscript.sh')]", 'http://contoso.org/firstpath/myscript.sh'],
    ['uri', "[uri('http://contoso.org/firstpath/azuredeploy.json', 'myscript.sh')]", 'http://contoso.org/firstpath/myscript.sh'],
    [
      'uri',
      "[uri('http://contoso.org/firstpath/azuredeploy.json/', 'myscript.sh')]",
      'http://contoso.org/firstpath/azuredeploy.json/myscript.sh',
    ],
    ['uri', "[uri('http://contoso.com/resources/', 'nested/azuredeploy.json')]", 'http://contoso.com/resources/nested/azuredeploy.json'],
    [
      'uriComponent',
      "[uriComponent(uri('http://contoso.com/resources/', 'nested/azuredeploy.json'))]",
      'http%3A%2F%2Fcontoso.com%2Fresources%2Fnested%2Fazuredeploy.json',
    ],
    [
      'uriComponentToString',
      "[uriComponentToString(uriComponent(uri('http://contoso.com/resources/', 'nested/azuredeploy.json')))]",
      'http://contoso.com/resources/nested/azuredeploy.json',
    ],
  ]);

  // The page states that substring fails when the requested range runs past the end of the string.
  failsAsDocumented([
    ['substring', "[substring('1234567890', 0, 11)]", 'substring: the length 11 from index 0 does not fit in the string of length 10'],
  ]);
});

describe('template-functions-array', () => {
  const collection = "createArray(createArray('one', 'two', 'three'), createArray(4, 5, 6))";

  givesDocumentedValues([
    ['array', '[array(1)]', [1]],
    ['array', "[array('efgh')]", ['efgh']],
    ['array', "[array(createObject('a', 'b', 'c', 'd'))]", [{ a: 'b', c: 'd' }]],
    [
      'concat',
      "[concat(createArray('1-1', '1-2', '1-3'), createArray('2-1', '2-2', '2-3'))]",
      ['1-1', '1-2', '1-3', '2-1', '2-2', '2-3'],
    ],
    ['contains', "[contains(createArray('one', 'two', 'three'), 'three')]", true],
    ['contains', "[contains(createArray('one', 'two', 'three'), 'four')]", false],
    ['createArray', "[createArray('a', 'b', 'c')]", ['a', 'b', 'c']],
    ['createArray', '[createArray(1, 2, 3)]', [1, 2, 3]],
    ['createArray', "[createArray(createObject('one', 'a', 'two', 'b', 'three', 'c'))]", [{ one: 'a', two: 'b', three: 'c' }]],
    ['createArray', "[createArray(createArray('one', 'two', 'three'))]", [['one', 'two', 'three']]],
    ['createArray', '[createArray()]', []],
    ['empty', '[empty(createArray())]', true],
    ['first', "[first(createArray('one', 'two', 'three'))]", 'one'],
    ['lastIndexOf', "[lastIndexOf(createArray('one', 'two', 'three'), 'two')]", 1],
    ['indexOf', "[indexOf(createArray('one', 'two', 'three'), 'one')]", 0],
    ['lastIndexOf', "[lastIndexOf(createArray('one', 'two', 'three'), 'Three')]", -1],
    ['lastIndexOf', '[lastIndexOf(createArray(4, 5, 6), 4)]', 0],
    ['indexOf', '[indexOf(createArray(4, 5, 6), 6)]', 2],
    ['lastIndexOf', "[lastIndexOf(createArray(4, 5, 6), '5')]", -1],
    ['indexOf', `[indexOf(${collection}, createArray(4, 5, 6))]`, 1],
    ['indexOf', '[indexOf(createArray(1, 2, 3, 1), 1)]', 0],
    ['lastIndexOf', '[lastIndexOf(createArray(1, 2, 3, 1), 1)]', 3],
    ['intersection', "[intersection(createArray('one', 'two', 'three'), createArray('two', 'three'))]", ['two', 'three']],
    ['last', "[last(createArray('one', 'two', 'three'))]", 'three'],
    ['length', "[length(createArray('one', 'two', 'three'))]", 3],
    ['range', '[range(5, 3)]', [5, 6, 7]],
    ['skip', "[skip(createArray('one', 'two', 'three'), 2)]", ['three']],
    ['take', "[take(createArray('one', 'two', 'three'), 2)]", ['one', 'two']],
    ['union', "[union(createArray('one', 'two', 'three'), createArray('three', 'four'))]", ['one', 'two', 'three', 'four']],
  ]);
});

describe('template-functions-object', () => {
  const entities =
    "createObject('item002', createObject('enabled', false(), 'displayName', 'Example item 2', 'number', 200), " +
    "'item001', createObject('enabled', true(), 'displayName', 'Example item 1', 'number', 300))";

  givesDocumentedValues([
    ['contains', "[contains(createObject('one', 'a', 'two', 'b', 'three', 'c'), 'one')]", true],
    ['contains', "[contains(createObject('one', 'a', 'two', 'b', 'three', 'c'), 'a')]", false],
    [
      'createObject',
      "[createObject('intProp', 1, 'stringProp', 'abc', 'boolProp', true(), 'arrayProp', createArray('a', 'b', 'c'), 'objectProp', createObject('key1', 'value1'))]",
      { intProp: 1, stringProp: 'abc', boolProp: true, arrayProp: ['a', 'b', 'c'], objectProp: { key1: 'value1' } },
    ],
    ['empty', '[empty(createObject())]', true],
    [
      'intersection',
      "[intersection(createObject('one', 'a', 'two', 'b', 'three', 'c'), createObject('one', 'a', 'two', 'z', 'three', 'c'))]",
      { one: 'a', three: 'c' },
    ],
    [
      'items',
      `[items(${entities})]`,
      [
        { key: 'item001', value: { displayName: 'Example item 1', enabled: true, number: 300 } },
        { key: 'item002', value: { displayName: 'Example item 2', enabled: false, number: 200 } },
      ],
    ],
    [
      'items',
      `[map(items(${entities}), lambda('e', createObject('key', lambdaVariables('e').key, 'fullName', lambdaVariables('e').value.displayName, 'itemEnabled', lambdaVariables('e').value.enabled)))]`,
      [
        { fullName: 'Example item 1', itemEnabled: true, key: 'item001' },
        { fullName: 'Example item 2', itemEnabled: false, key: 'item002' },
      ],
    ],
    ['json', "[empty(json('null'))]", true],
    ['json', '[json(\'{"a": "b"}\')]', { a: 'b' }],
    ['json', '[json(\'"test"\')]', 'test'],
    ['json', "[json('true')]", true],
    ['json', "[json('3')]", 3],
    ['json', "[json('[1,2,3 ]')]", [1, 2, 3]],
    ['json', '[json(concat(\'{"a": "\', \'demo value\', \'"}\'))]', { a: 'demo value' }],
    ['length', "[length(createObject('propA', 'one', 'propB', 'two', 'propC', 'three', 'propD', createObject('propD-1', 'sub', 'propD-2', 'sub')))]", 4],
    ['null', '[empty(null())]', true],
    [
      'union',
      "[union(createObject('one', 'a', 'two', 'b', 'three', 'c1'), createObject('three', 'c2', 'four', 'd', 'five', 'e'))]",
      { one: 'a', two: 'b', three: 'c2', four: 'd', five: 'e' },
    ],
  ]);

  // The page states that createObject takes keys and values in pairs.
  failsAsDocumented([['createObject', "[createObject('intProp')]", 'createObject: the arguments must be key and value pairs']]);
});

describe('template-functions-comparison', () => {
  givesDocumentedValues([
    ['coalesce', "[coalesce(null(), null(), 'default')]", 'default'],
    ['coalesce', '[coalesce(null(), null(), 1)]', 1],
    ['coalesce', "[coalesce(null(), null(), createObject('first', 'default'))]", { first: 'default' }],
    ['coalesce', '[coalesce(null(), null(), createArray(1))]', [1]],
    ['coalesce', '[empty(coalesce(null(), null()))]', true],
    ['equals', '[equals(1, 1)]', true],
    ['equals', "[equals('a', 'a')]", true],
    ['equals', "[equals(createArray('a', 'b'), createArray('a', 'b'))]", true],
    ['equals', "[equals(createObject('a', 'b'), createObject('a', 'b'))]", true],
    ['greater', '[greater(1, 2)]', false],
    ['greater', "[greater('A', 'a')]", true],
    ['greaterOrEquals', '[greaterOrEquals(1, 2)]', false],
    ['greaterOrEquals', "[greaterOrEquals('A', 'a')]", true],
    ['less', '[less(1, 2)]', true],
    ['less', "[less('A', 'a')]", false],
    ['lessOrEquals', '[lessOrEquals(1, 2)]', true],
    ['lessOrEquals', "[lessOrEquals('A', 'a')]", false],
  ]);
});

describe('template-functions-logical', () => {
  givesDocumentedValues([
    ['and', "[and(bool('true'), bool('false'))]", false],
    ['or', "[or(bool('true'), bool('false'))]", true],
    ['not', "[not(bool('true'))]", false],
    ['not', '[not(equals(1, 2))]', true],
    ['bool', "[bool('true')]", true],
    ['bool', "[bool('false')]", false],
    ['bool', '[bool(1)]', true],
    ['bool', '[bool(0)]', false],
    ['false', '[false()]', false],
    ['true', '[true()]', true],
    ['if', "[if(equals('a', 'a'), 'yes', 'no')]", 'yes'],
    ['if', "[if(equals('a', 'b'), 'yes', 'no')]", 'no'],
    ['if', '[if(equals(\'a\', \'a\'), json(\'{"test": "value1"}\'), json(\'null\'))]', { test: 'value1' }],
  ]);
});

describe('template-functions-numeric', () => {
  givesDocumentedValues([
    ['add', '[add(5, 3)]', 8],
    ['div', '[div(8, 3)]', 2],
    ['int', "[int('4')]", 4],
    ['max', '[max(createArray(0, 3, 2, 5, 4))]', 5],
    ['max', '[max(0, 3, 2, 5, 4)]', 5],
    ['min', '[min(createArray(0, 3, 2, 5, 4))]', 0],
    ['min', '[min(0, 3, 2, 5, 4)]', 0],
    ['mod', '[mod(7, 3)]', 1],
    ['mul', '[mul(mul(5, 3), 3)]', 45],
    ['sub', '[sub(7, 3)]', 4],
  ]);

  // The page states that the divisor of div and mod can't be 0.
  failsAsDocumented([
    ['div', '[div(8, 0)]', 'div: division by zero'],
    ['mod', '[mod(7, 0)]', 'mod: division by zero'],
  ]);
});

describe('template-functions-date', () => {
  givesDocumentedValues([
    ['dateTimeFromEpoch', '[dateTimeFromEpoch(1683040573)]', '2023-05-02T15:16:13Z'],
    ['dateTimeToEpoch', "[dateTimeToEpoch('2023-05-02T15:16:13Z')]", 1683040573],
    // The page shows these as a client displays a date; Azure's engine (bicep snapshot) returns ISO 8601.
    ['dateTimeAdd', "[dateTimeAdd('2020-04-07 14:53:14Z', 'P3Y')]", '2023-04-07T14:53:14Z'],
    ['dateTimeAdd', "[dateTimeAdd('2020-04-07 14:53:14Z', '-P9D')]", '2020-03-29T14:53:14Z'],
    ['dateTimeAdd', "[dateTimeAdd('2020-04-07 14:53:14Z', 'PT1H')]", '2020-04-07T15:53:14Z'],
  ]);
});

describe('template-functions-lambda', () => {
  const dogs =
    "createArray(createObject('name', 'Evie', 'age', 5, 'interests', createArray('Ball', 'Frisbee')), " +
    "createObject('name', 'Casper', 'age', 3, 'interests', createArray('Other dogs')), " +
    "createObject('name', 'Indy', 'age', 2, 'interests', createArray('Butter')), " +
    "createObject('name', 'Kira', 'age', 8, 'interests', createArray('Rubs')))";
  const nestedDogs =
    "createArray(createObject('name', 'Evie', 'properties', createObject('age', 5, 'interests', createArray('Ball', 'Frisbee'))), " +
    "createObject('name', 'Casper', 'properties', createObject('age', 3, 'interests', createArray('Other dogs'))), " +
    "createObject('name', 'Indy', 'properties', createObject('age', 2, 'interests', createArray('Butter'))), " +
    "createObject('name', 'Kira', 'properties', createObject('age', 8, 'interests', createArray('Rubs'))))";
  const ages = `map(${dogs}, lambda('dog', lambdaVariables('dog').age))`;
  const evie = { name: 'Evie', age: 5, interests: ['Ball', 'Frisbee'] };
  const casper = { name: 'Casper', age: 3, interests: ['Other dogs'] };
  const indy = { name: 'Indy', age: 2, interests: ['Butter'] };
  const kira = { name: 'Kira', age: 8, interests: ['Rubs'] };

  givesDocumentedValues([
    ['filter', `[filter(${dogs}, lambda('dog', greaterOrEquals(lambdaVariables('dog').age, 5)))]`, [evie, kira]],
    ['filter', "[filter(range(0, 10), lambda('i', greater(lambdaVariables('i'), 5)))]", [6, 7, 8, 9]],
    ['filter', "[filter(range(0, 10), lambda('i', equals(0, mod(lambdaVariables('i'), 2))))]", [0, 2, 4, 6, 8]],
    ['map', `[map(${dogs}, lambda('dog', lambdaVariables('dog').name))]`, ['Evie', 'Casper', 'Indy', 'Kira']],
    [
      'map',
      `[map(${dogs}, lambda('dog', format('Hello {0}!', lambdaVariables('dog').name)))]`,
      ['Hello Evie!', 'Hello Casper!', 'Hello Indy!', 'Hello Kira!'],
    ],
    [
      'map',
      `[map(range(0, length(${dogs})), lambda('i', createObject('i', lambdaVariables('i'), 'dog', ${dogs}[lambdaVariables('i')].name, 'greeting', format('Ahoy, {0}!', ${dogs}[lambdaVariables('i')].name))))]`,
      [
        { i: 0, dog: 'Evie', greeting: 'Ahoy, Evie!' },
        { i: 1, dog: 'Casper', greeting: 'Ahoy, Casper!' },
        { i: 2, dog: 'Indy', greeting: 'Ahoy, Indy!' },
        { i: 3, dog: 'Kira', greeting: 'Ahoy, Kira!' },
      ],
    ],
    ['reduce', `[reduce(${ages}, 0, lambda('cur', 'next', add(lambdaVariables('cur'), lambdaVariables('next'))))]`, 18],
    ['reduce', `[reduce(${ages}, 1, lambda('cur', 'next', add(lambdaVariables('cur'), lambdaVariables('next'))))]`, 19],
    [
      'reduce',
      "[reduce(createArray(createObject('foo', 123), createObject('bar', 456), createObject('baz', 789)), createObject(), lambda('cur', 'next', union(lambdaVariables('cur'), lambdaVariables('next'))))]",
      { foo: 123, bar: 456, baz: 789 },
    ],
    ['sort', `[sort(${dogs}, lambda('a', 'b', less(lambdaVariables('a').age, lambdaVariables('b').age)))]`, [indy, casper, evie, kira]],
    [
      'toObject',
      `[toObject(${dogs}, lambda('entry', lambdaVariables('entry').name))]`,
      { Evie: evie, Casper: casper, Indy: indy, Kira: kira },
    ],
    [
      'toObject',
      `[toObject(${dogs}, lambda('entry', lambdaVariables('entry').name), lambda('entry', lambdaVariables('entry')))]`,
      { Evie: evie, Casper: casper, Indy: indy, Kira: kira },
    ],
    [
      'toObject',
      `[toObject(${nestedDogs}, lambda('entry', lambdaVariables('entry').name), lambda('entry', lambdaVariables('entry').properties))]`,
      {
        Evie: { age: 5, interests: ['Ball', 'Frisbee'] },
        Casper: { age: 3, interests: ['Other dogs'] },
        Indy: { age: 2, interests: ['Butter'] },
        Kira: { age: 8, interests: ['Rubs'] },
      },
    ],
  ]);
});

describe('template-functions-cidr', () => {
  givesDocumentedValues([
    [
      'parseCidr',
      "[parseCidr('10.144.0.0/20')]",
      { network: '10.144.0.0', netmask: '255.255.240.0', broadcast: '10.144.15.255', firstUsable: '10.144.0.1', lastUsable: '10.144.15.254', cidr: 20 },
    ],
    ['cidrSubnet', "[cidrSubnet('10.144.0.0/20', 24, 0)]", '10.144.0.0/24'],
    ['cidrSubnet', "[cidrSubnet('10.144.0.0/20', 24, 1)]", '10.144.1.0/24'],
    ['cidrSubnet', "[cidrSubnet('10.144.0.0/20', 24, 2)]", '10.144.2.0/24'],
    ['cidrSubnet', "[cidrSubnet('10.144.0.0/20', 24, 3)]", '10.144.3.0/24'],
    ['cidrSubnet', "[cidrSubnet('10.144.0.0/20', 24, 4)]", '10.144.4.0/24'],
    [
      'cidrSubnet',
      "[map(range(0, 5), lambda('i', cidrSubnet('10.144.0.0/20', 24, lambdaVariables('i'))))]",
      ['10.144.0.0/24', '10.144.1.0/24', '10.144.2.0/24', '10.144.3.0/24', '10.144.4.0/24'],
    ],
    ['cidrHost', "[cidrHost('10.144.3.0/24', 0)]", '10.144.3.1'],
    ['cidrHost', "[cidrHost('10.144.3.0/24', 1)]", '10.144.3.2'],
    ['cidrHost', "[cidrHost('10.144.3.0/24', 2)]", '10.144.3.3'],
    ['cidrHost', "[cidrHost('10.144.3.0/24', 3)]", '10.144.3.4'],
    ['cidrHost', "[cidrHost('10.144.3.0/24', 4)]", '10.144.3.5'],
    [
      'cidrHost',
      "[map(range(0, 5), lambda('i', cidrHost('10.144.3.0/24', lambdaVariables('i'))))]",
      ['10.144.3.1', '10.144.3.2', '10.144.3.3', '10.144.3.4', '10.144.3.5'],
    ],
    [
      'parseCidr',
      "[parseCidr('fdad:3236:5555::/48')]",
      { network: 'fdad:3236:5555::', netmask: 'ffff:ffff:ffff::', firstUsable: 'fdad:3236:5555::', lastUsable: 'fdad:3236:5555:ffff:ffff:ffff:ffff:ffff', cidr: 48 },
    ],
    [
      'cidrSubnet',
      "[map(range(0, 5), lambda('i', cidrSubnet('fdad:3236:5555::/48', 52, lambdaVariables('i'))))]",
      ['fdad:3236:5555::/52', 'fdad:3236:5555:1000::/52', 'fdad:3236:5555:2000::/52', 'fdad:3236:5555:3000::/52', 'fdad:3236:5555:4000::/52'],
    ],
    [
      'cidrHost',
      "[map(range(0, 5), lambda('i', cidrHost('fdad:3236:5555:3000::/52', lambdaVariables('i'))))]",
      ['fdad:3236:5555:3000::1', 'fdad:3236:5555:3000::2', 'fdad:3236:5555:3000::3', 'fdad:3236:5555:3000::4', 'fdad:3236:5555:3000::5'],
    ],
  ]);
});

describe('template-functions-resource', () => {
  givesDocumentedValues([
    [
      'resourceId',
      "[resourceId('11111111-1111-1111-1111-111111111111', 'otherResourceGroup', 'Microsoft.Storage/storageAccounts', 'examplestorage')]",
      '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/otherResourceGroup/providers/Microsoft.Storage/storageAccounts/examplestorage',
    ],
  ]);
});

describe('template-functions-deployment', () => {
  // The page's examples read parameters and variables declared with these default values.
  const parameters: Record<string, Value> = {
    stringParameter: 'option 1',
    intParameter: 1,
    objectParameter: { one: 'a', two: 'b' },
    arrayParameter: [1, 2, 3],
  };
  const variables: Record<string, JsonValue> = {
    var1: 'myVariable',
    var2: [1, 2, 3, 4],
    var3: "[ variables('var1') ]",
    var4: { property1: 'value1', property2: 'value2' },
  };

  function documentedContext(): EvalContext {
    const base = testContext();
    const ctx: EvalContext = {
      ...base,
      parameter: (name) => (name === 'crossParameter' ? evaluateString("[parameters('stringParameter')]", ctx) : (parameters[name] ?? base.parameter(name))),
      variable: (name) => (name in variables ? evaluateTemplateValue(variables[name]!, ctx) : base.variable(name)),
    };
    return ctx;
  }

  it.each<Row>([
    ['parameters', "[parameters('stringParameter')]", 'option 1'],
    ['parameters', "[parameters('intParameter')]", 1],
    ['parameters', "[parameters('objectParameter')]", { one: 'a', two: 'b' }],
    ['parameters', "[parameters('arrayParameter')]", [1, 2, 3]],
    ['parameters', "[parameters('crossParameter')]", 'option 1'],
    ['variables', "[variables('var1')]", 'myVariable'],
    ['variables', "[variables('var2')]", [1, 2, 3, 4]],
    ['variables', "[variables('var3')]", 'myVariable'],
    ['variables', "[variables('var4')]", { property1: 'value1', property2: 'value2' }],
  ])('%s: %s gives the documented value', (_name, expression, expected) => {
    expect(evaluateString(expression, documentedContext())).toEqual(expected);
  });
});
