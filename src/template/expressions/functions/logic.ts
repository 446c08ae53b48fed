import { expectString, ordinal } from '../arguments';
import { ExpressionError, FunctionError } from '../errors';
import { phrase } from '../phrase';
import { sameValue } from '../same-value';
import { compareText } from '../text-order';
import { isSymbolic, opaque, typeOfValue } from '../symbolic';
import type { Symbolic, SymbolicType, Value } from '../value';
import { defineAware, defineKnown, defineLazy, type ArmFunction, type LazyArg } from './define';

function commonType(values: readonly Value[]): SymbolicType {
  const types = new Set(values.map(typeOfValue));
  return types.size === 1 ? [...types][0] : 'any';
}

/** and/or: the first known `dominant` decides; otherwise the unknowns remain. */
function connective(name: string, dominant: boolean) {
  return (args: readonly LazyArg[]): Value => {
    const unknowns: Symbolic[] = [];
    for (const [i, arg] of args.entries()) {
      const value = arg.value();
      if (value === dominant) return dominant;
      if (isSymbolic(value)) unknowns.push(value);
      else if (value !== !dominant) throw new FunctionError(`${name}: ${ordinal(i)} argument must be a bool, not ${phrase(value)}`);
    }
    if (unknowns.length === 0) return !dominant;
    if (unknowns.length === 1 && unknowns[0].type === 'bool') return unknowns[0];
    return opaque(name, unknowns, 'bool');
  };
}

type Attempt = { value: Value } | { error: ExpressionError };

function attempt(arg: LazyArg): Attempt {
  try {
    return { value: arg.value() };
  } catch (error) {
    if (error instanceof ExpressionError && !error.limit) return { error };
    throw error;
  }
}

function conditional([condition, whenTrue, whenFalse]: readonly LazyArg[]): Value {
  const test = condition.value();
  if (test === true) return whenTrue.value();
  if (test === false) return whenFalse.value();
  if (!isSymbolic(test)) throw new FunctionError(`if: the condition must be a bool, not ${phrase(test)}`);
  const [a, b] = [attempt(whenTrue), attempt(whenFalse)];
  // A branch that fails is not the one a successful deployment takes, so the other one is the value.
  if ('error' in a) {
    if ('error' in b) throw a.error;
    return b.value;
  }
  if ('error' in b) return a.value;
  if (sameValue(a.value, b.value) === true) return a.value;
  return opaque('if', [test, a.value, b.value], commonType([a.value, b.value]));
}

function comparison(name: string, holds: (order: number) => boolean): ArmFunction {
  return defineKnown(name, [2, 2], 'bool', ([a, b]) => {
    if (typeof a === 'number' && typeof b === 'number') return holds(a - b);
    if (typeof a === 'string' && typeof b === 'string') return holds(compareText(a, b));
    throw new FunctionError(`${name}: the arguments must be two integers or two strings, not ${phrase(a)} and ${phrase(b)}`);
  });
}

function coalesce(args: Value[]): Value {
  const present = args.filter((v) => v !== null);
  const firstKnown = present.findIndex((v) => !isSymbolic(v));
  if (firstKnown === 0) return present[0];
  const candidates = firstKnown < 0 ? present : present.slice(0, firstKnown + 1);
  if (candidates.length === 0) return null;
  if (candidates.length === 1) return candidates[0];
  return opaque('coalesce', candidates, commonType(candidates));
}

function toBool(value: Value): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  const text = expectString(value, 'bool', 'the argument').toLowerCase();
  if (text === 'true' || text === 'false') return text === 'true';
  throw new FunctionError(`bool: ${phrase(value)} is neither 'true' nor 'false'`);
}

export const logicFunctions: readonly ArmFunction[] = [
  defineLazy('if', [3, 3], conditional),
  defineLazy('and', [2, Infinity], connective('and', false)),
  defineLazy('or', [2, Infinity], connective('or', true)),
  defineAware('not', [1, 1], ([value]) => {
    if (typeof value === 'boolean') return !value;
    if (isSymbolic(value)) return opaque('not', [value], 'bool');
    throw new FunctionError(`not: the argument must be a bool, not ${phrase(value)}`);
  }),
  defineAware('equals', [2, 2], ([a, b]) => sameValue(a, b)),
  comparison('less', (order) => order < 0),
  comparison('lessOrEquals', (order) => order <= 0),
  comparison('greater', (order) => order > 0),
  comparison('greaterOrEquals', (order) => order >= 0),
  defineAware('coalesce', [1, Infinity], coalesce),
  defineKnown('bool', [1, 1], 'bool', ([value]) => toBool(value)),
  defineKnown('true', [0, 0], 'bool', () => true),
  defineKnown('false', [0, 0], 'bool', () => false),
  defineKnown('null', [0, 0], 'any', () => null),
];
