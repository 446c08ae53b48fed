import type { ResourceInstance } from '../../template/expand/instance';
import { ScopeIndex } from './scope-match';

const SETTING_TYPE = 'microsoft.insights/diagnosticsettings';

// Every audit-log rule looks up the same settings: the index is built once per deployment.
const indexes = new WeakMap<readonly ResourceInstance[], ScopeIndex<ResourceInstance>>();

/** The deployment's diagnostic settings (not `existing` ones), indexed by the resource they are on. */
export function settingsIndex(instances: readonly ResourceInstance[]): ScopeIndex<ResourceInstance> {
  let index = indexes.get(instances);
  if (!index) {
    index = new ScopeIndex(
      instances.filter((i) => i.type.toLowerCase() === SETTING_TYPE && !i.existing),
      (setting) => setting.scope,
    );
    indexes.set(instances, index);
  }
  return index;
}
