import { expectArray, expectInt, expectObject, expectString, findKey, objectFrom, ordinal } from '../arguments';
import { FunctionError } from '../errors';
import { compareKeys } from '../text-order';
import { MAX_RANGE_COUNT } from '../limits';
import { phrase } from '../phrase';
import { sameValue } from '../same-value';
import { containsSymbolic, isSymbolic, isValueObject, keyOf, opaque, typeOfValue } from '../symbolic';
import type { Value, ValueObject } from '../value';
import { defineAware, defineKnown, type ArmFunction } from './define';

/** Whether `items` holds `item`: true, false, or undefined when an unknown element might match. */
function holds(items: readonly Value[], item: Value): boolean | undefined {
  let undecided = false;
  for (const element of items) {
    const same = sameValue(element, item);
    if (same === true) return true;
    if (same !== false) undecided = true;
  }
  return undecided ? undefined : false;
}

/**
 * contains(container, item): Azure's engine takes an array and any value, an object and a key, or
 * a string and a substring; other pairs fail to deploy (bicep snapshot). An unknown container
 * might be an array, so any item leaves it undecided.
 */
function contains([container, item]: Value[]): Value {
  const unknown = () => opaque('contains', [container, item], 'bool');
  if (Array.isArray(container)) return holds(container, item) ?? unknown();
  if (isSymbolic(item)) return unknown();
  if (isSymbolic(container)) {
    const literals = typeof item === 'string' ? (container.parts ?? []).filter((p): p is string => typeof p === 'string') : [];
    return literals.some((p) => p.includes(item as string)) ? true : unknown();
  }
  if (!isValueObject(container) && typeof container !== 'string') {
    throw new FunctionError(`contains: the container must be an array, object or string, not ${phrase(container)}`);
  }
  const wanted = expectString(item, 'contains', isValueObject(container) ? 'the key to find in an object' : 'the text to find in a string');
  return isValueObject(container) ? findKey(container, wanted) !== undefined : container.includes(wanted);
}

function empty([value]: Value[]): Value {
  if (value === null) return true;
  if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
  if (isValueObject(value)) return Object.keys(value).length === 0;
  if (isSymbolic(value)) {
    if (value.parts?.some((p) => typeof p === 'string')) return false;
    return opaque('empty', [value], 'bool');
  }
  throw new FunctionError(`empty: the argument must be a string, array or object, not ${phrase(value)}`);
}

function length([value]: Value[]): Value {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (isValueObject(value)) return Object.keys(value).length;
  if (isSymbolic(value)) return opaque('length', [value], 'number');
  throw new FunctionError(`length: the argument must be a string, array or object, not ${phrase(value)}`);
}

/** first/last of an array (null when empty) or a string ('' when empty). */
function end(name: string, pick: <T>(items: readonly T[]) => T | undefined): ArmFunction {
  return defineAware(name, [1, 1], ([value]) => {
    if (Array.isArray(value)) return pick(value) ?? null;
    if (typeof value === 'string') return pick([...value]) ?? '';
    if (isSymbolic(value)) {
      const part = value.parts && pick(value.parts);
      if (typeof part === 'string') return pick([...part])!;
      return opaque(name, [value], value.type === 'string' ? 'string' : 'any');
    }
    throw new FunctionError(`${name}: the argument must be an array or a string, not ${phrase(value)}`);
  });
}

/** skip/take on an array or a string; a count out of range is clamped, as ARM does. */
function slice(name: string, bounds: (count: number, size: number) => [number, number]): ArmFunction {
  return defineAware(name, [2, 2], ([value, count]) => {
    if (isSymbolic(value) || isSymbolic(count)) {
      const type = typeOfValue(value);
      return opaque(name, [value, count], type === 'string' || type === 'array' ? type : 'any');
    }
    const n = expectInt(count, name, 'the count');
    if (typeof value !== 'string' && !Array.isArray(value)) {
      throw new FunctionError(`${name}: the first argument must be an array or a string, not ${phrase(value)}`);
    }
    const [from, to] = bounds(Math.max(0, Math.min(n, value.length)), value.length);
    return value.slice(from, to);
  });
}

function range([start, count]: Value[]): Value {
  const from = expectInt(start, 'range', 'the start index');
  const n = expectInt(count, 'range', 'the count');
  if (n < 0) throw new FunctionError(`range: the count must not be negative, not ${n}`);
  if (n > MAX_RANGE_COUNT) throw new FunctionError(`range: the count ${n} is over the limit of ${MAX_RANGE_COUNT}`, true);
  if (from + n > 2147483647) throw new FunctionError('range: the start index plus the count must not exceed 2147483647');
  return Array.from({ length: n }, (_, i) => from + i);
}

function createObject(args: Value[]): Value {
  if (args.length % 2 !== 0) throw new FunctionError('createObject: the arguments must be key and value pairs');
  const entries: [string, Value][] = [];
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i]!;
    if (isSymbolic(key)) return opaque('createObject', args, 'object');
    entries.push([expectString(key, 'createObject', `key ${i / 2 + 1}`), args[i + 1]!]);
  }
  return objectFrom(entries);
}

const mightBeObject = (value: Value): boolean =>
  isValueObject(value) || (isSymbolic(value) && (value.type === 'object' || value.type === 'any'));

/** union of objects merges nested objects too (not arrays); later arguments win. Undefined when an unknown hides the shape. */
function mergeDeep(target: ValueObject, source: ValueObject): ValueObject | undefined {
  const merged = new Map(Object.entries(target));
  for (const [key, value] of Object.entries(source)) {
    // Keys ignore case: the later one wins, spelt as it spells it.
    const same = [...merged.keys()].find((k) => k.toLowerCase() === key.toLowerCase());
    const existing = same === undefined ? undefined : merged.get(same);
    if (same !== undefined) merged.delete(same);
    if (existing === undefined || !mightBeObject(existing) || !mightBeObject(value)) {
      merged.set(key, value);
      continue;
    }
    if (!isValueObject(existing) || !isValueObject(value)) return undefined;
    const inner = mergeDeep(existing, value);
    if (!inner) return undefined;
    merged.set(key, inner);
  }
  return objectFrom(merged);
}

function sameKind(name: string, args: Value[]): 'array' | 'object' {
  const kinds = new Set(args.map((a) => (Array.isArray(a) ? 'array' : isValueObject(a) ? 'object' : phrase(a))));
  if (kinds.size === 1 && (kinds.has('array') || kinds.has('object'))) return [...kinds][0] as 'array' | 'object';
  throw new FunctionError(`${name}: the arguments must be all arrays or all objects`);
}

/** Array members once each, in order; undefined when an unknown makes that undecidable. */
function distinct(items: readonly Value[]): Value[] | undefined {
  if (!items.some(containsSymbolic)) {
    // Known values are equal exactly when their keys are, which keeps large arrays linear.
    const seen = new Set<string>();
    return items.filter((item) => {
      const key = keyOf(item);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  const result: Value[] = [];
  for (const item of items) {
    const found = holds(result, item);
    if (found === undefined) return undefined;
    if (!found) result.push(item);
  }
  return result;
}

function union(args: Value[]): Value {
  if (args.some(isSymbolic)) return opaque('union', args, commonKind(args));
  if (sameKind('union', args) === 'array') return distinct((args as Value[][]).flat()) ?? opaque('union', args, 'array');
  let merged: ValueObject | undefined = {};
  for (const arg of args as ValueObject[]) merged = merged && mergeDeep(merged, arg);
  return merged ?? opaque('union', args, 'object');
}

function intersection(args: Value[]): Value {
  if (args.some(isSymbolic)) return opaque('intersection', args, commonKind(args));
  const unknown = () => opaque('intersection', args, sameKind('intersection', args));
  if (sameKind('intersection', args) === 'array') {
    const [first, ...rest] = args as Value[][];
    const candidates = distinct(first!);
    if (!candidates) return unknown();
    if (!args.some(containsSymbolic)) {
      const others = rest.map((other) => new Set(other.map(keyOf)));
      return candidates.filter((item) => others.every((keys) => keys.has(keyOf(item))));
    }
    const kept: Value[] = [];
    for (const item of candidates) {
      const everywhere = rest.map((other) => holds(other, item));
      if (everywhere.includes(undefined)) return unknown();
      if (everywhere.every(Boolean)) kept.push(item);
    }
    return kept;
  }
  const [first, ...rest] = args as ValueObject[];
  const kept: [string, Value][] = [];
  for (const [key, value] of Object.entries(first!)) {
    const everywhere = rest.map((other) => (Object.prototype.hasOwnProperty.call(other, key) ? sameValue(other[key]!, value) : false));
    if (everywhere.some((same) => same !== true && same !== false)) return unknown();
    if (everywhere.every((same) => same === true)) kept.push([key, value]);
  }
  return objectFrom(kept);
}

function commonKind(args: Value[]): 'array' | 'object' | 'any' {
  const types = new Set(args.map(typeOfValue));
  return types.size === 1 && (types.has('array') || types.has('object')) ? ([...types][0] as 'array' | 'object') : 'any';
}

/** `array[^n]`: the n-th element from the end (1 is the last); `tryIndexFromEnd` gives null where there is none. */
function fromEnd([array, n]: Value[], name: 'indexFromEnd' | 'tryIndexFromEnd'): Value {
  const items = expectArray(array, name, 'the first argument');
  const index = expectInt(n, name, 'the index from the end');
  if (index >= 1 && index <= items.length) return items[items.length - index]!;
  if (name === 'tryIndexFromEnd') return null;
  throw new FunctionError(`indexFromEnd: ${index} is not between 1 and the array's length, ${items.length}`);
}

function items([value]: Value[]): Value {
  if (isSymbolic(value)) return opaque('items', [value], 'array');
  const object = expectObject(value, 'items', 'the argument');
  const keys = Object.keys(object).sort(compareKeys);
  return keys.map((key) => ({ key, value: object[key]! }));
}

function shallowMerge([value]: Value[]): Value {
  const objects = expectArray(value, 'shallowMerge', 'the argument');
  if (objects.some(isSymbolic)) return opaque('shallowMerge', [value], 'object');
  return objectFrom(objects.flatMap((o, i) => Object.entries(expectObject(o, 'shallowMerge', `element ${i}`))));
}

function flatten([value]: Value[]): Value {
  const arrays = expectArray(value, 'flatten', 'the argument');
  if (arrays.some(isSymbolic)) return opaque('flatten', [value], 'array');
  return arrays.flatMap((a, i) => expectArray(a, 'flatten', `element ${i}`));
}

/** tryGet(value, key or index, ...): null where a step is missing. */
function tryGet([value, ...path]: Value[]): Value {
  let current = value;
  for (const [i, step] of path.entries()) {
    if (current === null) return null;
    if (isSymbolic(current) || isSymbolic(step)) return opaque('tryGet', [current, ...path.slice(i)], 'any');
    if (isValueObject(current) && typeof step === 'string') {
      const key = findKey(current, step);
      current = key === undefined ? null : current[key]!;
    } else if (Array.isArray(current) && typeof step === 'number') {
      current = current[step] ?? null;
    } else if (typeof step === 'string' || typeof step === 'number') {
      // A key into an array, an index into an object, any step into a string, number or boolean: null (bicep snapshot).
      return null;
    } else {
      throw new FunctionError(`tryGet: ${ordinal(i + 1)} argument cannot look up ${phrase(step)} in ${phrase(current)}`);
    }
  }
  return current;
}

export const collectionFunctions: readonly ArmFunction[] = [
  defineAware('createArray', [0, Infinity], (args) => args),
  defineAware('createObject', [0, Infinity], createObject),
  defineAware('contains', [2, 2], contains),
  defineAware('empty', [1, 1], empty),
  defineAware('length', [1, 1], length),
  end('first', (values) => values[0]),
  end('last', (values) => values[values.length - 1]),
  slice('skip', (count, size) => [count, size]),
  slice('take', (count) => [0, count]),
  defineKnown('range', [2, 2], 'array', range),
  defineAware('union', [1, Infinity], union),
  defineAware('intersection', [2, Infinity], intersection),
  defineKnown('indexFromEnd', [2, 2], 'any', (args) => fromEnd(args, 'indexFromEnd')),
  defineKnown('tryIndexFromEnd', [2, 2], 'any', (args) => fromEnd(args, 'tryIndexFromEnd')),
  defineAware('items', [1, 1], items),
  defineAware('objectKeys', [1, 1], ([value]) =>
    isSymbolic(value) ? opaque('objectKeys', [value], 'array') : Object.keys(expectObject(value, 'objectKeys', 'the argument')).sort(compareKeys),
  ),
  defineAware('shallowMerge', [1, 1], shallowMerge),
  defineAware('flatten', [1, 1], flatten),
  defineAware('tryGet', [2, Infinity], tryGet),
];
