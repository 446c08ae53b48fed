import { FunctionError } from './errors';
import { phrase } from './phrase';
import { isLambda, isValueObject } from './symbolic';
import type { LambdaValue, Value, ValueObject } from './value';

/** Checks on known arguments; `what` names the argument in the message, e.g. `the first argument`. */
function mismatch(fn: string, what: string, expected: string, value: Value): FunctionError {
  return new FunctionError(`${fn}: ${what} must be ${expected}, not ${phrase(value)}`);
}

export function expectString(value: Value, fn: string, what: string): string {
  if (typeof value !== 'string') throw mismatch(fn, what, 'a string', value);
  return value;
}

export function expectInt(value: Value, fn: string, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw mismatch(fn, what, 'an integer', value);
  return value;
}

export function expectArray(value: Value, fn: string, what: string): Value[] {
  if (!Array.isArray(value)) throw mismatch(fn, what, 'an array', value);
  return value;
}

export function expectObject(value: Value, fn: string, what: string): ValueObject {
  if (!isValueObject(value)) throw mismatch(fn, what, 'an object', value);
  return value;
}

export function expectLambda(value: Value, fn: string, what: string, maxParameters: number): LambdaValue {
  if (!isLambda(value)) throw mismatch(fn, what, 'a lambda', value);
  if (value.parameters.length > maxParameters) {
    throw new FunctionError(`${fn}: ${what} takes ${value.parameters.length} parameters; at most ${maxParameters} are passed`);
  }
  return value;
}

export const ordinal = (index: number): string =>
  ['the first', 'the second', 'the third', 'the fourth'][index] ?? `argument ${index + 1}`;

/** The key under which an object holds `name`: exact first, then ignoring case as ARM does. */
export function findKey(object: ValueObject, name: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(object, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === lower);
}

/** An object from entries, safe for keys such as `__proto__`. */
export function objectFrom(entries: Iterable<readonly [string, Value]>): ValueObject {
  return Object.fromEntries(entries) as ValueObject;
}
