import { isSymbolic, isUnevaluated } from './expressions/symbolic';
import type { Symbolic, Value } from './expressions/value';

// A piece whose expression failed has no expression to show; the evaluation finding beside it says why.
const unknownPiece = (piece: Symbolic) => (isUnevaluated(piece) ? '{not evaluated}' : `{${piece.key}}`);

/** A value as a person reads it: unknown pieces shown as `{what decides them}`. */
export function describeValue(value: Value): string {
  if (typeof value === 'string') return value;
  if (isSymbolic(value)) {
    if (!value.parts) return unknownPiece(value);
    return value.parts.map((p) => (typeof p === 'string' ? p : unknownPiece(p))).join('');
  }
  if (value !== null && typeof value === 'object' && 'kind' in value && value.kind === 'lambda') return '<lambda>';
  return JSON.stringify(value);
}
