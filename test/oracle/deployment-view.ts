/** What the oracle compares: one side's view of a deployment, by lower-cased resource ID. */
export type Verdict = 'pass' | 'fail' | 'review';

export interface SettingView {
  /** `category:<name>=<enabled>` or `categoryGroup:<name>=<enabled>`, sorted. */
  logs: string[];
  /** `<property>=<value>` of each destination that is set, sorted. */
  destinations: string[];
}

export interface DeploymentView {
  /** Deployed registries and whether they export their audit logs. */
  registries: Map<string, Verdict>;
  /** Deployed diagnostic settings on any scope. */
  settings: Map<string, SettingView>;
  /** What one side could not work out (an engine problem, an ID it does not know). */
  unknowns: string[];
}

export const DESTINATION_PROPERTIES = ['workspaceId', 'storageAccountId', 'eventHubAuthorizationRuleId', 'eventHubName', 'marketplacePartnerId'] as const;

export const REGISTRY_TYPE = 'microsoft.containerregistry/registries';
export const SETTING_TYPE = 'microsoft.insights/diagnosticsettings';
