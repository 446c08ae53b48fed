import { DESTINATION_PROPERTIES, REGISTRY_TYPE, SETTING_TYPE, type DeploymentView, type SettingView, type Verdict } from './deployment-view';
import type { PredictedResource } from './snapshot';

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function settingView(properties: Record<string, unknown>): SettingView {
  const logs = (Array.isArray(properties.logs) ? properties.logs : []).filter(isRecord).map((entry) => {
    const kind = entry.category !== undefined && entry.category !== null ? 'category' : 'categoryGroup';
    return `${kind}:${String(entry[kind])}=${String(entry.enabled)}`;
  });
  const destinations = DESTINATION_PROPERTIES.filter((p) => properties[p] !== undefined && properties[p] !== null).map((p) => `${p}=${String(properties[p])}`);
  return { logs: logs.sort(), destinations: destinations.sort() };
}

const EXPORTS = 'workspaceId storageAccountId eventHubAuthorizationRuleId marketplacePartnerId'.split(' ');
const LOGIN = ['category:ContainerRegistryLoginEvents', 'categoryGroup:audit', 'categoryGroup:allLogs'];
const REPOSITORY = ['category:ContainerRegistryRepositoryEvents', 'categoryGroup:audit', 'categoryGroup:allLogs'];

/**
 * The rule's requirement, read straight off Azure's deployed settings: the registry passes when the
 * settings on it that send somewhere enable, between them, both audit categories or a group holding them.
 */
function verdictOf(registryId: string, settings: ReadonlyMap<string, SettingView>): Verdict {
  const prefix = `${registryId}/providers/microsoft.insights/diagnosticsettings/`;
  const enabled = new Set<string>();
  for (const [id, setting] of settings) {
    if (!id.startsWith(prefix) || !setting.destinations.some((d) => EXPORTS.includes(d.split('=')[0]!))) continue;
    for (const log of setting.logs) if (log.endsWith('=true')) enabled.add(log.slice(0, -'=true'.length));
  }
  const covers = (accepted: string[]) => accepted.some((a) => enabled.has(a));
  return covers(LOGIN) && covers(REPOSITORY) ? 'pass' : 'fail';
}

/** Azure's side: the registries and settings `bicep snapshot` predicts, and the verdict they imply. */
export function snapshotView(resources: readonly PredictedResource[]): DeploymentView {
  const settings = new Map<string, SettingView>();
  for (const r of resources) {
    if (r.type.toLowerCase() === SETTING_TYPE) settings.set(r.id.toLowerCase(), settingView(isRecord(r.properties) ? r.properties : {}));
  }
  const registries = new Map<string, Verdict>();
  for (const r of resources) {
    if (r.type.toLowerCase() === REGISTRY_TYPE) registries.set(r.id.toLowerCase(), verdictOf(r.id.toLowerCase(), settings));
  }
  return { registries, settings, unknowns: [] };
}
