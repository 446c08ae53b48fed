import type { ResourceInstance } from '../../template/expand/instance';
import { deployedAtScope } from '../../template/expand/resource-ids';
import { isSymbolic } from '../../template/expressions/symbolic';
import type { Value } from '../../template/expressions/value';
import { ScopeIndex } from './scope-match';

const SETTING_TYPE = 'microsoft.insights/diagnosticsettings';

// Every audit-log rule looks up the same settings: the index is built once per deployment.
const indexes = new WeakMap<readonly ResourceInstance[], ScopeIndex<ResourceInstance>>();

const SETTING_SEGMENT = '/providers/microsoft.insights/diagnosticsettings/';
// What a setting deployed with no `scope` is on: the subscription or management group it is deployed at.
const SCOPE_IDS = [/^\/subscriptions\/[^/]*$/i, /^\/providers\/microsoft\.management\/managementgroups\/[^/]*$/i];

/** A subscription's or management group's ID, where a setting without `scope` is deployed at one. */
function scopeAbove(id: Value): Value | undefined {
  const scope = deployedAtScope(id, SETTING_SEGMENT);
  const written = scope === undefined ? '' : typeof scope === 'string' ? scope : isSymbolic(scope) ? (scope.parts ?? []).map((p) => (typeof p === 'string' ? p : 'x')).join('') : '';
  return SCOPE_IDS.some((pattern) => pattern.test(written)) ? scope : undefined;
}

/** The deployment's diagnostic settings (not `existing` ones), indexed by the resource they are on. */
export function settingsIndex(instances: readonly ResourceInstance[]): ScopeIndex<ResourceInstance> {
  let index = indexes.get(instances);
  if (!index) {
    index = new ScopeIndex(
      instances.filter((i) => i.type.toLowerCase() === SETTING_TYPE && !i.existing),
      (setting) => setting.scope ?? scopeAbove(setting.id),
    );
    indexes.set(instances, index);
  }
  return index;
}
