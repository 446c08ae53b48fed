import { findKey } from './arguments';
import { FunctionError } from './errors';
import { phrase } from './phrase';
import { isSymbolic, isValueObject, symbolicIndex, symbolicProperty, typeOfValue } from './symbolic';
import type { Symbolic, SymbolicType, Value } from './value';

/** Rejects unknowns whose type says they have no members to read that way. */
function checkReadable(target: Symbolic, what: string, containers: readonly SymbolicType[]): void {
  if (target.type !== 'any' && !containers.includes(target.type)) {
    throw new FunctionError(`cannot read ${what} of an unknown ${target.type}`);
  }
}

/** What an index can read from: an array by number, an object by name, either when the index is unknown. */
function containersFor(index: Value): readonly SymbolicType[] {
  const type = typeOfValue(index);
  if (type === 'number') return ['array'];
  if (type === 'string') return ['object'];
  return ['array', 'object'];
}

/** `target.name`, as ARM reads it: member names ignore case; a missing member is an error. */
export function propertyOf(target: Value, name: string): Value {
  if (isSymbolic(target)) {
    checkReadable(target, `the property '${name}'`, ['object']);
    return symbolicProperty(target, name);
  }
  if (!isValueObject(target)) throw new FunctionError(`cannot read the property '${name}' of ${phrase(target)}`);
  const key = findKey(target, name);
  if (key === undefined) {
    const available = Object.keys(target);
    const known = available.length === 0 ? 'the object has none' : `available properties are '${available.join(', ')}'`;
    throw new FunctionError(`the property '${name}' does not exist; ${known}`);
  }
  return target[key]!;
}

/** `target[index]`: an array element by position, or an object member by name. */
export function indexInto(target: Value, index: Value): Value {
  if (isSymbolic(target)) checkReadable(target, `[${phrase(index)}]`, containersFor(index));
  if (isSymbolic(target) || isSymbolic(index)) return symbolicIndex(target, index);
  if (typeof index === 'string') return propertyOf(target, index);
  if (typeof index !== 'number') throw new FunctionError(`${phrase(index)} cannot be used as an index`);
  if (!Array.isArray(target)) throw new FunctionError(`cannot read [${index}] of ${phrase(target)}`);
  if (!Number.isInteger(index) || index < 0 || index >= target.length) {
    throw new FunctionError(`the index ${index} is outside the array of length ${target.length}`);
  }
  return target[index]!;
}
