import { isSymbolic } from './expressions/symbolic';
import type { Value } from './expressions/value';

/** A value as a person reads it: unknown pieces shown as `{what decides them}`. */
export function describeValue(value: Value): string {
  if (typeof value === 'string') return value;
  if (isSymbolic(value)) {
    if (!value.parts) return `{${value.key}}`;
    return value.parts.map((p) => (typeof p === 'string' ? p : `{${p.key}}`)).join('');
  }
  if (value !== null && typeof value === 'object' && 'kind' in value && value.kind === 'lambda') return '<lambda>';
  return JSON.stringify(value);
}
