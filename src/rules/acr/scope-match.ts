import { resourceIdKey } from '../../template/expand/resource-ids';
import { isSymbolic, originsOf } from '../../template/expressions/symbolic';
import type { Value } from '../../template/expressions/value';

export type ScopeMatch = 'yes' | 'maybe' | 'no';

const REGISTRY_SEGMENT = '/providers/microsoft.containerregistry/registries/';

function literalText(value: Value): string {
  if (typeof value === 'string') return value;
  if (isSymbolic(value) && value.parts) return value.parts.filter((p): p is string => typeof p === 'string').join('');
  return '';
}

const hasLoopOrigin = (value: Value) => originsOf(value).some((o) => o.kind === 'loop');

/**
 * Whether a diagnostic setting's scope is the registry: `yes` when both IDs are the same,
 * `maybe` when the scope is an ID known only at deployment (a parameter, an output) or both
 * point into loops whose counts are unknown, `no` otherwise.
 */
export function scopeMatches(scope: Value, registryId: Value): ScopeMatch {
  if (resourceIdKey(scope) === resourceIdKey(registryId)) return 'yes';
  if (isSymbolic(scope) && !scope.parts) return 'maybe';
  const pointsAtRegistry = literalText(scope).toLowerCase().includes(REGISTRY_SEGMENT);
  return pointsAtRegistry && hasLoopOrigin(scope) && hasLoopOrigin(registryId) ? 'maybe' : 'no';
}
