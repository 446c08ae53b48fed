/**
 * The resource types the oracle's programs deploy and set diagnostic settings on: how a program
 * declares each, and the log entries its settings pick from (the type's own categories, one it
 * has that no rule asks for, and both category groups, whether or not the type has them).
 */
export interface TargetKind {
  /** Stem of symbols and module files: `registry`. */
  stem: string;
  /** Short prefix of literal names: `acr`. */
  short: string;
  /** The quoted type and API version, as a resource declaration writes it. */
  declaration: string;
  /** Body lines after `name` and `location`, indented by two spaces. */
  body: readonly string[];
  /** `category: 'X'` or `categoryGroup: 'Y'` entries a setting on the type may hold. */
  logEntries: readonly string[];
}

const groups = ["categoryGroup: 'audit'", "categoryGroup: 'allLogs'"];
const categories = (...names: string[]) => names.map((n) => `category: '${n}'`);

export const TARGET_KINDS: readonly TargetKind[] = [
  {
    stem: 'registry',
    short: 'acr',
    declaration: "'Microsoft.ContainerRegistry/registries@2023-07-01'",
    body: ["  sku: { name: 'Basic' }"],
    logEntries: [...categories('ContainerRegistryLoginEvents', 'ContainerRegistryRepositoryEvents'), ...groups],
  },
  {
    stem: 'vault',
    short: 'kv',
    declaration: "'Microsoft.KeyVault/vaults@2023-07-01'",
    body: ['  properties: {', '    tenantId: subscription().tenantId', "    sku: { family: 'A', name: 'standard' }", '  }'],
    logEntries: [...categories('AuditEvent', 'AzurePolicyEvaluationDetails'), ...groups],
  },
  {
    stem: 'store',
    short: 'appcs',
    declaration: "'Microsoft.AppConfiguration/configurationStores@2023-03-01'",
    body: ["  sku: { name: 'standard' }"],
    logEntries: [...categories('Audit', 'HttpRequest'), ...groups],
  },
  {
    stem: 'firewall',
    short: 'afw',
    declaration: "'Microsoft.Network/azureFirewalls@2023-09-01'",
    body: ['  properties: {', "    sku: { name: 'AZFW_VNet', tier: 'Standard' }", '  }'],
    logEntries: [
      ...categories('AZFWNetworkRule', 'AzureFirewallNetworkRule', 'AZFWApplicationRule', 'AzureFirewallApplicationRule', 'AZFWDnsQuery'),
      ...groups,
    ],
  },
  {
    stem: 'cluster',
    short: 'aks',
    declaration: "'Microsoft.ContainerService/managedClusters@2024-02-01'",
    body: ["  identity: { type: 'SystemAssigned' }", '  properties: {', "    dnsPrefix: 'oracle'", '  }'],
    logEntries: [...categories('kube-audit', 'kube-audit-admin', 'guard', 'kube-apiserver'), ...groups],
  },
];
