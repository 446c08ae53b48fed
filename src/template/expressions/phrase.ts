import { isLambda, isSymbolic } from './symbolic';
import type { Value } from './value';

const MAX_SHOWN = 60;

const clip = (text: string): string => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}...` : text);

/** A short phrase for a value in an error message: `'abc'`, `5`, `an array of 3`, `an unknown string`. */
export function phrase(value: Value): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${clip(value)}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isSymbolic(value)) return value.type === 'any' ? `the unknown ${clip(value.key)}` : `an unknown ${value.type}`;
  if (isLambda(value)) return 'a lambda';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return 'an object';
}
