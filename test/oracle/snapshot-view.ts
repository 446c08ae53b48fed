import { DESTINATION_PROPERTIES, isJudgedType, SETTING_TYPE, type DeploymentView, type JudgedType, type SettingView, type TargetView } from './deployment-view';
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

interface Requirement {
  /** Each required log: any one of its categories is enough. */
  logs: string[][];
  /** The category groups the type has that export every required log. */
  groups: string[];
}

/**
 * What each judged type must export, written here from the rules' docs pages (docs/rules/), not
 * read from the engine's rows, so that a wrong row shows as a disagreement.
 */
const REQUIRED: Record<JudgedType, Requirement> = {
  // Azure.ACR.Logs
  'microsoft.containerregistry/registries': { logs: [['ContainerRegistryLoginEvents'], ['ContainerRegistryRepositoryEvents']], groups: ['audit', 'allLogs'] },
  // Azure.KeyVault.Logs
  'microsoft.keyvault/vaults': { logs: [['AuditEvent']], groups: ['audit', 'allLogs'] },
  // Azure.AppConfig.AuditLogs
  'microsoft.appconfiguration/configurationstores': { logs: [['Audit']], groups: ['audit', 'allLogs'] },
  // Azure.Firewall.Logs: no `audit` group; each log in its resource-specific or its legacy category.
  'microsoft.network/azurefirewalls': {
    logs: [
      ['AZFWNetworkRule', 'AzureFirewallNetworkRule'],
      ['AZFWApplicationRule', 'AzureFirewallApplicationRule'],
    ],
    groups: ['allLogs'],
  },
  // Azure.AKS.AuditLogs: only `allLogs` counts.
  'microsoft.containerservice/managedclusters': { logs: [['kube-audit', 'kube-audit-admin'], ['guard']], groups: ['allLogs'] },
};

/** Destinations that export; an event hub's name alone sends nowhere. */
const EXPORTS = ['workspaceId', 'storageAccountId', 'eventHubAuthorizationRuleId', 'marketplacePartnerId'];

/**
 * The docs' requirement, read straight off Azure's deployed settings: the resource passes when the
 * settings on it that send somewhere enable, between them, every required log (any of its
 * categories) or a group of the type that holds them all. Names match in any letter case.
 */
function verdictOf(id: string, type: JudgedType, settings: ReadonlyMap<string, SettingView>): TargetView {
  const prefix = `${id}/providers/${SETTING_TYPE}/`;
  const enabled = new Set<string>();
  for (const [settingId, setting] of settings) {
    if (!settingId.startsWith(prefix) || !setting.destinations.some((d) => EXPORTS.includes(d.split('=')[0]!))) continue;
    for (const log of setting.logs) if (log.endsWith('=true')) enabled.add(log.slice(0, -'=true'.length).toLowerCase());
  }
  const { logs, groups } = REQUIRED[type];
  const byGroup = groups.some((g) => enabled.has(`categorygroup:${g.toLowerCase()}`));
  const byCategories = logs.every((anyOf) => anyOf.some((c) => enabled.has(`category:${c.toLowerCase()}`)));
  return { type, verdict: byGroup || byCategories ? 'pass' : 'fail' };
}

/** Azure's side: the judged resources and settings `bicep snapshot` predicts, and the verdicts they imply. */
export function snapshotView(resources: readonly PredictedResource[]): DeploymentView {
  const settings = new Map<string, SettingView>();
  for (const r of resources) {
    if (r.type.toLowerCase() === SETTING_TYPE) settings.set(r.id.toLowerCase(), settingView(isRecord(r.properties) ? r.properties : {}));
  }
  const targets = new Map<string, TargetView>();
  for (const r of resources) {
    const type = r.type.toLowerCase();
    if (isJudgedType(type)) targets.set(r.id.toLowerCase(), verdictOf(r.id.toLowerCase(), type, settings));
  }
  return { targets, settings, unknowns: [] };
}
