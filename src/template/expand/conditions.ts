import { phrase } from '../expressions/phrase';
import { isSymbolic, opaque, originsOf } from '../expressions/symbolic';
import type { Value } from '../expressions/value';
import type { Condition } from './instance';

/** A condition value as ARM reads it: a boolean, or unknown. */
export function toCondition(value: Value): Condition {
  if (typeof value === 'boolean') return value;
  if (isSymbolic(value)) return value;
  // Clipped: the value may be a megabyte of text, and the note is quoted in every finding on the resource.
  const shown = phrase(value);
  return opaque('condition', [shown], 'bool', [{ kind: 'unsupported', name: 'condition', note: `a condition must be a boolean, not ${shown}` }]);
}

/** Both conditions: false wins, then unknown, then true. */
export function bothConditions(a: Condition, b: Condition): Condition {
  if (a === false || b === false) return false;
  if (a === true) return b;
  if (b === true) return a;
  return opaque('and', [a, b], 'bool', [...originsOf(a), ...originsOf(b)]);
}
