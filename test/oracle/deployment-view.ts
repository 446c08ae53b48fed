/** What the oracle compares: one side's view of a deployment, by lower-cased resource ID. */
export type Verdict = 'pass' | 'fail' | 'review';

/** The resource types whose audit logs the oracle judges, lower-cased. */
export const JUDGED_TYPES = [
  'microsoft.containerregistry/registries',
  'microsoft.keyvault/vaults',
  'microsoft.appconfiguration/configurationstores',
  'microsoft.network/azurefirewalls',
  'microsoft.containerservice/managedclusters',
] as const;

export type JudgedType = (typeof JUDGED_TYPES)[number];

export const isJudgedType = (type: string): type is JudgedType => (JUDGED_TYPES as readonly string[]).includes(type);

export interface TargetView {
  type: JudgedType;
  /** Whether the resource exports its audit logs. */
  verdict: Verdict;
}

export interface SettingView {
  /** `category:<name>=<enabled>` or `categoryGroup:<name>=<enabled>`, sorted. */
  logs: string[];
  /** `<property>=<value>` of each destination that is set, sorted. */
  destinations: string[];
}

export interface DeploymentView {
  /** Deployed resources of the judged types, and their verdicts. */
  targets: Map<string, TargetView>;
  /** Deployed diagnostic settings on any scope. */
  settings: Map<string, SettingView>;
  /** What one side could not work out (an engine problem, an ID it does not know, a report on no target). */
  unknowns: string[];
}

export const DESTINATION_PROPERTIES = ['workspaceId', 'storageAccountId', 'eventHubAuthorizationRuleId', 'eventHubName', 'marketplacePartnerId'] as const;

export const SETTING_TYPE = 'microsoft.insights/diagnosticsettings';
