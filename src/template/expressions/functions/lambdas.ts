import { expectArray, expectLambda, expectObject, expectString, objectFrom } from '../arguments';
import { FunctionError } from '../errors';
import { MAX_NESTING_DEPTH } from '../limits';
import { phrase } from '../phrase';
import { isSymbolic, opaque } from '../symbolic';
import { nestsDeeperThan } from '../stringify';
import type { JsonValue, LambdaValue, Symbolic, Value } from '../value';
import { defineAware, defineLazy, type ArmFunction, type CallEnv, type LazyArg } from './define';

/** Calls a lambda with as many of `available` as it declares parameters. */
function invoke(lambda: LambdaValue, available: Value[]): Value {
  return lambda.apply(available.slice(0, lambda.parameters.length));
}

function lambda(args: readonly LazyArg[], env: CallEnv): Value {
  const names = args.slice(0, -1).map((arg, i) => expectString(arg.value(), 'lambda', `parameter name ${i + 1}`));
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate !== undefined) throw new FunctionError(`lambda: the parameter '${duplicate}' is declared twice`);
  return env.closure(names, args[args.length - 1]!.expr);
}

function lambdaVariable([name]: Value[], env: CallEnv): Value {
  const variable = expectString(name, 'lambdaVariables', 'the variable name');
  const value = env.lambdaVariable(variable);
  if (value === undefined) throw new FunctionError(`lambdaVariables: no lambda parameter '${variable}' is in scope`);
  return value;
}

function map([items, fn]: Value[]): Value {
  const f = expectLambda(fn, 'map', 'the second argument', 2);
  if (isSymbolic(items)) return opaque('map', [items, f], 'array');
  return expectArray(items, 'map', 'the first argument').map((item, i) => invoke(f, [item, i]));
}

function filter([items, fn]: Value[]): Value {
  const f = expectLambda(fn, 'filter', 'the second argument', 2);
  const unknown = () => opaque('filter', [items, f], 'array');
  if (isSymbolic(items)) return unknown();
  const kept: Value[] = [];
  for (const [i, item] of expectArray(items, 'filter', 'the first argument').entries()) {
    const keep = invoke(f, [item, i]);
    if (isSymbolic(keep)) return unknown();
    if (typeof keep !== 'boolean') throw new FunctionError(`filter: the lambda must return a bool, not ${phrase(keep)}`);
    if (keep) kept.push(item);
  }
  return kept;
}

function reduce([items, initial, fn]: Value[]): Value {
  const f = expectLambda(fn, 'reduce', 'the third argument', 3);
  if (isSymbolic(items)) return opaque('reduce', [items, initial, f], 'any');
  return expectArray(items, 'reduce', 'the first argument').reduce((sum: Value, item, i) => {
    const next = invoke(f, [sum, item, i]);
    // Each step may wrap the last: bound the depth here, before the recursive walks over values meet it.
    if (nestsDeeperThan(next as JsonValue, MAX_NESTING_DEPTH)) {
      throw new FunctionError(`reduce: the value is nested more than ${MAX_NESTING_DEPTH} levels deep`, true);
    }
    return next;
  }, initial);
}

/** sort(items, lambda(a, b)) where the lambda says whether `a` goes before `b`; stable. */
function sort([items, fn]: Value[]): Value {
  const f = expectLambda(fn, 'sort', 'the second argument', 2);
  const unknown = () => opaque('sort', [items, f], 'array');
  if (isSymbolic(items)) return unknown();
  let undecided = false;
  const before = (a: Value, b: Value): boolean => {
    if (undecided) return false;
    const result = invoke(f, [a, b]);
    if (isSymbolic(result)) undecided = true;
    else if (typeof result !== 'boolean') throw new FunctionError(`sort: the lambda must return a bool, not ${phrase(result)}`);
    return result === true;
  };
  const sorted = [...expectArray(items, 'sort', 'the first argument')].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  return undecided ? unknown() : sorted;
}

/** toObject(items, keyLambda[, valueLambda]) and groupBy(items, keyLambda) build objects keyed by a lambda. */
function keyedBy(name: string, items: Value, keyLambda: LambdaValue, args: Value[]): [string, Value][] | Symbolic {
  if (isSymbolic(items)) return opaque(name, args, 'object');
  const entries: [string, Value][] = [];
  for (const item of expectArray(items, name, 'the first argument')) {
    const key = invoke(keyLambda, [item]);
    if (isSymbolic(key)) return opaque(name, args, 'object');
    entries.push([expectString(key, name, 'a key the lambda returns'), item]);
  }
  return entries;
}

function toObject(args: Value[]): Value {
  const [items, keyFn, valueFn] = args;
  const keyLambda = expectLambda(keyFn, 'toObject', 'the key lambda', 1);
  const valueLambda = args.length > 2 ? expectLambda(valueFn, 'toObject', 'the value lambda', 1) : undefined;
  const entries = keyedBy('toObject', items, keyLambda, args);
  if (isSymbolic(entries)) return entries;
  return objectFrom(entries.map(([key, item]) => [key, valueLambda ? invoke(valueLambda, [item]) : item]));
}

function groupBy([items, keyFn]: Value[]): Value {
  const entries = keyedBy('groupBy', items, expectLambda(keyFn, 'groupBy', 'the key lambda', 1), [items, keyFn]);
  if (isSymbolic(entries)) return entries;
  const groups = new Map<string, Value[]>();
  for (const [key, item] of entries) {
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return objectFrom(groups);
}

function mapValues([object, fn]: Value[]): Value {
  const f = expectLambda(fn, 'mapValues', 'the second argument', 1);
  if (isSymbolic(object)) return opaque('mapValues', [object, f], 'object');
  const entries = Object.entries(expectObject(object, 'mapValues', 'the first argument'));
  return objectFrom(entries.map(([key, value]) => [key, invoke(f, [value])]));
}

export const lambdaFunctions: readonly ArmFunction[] = [
  defineLazy('lambda', [1, Infinity], lambda),
  defineAware('lambdaVariables', [1, 1], lambdaVariable),
  defineAware('map', [2, 2], map),
  defineAware('filter', [2, 2], filter),
  defineAware('reduce', [3, 3], reduce),
  defineAware('sort', [2, 2], sort),
  defineAware('toObject', [2, 3], toObject),
  defineAware('groupBy', [2, 2], groupBy),
  defineAware('mapValues', [2, 2], mapValues),
];
