import { isSymbolic, opaque, originsOf } from '../expressions/symbolic';
import type { Value } from '../expressions/value';
import type { Condition } from './instance';

/** A condition value as ARM reads it: a boolean, or unknown. */
export function toCondition(value: Value): Condition {
  if (typeof value === 'boolean') return value;
  if (isSymbolic(value)) return value;
  return opaque('condition', [value], 'bool', [
    { kind: 'unsupported', name: 'condition', note: `a condition must be a boolean, not ${JSON.stringify(value)}` },
  ]);
}

/** Both conditions: false wins, then unknown, then true. */
export function bothConditions(a: Condition, b: Condition): Condition {
  if (a === false || b === false) return false;
  if (a === true) return b;
  if (b === true) return a;
  return opaque('and', [a, b], 'bool', [...originsOf(a), ...originsOf(b)]);
}
