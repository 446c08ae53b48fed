import { sameValue } from '../../../src/template/expressions/same-value';
import {
  containsSymbolic,
  keyOf,
  opaque,
  originsOf,
  symbolicIndex,
  symbolicProperty,
  text,
  toJsonOrUndefined,
} from '../../../src/template/expressions/symbolic';
import { Symbolic, type Value } from '../../../src/template/expressions/value';
import { deploymentOrigin, deploymentValue, parameterOrigin, parameterValue, run } from './test-context';

const rgId = deploymentValue('resourceGroup().id');
const prefix = parameterValue('prefix', 'string');
const size = parameterValue('size', 'number');
const anything = parameterValue('anything', 'any');

describe('opaque', () => {
  it.each<[string, Symbolic, string]>([
    ['no arguments: the name is the key', opaque('resourceGroup().id', [], 'string'), 'resourceGroup().id'],
    ['known arguments', opaque('f', ['a', 1, true, null], 'any'), "f('a', 1, true, null)"],
    ['a quote in a string', opaque('f', ["it's"], 'any'), "f('it''s')"],
    ['unknown arguments by key', opaque('uniqueString', [rgId, prefix], 'string'), "uniqueString(resourceGroup().id, parameters('prefix'))"],
    ['arrays and objects, keys sorted', opaque('f', [[1, 'x'], { b: 1, a: [prefix] }], 'any'), "f([1, 'x'], {'a': [parameters('prefix')], 'b': 1})"],
  ])('%s', (_, value, key) => {
    expect(value.key).toBe(key);
  });

  it('joins its own origins with those inside the arguments, once each', () => {
    const value = opaque('f', [prefix, [prefix, { x: rgId }]], 'string', [{ kind: 'runtime', name: 'f()' }, parameterOrigin('prefix')]);
    expect(value).toEqual(
      new Symbolic("f(parameters('prefix'), [parameters('prefix'), {'x': resourceGroup().id}])", 'string', [
        { kind: 'runtime', name: 'f()' },
        parameterOrigin('prefix'),
        deploymentOrigin('resourceGroup().id'),
      ]),
    );
  });
});

describe('text', () => {
  it.each<[string, Value[], Value]>([
    ['no parts', [], ''],
    ['only literals', ['a', 'b', 'c'], 'abc'],
    ['known values written as format() writes them', ['n', 1, true, null, [1], { a: 'b' }], 'n1True[1]{"a":"b"}'],
    ['a single unknown string is itself', ['', prefix, ''], prefix],
    ['a single unknown of any type is itself', [anything], anything],
    [
      'adjacent literals merge and empty ones vanish',
      ['a', '', 'b', prefix, 'c', 'd'],
      new Symbolic("concat('ab', parameters('prefix'), 'cd')", 'string', [parameterOrigin('prefix')], ['ab', prefix, 'cd']),
    ],
    [
      'nested texts flatten',
      ['/x/', text([rgId, '/y']), '/z'],
      new Symbolic("concat('/x/', resourceGroup().id, '/y/z')", 'string', [deploymentOrigin('resourceGroup().id')], ['/x/', rgId, '/y/z']),
    ],
    [
      'a single unknown of another type is wrapped',
      [size],
      new Symbolic("concat(parameters('size'))", 'string', [parameterOrigin('size')], [size]),
    ],
    [
      'an array with an unknown inside becomes an unknown part',
      ['a', [prefix]],
      new Symbolic("concat('a', string([parameters('prefix')]))", 'string', [parameterOrigin('prefix')], [
        'a',
        new Symbolic("string([parameters('prefix')])", 'string', [parameterOrigin('prefix')]),
      ]),
    ],
  ])('%s', (_, parts, expected) => {
    expect(text(parts)).toEqual(expected);
  });

  it('gives equal keys to concat() and format() of the same pieces', () => {
    const viaConcat = run("[concat('a', parameters('prefix'), '-', resourceGroup().id)]") as Symbolic;
    const viaFormat = run("[format('a{0}-{1}', parameters('prefix'), resourceGroup().id)]") as Symbolic;
    expect(viaConcat.key).toBe("concat('a', parameters('prefix'), '-', resourceGroup().id)");
    expect(viaFormat.key).toBe(viaConcat.key);
  });
});

describe('symbolicProperty and symbolicIndex', () => {
  it.each<[string, Symbolic, string]>([
    ['a property', symbolicProperty(rgId, 'name'), 'resourceGroup().id.name'],
    ['a property that is not an identifier', symbolicProperty(rgId, 'a-b'), "resourceGroup().id['a-b']"],
    ['a string index is a property', symbolicIndex(rgId, 'name'), 'resourceGroup().id.name'],
    ['a number index', symbolicIndex(rgId, 0), 'resourceGroup().id[0]'],
    ['an unknown index into a known array', symbolicIndex(['a', 'b'], size), "['a', 'b'][parameters('size')]"],
  ])('%s', (_, value, key) => {
    expect(value.key).toBe(key);
  });

  it('keeps the origins of target and index', () => {
    expect(symbolicIndex(rgId, size).origins).toEqual([deploymentOrigin('resourceGroup().id'), parameterOrigin('size')]);
  });
});

describe('originsOf, containsSymbolic, toJsonOrUndefined, keyOf', () => {
  const nested: Value = { a: [1, { b: prefix }], c: text(['x', rgId]), d: prefix };

  it('collects origins at any depth, once each', () => {
    expect(originsOf(nested)).toEqual([parameterOrigin('prefix'), deploymentOrigin('resourceGroup().id')]);
    expect(originsOf({ a: [1, 'x'] })).toEqual([]);
  });

  it.each<[Value, boolean]>([
    [nested, true],
    [{ a: [1, { b: 'x' }] }, false],
    [[[[size]]], true],
    [null, false],
  ])('containsSymbolic(%j) is %s', (value, expected) => {
    expect(containsSymbolic(value)).toBe(expected);
  });

  it.each<[Value, unknown]>([
    [{ a: [1, { b: 'x' }], n: null }, { a: [1, { b: 'x' }], n: null }],
    [nested, undefined],
    [[1, [size]], undefined],
  ])('toJsonOrUndefined(%j)', (value, expected) => {
    expect(toJsonOrUndefined(value)).toEqual(expected);
  });

  it('keys a lambda by its parameters and what its body gives for them', () => {
    const lambda = run("[lambda('x', concat(lambdaVariables('x'), parameters('prefix')))]");
    expect(keyOf(lambda)).toBe("lambda('x', concat(lambdaVariables('x'), parameters('prefix')))");
    expect(originsOf(lambda)).toEqual([parameterOrigin('prefix')]);
  });
});

describe('sameValue', () => {
  const unknownEquals = (a: string, b: string, origins = [parameterOrigin('prefix')]) => new Symbolic(`equals(${a}, ${b})`, 'bool', origins);

  it.each<[string, Value, Value, boolean | Symbolic]>([
    ['equal strings', 'a', 'a', true],
    ['strings differing in case', 'a', 'A', false],
    ['equal numbers', 1, 1, true],
    ['number and string', 1, '1', false],
    ['null and null', null, null, true],
    ['null and a string', null, '', false],
    ['objects in any key order', { a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    ['objects with different keys', { a: 1 }, { A: 1 }, false],
    ['arrays of different length', [1], [1, 2], false],
    ['an array and an object', [], {}, false],
    ['an unknown and itself', prefix, prefix, true],
    ['equal texts built apart', text(['a', prefix]), text(['a', prefix]), true],
    ['an unknown string and a number', prefix, 5, false],
    ['texts whose known beginnings differ', text(['a-', prefix]), text(['b-', prefix]), false],
    ['texts whose known endings differ', text([rgId, '-x']), text([rgId, '-y']), false],
    ['a string the text cannot be', text(['/subs/', prefix]), '/other/x', false],
    ['a string the text could be', text(['/subs/', prefix]), '/subs/x', unknownEquals("'/subs/x'", "concat('/subs/', parameters('prefix'))")],
    ['an unknown and null', prefix, null, unknownEquals('null', "parameters('prefix')")],
    ['arrays with a false member', [prefix, 1], [prefix, 2], false],
    ['arrays with an undecided member', [prefix], ['x'], unknownEquals("['x']", "[parameters('prefix')]")],
  ])('%s', (_, a, b, expected) => {
    expect(sameValue(a, b)).toEqual(expected);
  });

  it('is symmetric in its key', () => {
    expect(sameValue(prefix, anything)).toEqual(sameValue(anything, prefix));
    expect(sameValue(prefix, anything)).toEqual(
      new Symbolic("equals(parameters('anything'), parameters('prefix'))", 'bool', [parameterOrigin('anything'), parameterOrigin('prefix')]),
    );
  });
});
