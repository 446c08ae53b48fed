import type { AuditLogRequirement } from './requirement';

/** Microsoft's "Supported logs for <type>" page of Azure Monitor's reference. */
const supportedLogs = (slug: string) => `https://learn.microsoft.com/azure/azure-monitor/reference/supported-logs/${slug}-logs`;
/** The table of the types that have built-in policies for the `allLogs` and `audit` category groups. */
export const GROUP_TABLE = 'https://learn.microsoft.com/azure/azure-monitor/platform/diagnostics-settings-policies-deployifnotexists#supported-resources';

const RESOURCE_LOGS = ['security', 'Azure Well-Architected SE:10', 'MCSB LT-3', 'severity Important'];
const NETWORK_LOGS = ['security', 'Azure Well-Architected SE:10', 'MCSB LT-4', 'severity Important'];

/** What the docs page of a built-in row says beyond the row's facts. */
export interface RowDocs {
  /** Why the logs matter: what an investigation cannot answer without them (Markdown). */
  why: string;
  /** Microsoft's pages the row's facts rest on. */
  references: readonly string[];
  /** Facts the references do not settle, and the reading the rule takes. */
  notes?: readonly string[];
}

export type BuiltInRow = AuditLogRequirement & { docsPath: string; docs?: RowDocs };

function row(fields: Omit<BuiltInRow, 'docsPath' | 'level' | 'securitySeverity' | 'tags'> & Partial<Pick<BuiltInRow, 'tags' | 'securitySeverity'>>): BuiltInRow {
  return { level: 'error', securitySeverity: '7.0', tags: RESOURCE_LOGS, docsPath: `docs/rules/${fields.id}.md`, ...fields };
}

const BOTH_GROUPS = ['audit', 'allLogs'];

/** The built-in audit-log requirements: one rule each, sorted by id. */
export const BUILT_IN_ROWS: readonly BuiltInRow[] = [
  row({
    id: 'Azure.ACR.Logs',
    aliases: ['Azure.ACR.AuditLogs', 'AZR-000535'],
    title: 'Container registries export their audit logs',
    description:
      'Container registries must export the ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents logs (or the audit or allLogs category group) through a diagnostic setting.',
    types: ['Microsoft.ContainerRegistry/registries'],
    categories: ['ContainerRegistryLoginEvents', 'ContainerRegistryRepositoryEvents'],
    groups: BOTH_GROUPS,
    noun: 'registry',
    service: 'container registry',
    consequence: 'nobody can tell who logged in or pushed and pulled images',
    tags: ['security', 'Azure Well-Architected SE:10', 'MCSB LT-4', 'severity Important'],
  }),
  row({
    id: 'Azure.AFD.AuditLogs',
    aliases: [],
    title: 'Front Door Standard and Premium profiles export their access and firewall logs',
    description:
      'Front Door Standard and Premium profiles must export the FrontDoorAccessLog and FrontDoorWebApplicationFirewallLog logs (or the audit or allLogs category group) through a diagnostic setting.',
    types: ['Microsoft.Cdn/profiles'],
    categories: ['FrontDoorAccessLog', 'FrontDoorWebApplicationFirewallLog'],
    groups: BOTH_GROUPS,
    knownCategories: ['AzureCdnAccessLog', 'FrontDoorHealthProbeLog'],
    applies: { path: ['sku', 'name'], oneOf: ['Standard_AzureFrontDoor', 'Premium_AzureFrontDoor'], text: 'is a Front Door Standard or Premium profile' },
    noun: 'Front Door profile',
    service: 'Front Door',
    consequence: 'nobody can tell who sent which request or what the web application firewall blocked',
    tags: NETWORK_LOGS,
    docs: {
      why: 'The access log records every request a Front Door profile served: client address, host, path, status and the rule set that handled it. The web application firewall log records each request a WAF policy matched, with the rule and the action. They are how an attack through the edge, and what the firewall let through, is traced.',
      references: [supportedLogs('microsoft-cdn-profiles'), GROUP_TABLE],
      notes: [
        '`Microsoft.Cdn/profiles` is also the type of classic Azure CDN profiles, which have other logs; the rule judges only profiles whose `sku.name` is `Standard_AzureFrontDoor` or `Premium_AzureFrontDoor`.',
        'Which categories the `audit` group holds for this type is not published; the rule counts the group as covering both, as Azure Monitor documents the group for the type.',
      ],
    },
  }),
  row({
    id: 'Azure.AI.AuditLogs',
    aliases: [],
    title: 'Azure AI services accounts export their audit logs',
    description: 'Azure AI services (Cognitive Services) accounts must export the Audit log (or the audit or allLogs category group) through a diagnostic setting.',
    types: ['Microsoft.CognitiveServices/accounts'],
    categories: ['Audit'],
    groups: BOTH_GROUPS,
    knownCategories: ['AzureOpenAIRequestUsage', 'RequestResponse', 'Trace'],
    noun: 'AI services account',
    service: 'Azure AI services',
    consequence: "nobody can tell who read the account's keys or changed its settings",
    docs: {
      why: "The `Audit` log of an Azure AI services account (Azure OpenAI, Speech, Language and the rest) records operations on the account's keys and settings with the identity that made them. A leaked key or a changed content filter shows up there first.",
      references: [supportedLogs('microsoft-cognitiveservices-accounts'), GROUP_TABLE],
    },
  }),
  row({
    id: 'Azure.AKS.AuditLogs',
    aliases: ['AZR-000022'],
    title: 'AKS clusters export their Kubernetes audit logs',
    description:
      'AKS clusters must export kube-audit or kube-audit-admin, and guard (or the allLogs category group) through a diagnostic setting.',
    types: ['Microsoft.ContainerService/managedClusters'],
    categories: [['kube-audit', 'kube-audit-admin'], 'guard'],
    groups: ['allLogs'],
    knownCategories: [
      'cloud-controller-manager',
      'cluster-autoscaler',
      'csi-azuredisk-controller',
      'csi-azurefile-controller',
      'csi-snapshot-controller',
      'kube-apiserver',
      'kube-controller-manager',
      'kube-scheduler',
    ],
    noun: 'cluster',
    service: 'AKS',
    consequence: 'nobody can tell who did what through the Kubernetes API',
    docs: {
      why: "`kube-audit` is the Kubernetes API server's audit log: every request, with the user, the verb and the object. `kube-audit-admin` is the same without the `get` and `list` requests, for a fraction of the volume, and either one is enough. `guard` records the Microsoft Entra ID and Azure RBAC authorization decisions. Without them nobody can tell who read a secret, created a privileged pod or changed a role binding.",
      references: [supportedLogs('microsoft-containerservice-managedclusters'), GROUP_TABLE],
      notes: [
        'Azure Monitor does not list managed clusters among the types with an `audit` category group, nor say which categories such a group would hold; the rule takes the strict reading and counts only `allLogs` (every category) or the categories themselves.',
      ],
    },
  }),
  row({
    id: 'Azure.AppConfig.AuditLogs',
    aliases: ['AZR-000311'],
    title: 'App Configuration stores export their audit logs',
    description: 'App Configuration stores must export the Audit log (or the audit or allLogs category group) through a diagnostic setting.',
    types: ['Microsoft.AppConfiguration/configurationStores'],
    categories: ['Audit'],
    groups: BOTH_GROUPS,
    knownCategories: ['HttpRequest'],
    noun: 'configuration store',
    service: 'App Configuration',
    consequence: 'nobody can tell who read or changed which key-value',
    docs: {
      why: 'The `Audit` log of an App Configuration store records the requests that read, create, change or delete key-values and feature flags, with the identity behind each. Configuration is where connection strings and switches live: a changed value is a changed application.',
      references: [supportedLogs('microsoft-appconfiguration-configurationstores'), GROUP_TABLE],
    },
  }),
  row({
    id: 'Azure.AppGw.FirewallLogs',
    aliases: [],
    title: 'Application gateways with a web application firewall export its log',
    description:
      'Application gateways of the WAF tiers must export the ApplicationGatewayFirewallLog log (or the allLogs category group) through a diagnostic setting.',
    types: ['Microsoft.Network/applicationGateways'],
    categories: ['ApplicationGatewayFirewallLog'],
    groups: ['allLogs'],
    knownCategories: ['ApplicationGatewayAccessLog', 'ApplicationGatewayPerformanceLog'],
    applies: { path: ['properties', 'sku', 'tier'], oneOf: ['WAF', 'WAF_v2'], text: 'is of a WAF tier' },
    noun: 'application gateway',
    service: 'application gateway',
    consequence: 'nobody can tell which requests the web application firewall matched or blocked',
    tags: NETWORK_LOGS,
    docs: {
      why: "The firewall log of an application gateway records each request its web application firewall matched, with the rule, the client and the action taken. It is how an attack on the applications behind the gateway, and whether detection mode let it through, is traced.",
      references: [supportedLogs('microsoft-network-applicationgateways'), GROUP_TABLE],
      notes: [
        'Application gateways have no `audit` category group (Azure Monitor lists them with `allLogs` only); a setting that names `audit` exports nothing, and the finding says so.',
        'The rule judges only gateways whose `properties.sku.tier` is `WAF` or `WAF_v2`: the other tiers have no firewall.',
      ],
    },
  }),
  row({
    id: 'Azure.APIM.AuditLogs',
    aliases: [],
    title: 'API Management services export their gateway and developer portal audit logs',
    description:
      'API Management services must export the GatewayLogs and DeveloperPortalAuditLogs logs (or the audit or allLogs category group) through a diagnostic setting.',
    types: ['Microsoft.ApiManagement/service'],
    categories: ['GatewayLogs', 'DeveloperPortalAuditLogs'],
    groups: BOTH_GROUPS,
    knownCategories: ['GatewayLlmLogs', 'WebSocketConnectionLogs', 'GatewayMCPLogs'],
    noun: 'API Management service',
    service: 'API Management',
    consequence: 'nobody can tell who called which API or signed in to the developer portal',
    docs: {
      why: "`GatewayLogs` records every request through the API gateway, with the caller, the subscription and the backend's answer. `DeveloperPortalAuditLogs` records sign-ins and account operations in the developer portal, where subscription keys are handed out.",
      references: [supportedLogs('microsoft-apimanagement-service'), GROUP_TABLE],
    },
  }),
  row({
    id: 'Azure.Automation.AuditLogs',
    aliases: ['AZR-000088'],
    title: 'Automation accounts export their audit logs',
    description: 'Automation accounts must export the AuditEvent log (or the audit or allLogs category group) through a diagnostic setting.',
    types: ['Microsoft.Automation/automationAccounts'],
    categories: ['AuditEvent'],
    groups: BOTH_GROUPS,
    knownCategories: ['DscNodeStatus', 'JobLogs', 'JobStreams'],
    noun: 'automation account',
    service: 'Automation',
    consequence: 'nobody can tell who changed a runbook, a credential or a schedule',
    docs: {
      why: "The `AuditEvent` log of an Automation account records changes to its runbooks, credentials, variables and schedules, with who made them. Runbooks run with the account's identity: a changed runbook is code run with those rights.",
      references: [supportedLogs('microsoft-automation-automationaccounts'), GROUP_TABLE],
    },
  }),
  row({
    id: 'Azure.Batch.AuditLogs',
    aliases: [],
    title: 'Batch accounts export their audit logs',
    description: 'Batch accounts must export the AuditLog log (or the audit or allLogs category group) through a diagnostic setting.',
    types: ['Microsoft.Batch/batchAccounts'],
    categories: ['AuditLog'],
    groups: BOTH_GROUPS,
    knownCategories: ['ServiceLog', 'ServiceLogs'],
    noun: 'Batch account',
    service: 'Batch',
    consequence: 'nobody can tell who created or changed pools, jobs and their settings',
    docs: {
      why: 'The `AuditLog` log of a Batch account records the operations that create, change and delete its pools, jobs and certificates, with the identity behind each. Pools run code on machines the account pays for: who started what is the first question after a compromise.',
      references: [supportedLogs('microsoft-batch-batchaccounts'), GROUP_TABLE],
    },
  }),
  row({
    id: 'Azure.Cosmos.AuditLogs',
    aliases: [],
    title: 'Cosmos DB accounts export their control-plane and data-plane requests',
    description:
      'Cosmos DB accounts must export the ControlPlaneRequests and DataPlaneRequests logs (or the audit or allLogs category group) through a diagnostic setting.',
    types: ['Microsoft.DocumentDB/databaseAccounts'],
    categories: ['ControlPlaneRequests', 'DataPlaneRequests'],
    groups: BOTH_GROUPS,
    knownCategories: ['CassandraRequests', 'GremlinRequests', 'MongoRequests', 'PartitionKeyRUConsumption', 'PartitionKeyStatistics', 'QueryRuntimeStatistics', 'TableApiRequests', 'DataPlaneRequests5M', 'DataPlaneRequests15M'],
    noun: 'Cosmos DB account',
    service: 'Cosmos DB',
    consequence: "nobody can tell who read or changed data, or changed the account's keys, firewall or roles",
    docs: {
      why: "`ControlPlaneRequests` records the operations on the account itself: keys, firewall and network rules, role assignments, failover and backup policy. `DataPlaneRequests` records the requests on its data, with the Microsoft Entra principal where one was used.",
      references: [supportedLogs('microsoft-documentdb-databaseaccounts'), GROUP_TABLE],
    },
  }),
  row({
    id: 'Azure.EventHub.AuditLogs',
    aliases: [],
    title: 'Event Hubs namespaces of the Premium and Dedicated tiers export their runtime audit logs',
    description:
      'Event Hubs namespaces of the Premium tier, or in a Dedicated cluster, must export the RuntimeAuditLogs log (or the audit or allLogs category group) through a diagnostic setting.',
    types: ['Microsoft.EventHub/namespaces'],
    categories: ['RuntimeAuditLogs'],
    groups: BOTH_GROUPS,
    knownCategories: [
      'ApplicationMetricsLogs',
      'ArchiveLogs',
      'AutoScaleLogs',
      'CustomerManagedKeyUserLogs',
      'DataDRLogs',
      'DiagnosticErrorLogs',
      'EventHubVNetConnectionEvent',
      'KafkaCoordinatorLogs',
      'KafkaUserErrorLogs',
      'OperationalLogs',
    ],
    applies: { path: ['sku', 'name'], oneOf: ['Premium'], text: 'is of the Premium tier or in a Dedicated cluster', alternative: { path: ['properties', 'clusterArmId'], present: true } },
    noun: 'Event Hubs namespace',
    service: 'Event Hubs',
    consequence: 'nobody can tell who sent or received events, with which key or identity and from where',
    docs: {
      why: "`RuntimeAuditLogs` records the data-plane operations on a namespace's event hubs (sending, receiving, management over AMQP, Kafka and HTTPS) with the authentication type, the key or identity, and the client address.",
      references: [supportedLogs('microsoft-eventhub-namespaces'), 'https://learn.microsoft.com/azure/event-hubs/monitor-event-hubs-reference#runtime-audit-logs', GROUP_TABLE],
      notes: [
        'Runtime audit logs exist only in the Premium and Dedicated tiers: the rule judges namespaces whose `sku.name` is `Premium` or that name a Dedicated cluster (`properties.clusterArmId`); where the tier is decided at deployment, a failure is a review.',
      ],
    },
  }),
  row({
    id: 'Azure.Firewall.Logs',
    aliases: [],
    title: 'Azure Firewalls export their rule logs',
    description:
      'Azure Firewalls must export their network and application rule logs (AZFWNetworkRule and AZFWApplicationRule, or the legacy AzureFirewallNetworkRule and AzureFirewallApplicationRule), or the allLogs category group, through a diagnostic setting.',
    types: ['Microsoft.Network/azureFirewalls'],
    categories: [
      ['AZFWNetworkRule', 'AzureFirewallNetworkRule'],
      ['AZFWApplicationRule', 'AzureFirewallApplicationRule'],
    ],
    groups: ['allLogs'],
    knownCategories: [
      'AZFWApplicationRuleAggregation',
      'AZFWDnsQuery',
      'AZFWFatFlow',
      'AZFWFlowTrace',
      'AZFWFqdnResolveFailure',
      'AZFWIdpsSignature',
      'AZFWNatRule',
      'AZFWNatRuleAggregation',
      'AZFWNetworkRuleAggregation',
      'AZFWThreatIntel',
      'AzureFirewallDnsProxy',
    ],
    noun: 'firewall',
    service: 'Azure Firewall',
    consequence: 'nobody can tell which connections the firewall allowed or denied',
    tags: NETWORK_LOGS,
    docs: {
      why: "A firewall's rule logs record each connection its network and application rules allowed or denied, with source, destination, port and the rule that decided. They are how lateral movement and exfiltration through the firewall are traced.",
      references: [supportedLogs('microsoft-network-azurefirewalls'), GROUP_TABLE],
      notes: [
        'Azure Firewall has no `audit` category group (Azure Monitor lists it with `allLogs` only); a setting that names `audit` exports nothing, and the finding says so.',
        'Each log may be the resource-specific category (`AZFW...`) or the legacy one (`AzureFirewall...`); either counts.',
      ],
    },
  }),
  row({
    id: 'Azure.FrontDoor.Logs',
    aliases: ['AZR-000107'],
    title: 'Front Door (classic) profiles export their access and firewall logs',
    description:
      'Front Door (classic) profiles must export the FrontdoorAccessLog and FrontdoorWebApplicationFirewallLog logs (or the audit or allLogs category group) through a diagnostic setting.',
    types: ['Microsoft.Network/frontDoors'],
    categories: ['FrontdoorAccessLog', 'FrontdoorWebApplicationFirewallLog'],
    groups: BOTH_GROUPS,
    noun: 'Front Door',
    service: 'Front Door (classic)',
    consequence: 'nobody can tell who sent which request or what the web application firewall blocked',
    tags: NETWORK_LOGS,
    docs: {
      why: 'The access log records every request a classic Front Door served; the web application firewall log records each request a WAF policy matched, with the rule and the action.',
      references: [supportedLogs('microsoft-network-frontdoors'), GROUP_TABLE],
      notes: ['The classic type spells its categories `Frontdoor...`, the Standard and Premium type `FrontDoor...`; names match in any letter case, so either spelling counts.'],
    },
  }),
  row({
    id: 'Azure.KeyVault.Logs',
    aliases: ['AZR-000119'],
    title: 'Key vaults and managed HSMs export their audit logs',
    description: 'Key vaults and managed HSMs must export the AuditEvent log (or the audit or allLogs category group) through a diagnostic setting.',
    types: ['Microsoft.KeyVault/vaults', 'Microsoft.KeyVault/managedHSMs'],
    categories: ['AuditEvent'],
    groups: BOTH_GROUPS,
    knownCategories: ['AzurePolicyEvaluationDetails'],
    noun: 'key vault',
    nouns: { 'Microsoft.KeyVault/managedHSMs': 'managed HSM' },
    service: 'Key Vault',
    consequence: 'nobody can tell who read which secret, key or certificate',
    docs: {
      why: '`AuditEvent` records every operation on a vault or managed HSM and on the secrets, keys and certificates in it, authenticated or not, with the caller and the address it came from.',
      references: [supportedLogs('microsoft-keyvault-vaults'), supportedLogs('microsoft-keyvault-managedhsms'), GROUP_TABLE],
    },
  }),
  row({
    id: 'Azure.MySQL.AuditLogs',
    aliases: [],
    title: 'MySQL flexible servers export their audit logs',
    description: 'Azure Database for MySQL flexible servers must export the MySqlAuditLogs log (or the audit or allLogs category group) through a diagnostic setting.',
    types: ['Microsoft.DBforMySQL/flexibleServers'],
    categories: ['MySqlAuditLogs'],
    groups: BOTH_GROUPS,
    knownCategories: ['MySqlSlowLogs'],
    noun: 'MySQL server',
    service: 'MySQL flexible server',
    consequence: 'nobody can tell who connected or what they ran',
    docs: {
      why: "`MySqlAuditLogs` records connections and the statements chosen by the server's `audit_log_events` parameter. The server writes them only while its `audit_log_enabled` parameter is `ON`; this rule checks the export, not that parameter.",
      references: [supportedLogs('microsoft-dbformysql-flexibleservers'), 'https://learn.microsoft.com/azure/mysql/flexible-server/concepts-audit-logs', GROUP_TABLE],
    },
  }),
  row({
    id: 'Azure.PostgreSQL.AuditLogs',
    aliases: [],
    title: 'PostgreSQL flexible servers export their server logs',
    description: 'Azure Database for PostgreSQL flexible servers must export the PostgreSQLLogs log (or the audit or allLogs category group) through a diagnostic setting.',
    types: ['Microsoft.DBforPostgreSQL/flexibleServers'],
    categories: ['PostgreSQLLogs'],
    groups: BOTH_GROUPS,
    knownCategories: ['PostgreSQLFlexDatabaseXacts', 'PostgreSQLFlexQueryStoreRuntime', 'PostgreSQLFlexQueryStoreWaitStats', 'PostgreSQLFlexSessions', 'PostgreSQLFlexTableStats'],
    noun: 'PostgreSQL server',
    service: 'PostgreSQL flexible server',
    consequence: 'nobody can tell who connected or what they ran',
    docs: {
      why: "`PostgreSQLLogs` is the server's log, where connections, authentication failures and the `pgaudit` extension's audit records go. `pgaudit` itself is a server parameter; this rule checks the export.",
      references: [supportedLogs('microsoft-dbforpostgresql-flexibleservers'), 'https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-audit', GROUP_TABLE],
    },
  }),
  row({
    id: 'Azure.Redis.AuditLogs',
    aliases: [],
    title: 'Azure Cache for Redis instances export their authentication audit log',
    description: 'Azure Cache for Redis instances must export the MSEntraAuthenticationAuditLog log (or the audit or allLogs category group) through a diagnostic setting.',
    types: ['Microsoft.Cache/redis'],
    categories: ['MSEntraAuthenticationAuditLog'],
    groups: BOTH_GROUPS,
    knownCategories: ['ConnectedClientList'],
    noun: 'cache',
    service: 'Azure Cache for Redis',
    consequence: 'nobody can tell who authenticated to the cache',
    docs: {
      why: '`MSEntraAuthenticationAuditLog` records each Microsoft Entra authentication to the cache, with the identity and the client address.',
      references: [supportedLogs('microsoft-cache-redis'), GROUP_TABLE],
    },
  }),
  row({
    id: 'Azure.Search.AuditLogs',
    aliases: [],
    title: 'AI Search services export their operation logs',
    description: 'Azure AI Search services must export the OperationLogs log (or the audit or allLogs category group) through a diagnostic setting.',
    types: ['Microsoft.Search/searchServices'],
    categories: ['OperationLogs'],
    groups: BOTH_GROUPS,
    noun: 'search service',
    service: 'AI Search',
    consequence: 'nobody can tell who queried or changed which index',
    docs: {
      why: '`OperationLogs` records the queries and the index, indexer and data source operations of a search service, with the caller.',
      references: [supportedLogs('microsoft-search-searchservices'), GROUP_TABLE],
    },
  }),
  row({
    id: 'Azure.ServiceBus.AuditLogs',
    aliases: ['AZR-000358'],
    title: 'Service Bus namespaces of the Premium tier export their runtime audit logs',
    description: 'Service Bus namespaces of the Premium tier must export the RuntimeAuditLogs log (or the audit or allLogs category group) through a diagnostic setting.',
    types: ['Microsoft.ServiceBus/namespaces'],
    categories: ['RuntimeAuditLogs'],
    groups: BOTH_GROUPS,
    knownCategories: ['ApplicationMetricsLogs', 'DiagnosticErrorLogs', 'OperationalLogs', 'VNetAndIPFilteringLogs'],
    applies: { path: ['sku', 'name'], oneOf: ['Premium'], text: 'is of the Premium tier' },
    noun: 'Service Bus namespace',
    service: 'Service Bus',
    consequence: 'nobody can tell who sent or received messages, with which key or identity and from where',
    docs: {
      why: "`RuntimeAuditLogs` records the data-plane operations on a namespace's queues and topics (sending, receiving, management over AMQP and HTTPS) with the authentication type, the key or identity, and the client address.",
      references: [supportedLogs('microsoft-servicebus-namespaces'), 'https://learn.microsoft.com/azure/service-bus-messaging/monitor-service-bus-reference#runtime-audit-logs', GROUP_TABLE],
      notes: ['Runtime audit logs exist only in the Premium tier: the rule judges namespaces whose `sku.name` is `Premium`; where the tier is decided at deployment, a failure is a review.'],
    },
  }),
  row({
    id: 'Azure.Storage.AuditLogs',
    aliases: [],
    title: "Storage accounts export their services' read, write and delete logs",
    description:
      "The blob service of every storage account, and each declared file, queue and table service, must export the StorageRead, StorageWrite and StorageDelete logs (or the audit or allLogs category group) through a diagnostic setting.",
    types: [
      'Microsoft.Storage/storageAccounts/blobServices',
      'Microsoft.Storage/storageAccounts/fileServices',
      'Microsoft.Storage/storageAccounts/queueServices',
      'Microsoft.Storage/storageAccounts/tableServices',
    ],
    categories: ['StorageRead', 'StorageWrite', 'StorageDelete'],
    groups: BOTH_GROUPS,
    implicitChildren: [{ parentType: 'Microsoft.Storage/storageAccounts', segment: 'blobServices/default' }],
    noun: 'storage service',
    nouns: {
      'Microsoft.Storage/storageAccounts/blobServices': 'blob service',
      'Microsoft.Storage/storageAccounts/fileServices': 'file service',
      'Microsoft.Storage/storageAccounts/queueServices': 'queue service',
      'Microsoft.Storage/storageAccounts/tableServices': 'table service',
    },
    service: 'storage',
    consequence: 'nobody can tell who read, wrote or deleted which data',
    docs: {
      why: "A storage account's logs are its services' logs: `StorageRead`, `StorageWrite` and `StorageDelete` record each request on the blobs, files, queues or tables, with the caller's identity or key, the address and the object. The account itself has only metrics.",
      references: [
        supportedLogs('microsoft-storage-storageaccounts-blobservices'),
        supportedLogs('microsoft-storage-storageaccounts-fileservices'),
        supportedLogs('microsoft-storage-storageaccounts-queueservices'),
        supportedLogs('microsoft-storage-storageaccounts-tableservices'),
        GROUP_TABLE,
      ],
      notes: [
        'Azure creates the blob service (`blobServices/default`) of every storage account, declared or not: an account whose template does not declare it is reported on the account, and the setting goes on the blob service (`scope: blobService`, declared as `Microsoft.Storage/storageAccounts/blobServices` named `default`). File, queue and table services are judged where the template declares them.',
        "Azure Monitor's table of category groups does not list the storage services; the rule counts the `audit` and `allLogs` groups, which Azure accepts on these services, as covering the three categories.",
      ],
    },
  }),
  row({
    id: 'Azure.Synapse.AuditLogs',
    aliases: [],
    title: 'Synapse workspaces export their audit logs',
    description:
      'Synapse workspaces must export the SynapseRbacOperations, SQLSecurityAuditEvents and GatewayApiRequests logs (or the audit or allLogs category group) through a diagnostic setting.',
    types: ['Microsoft.Synapse/workspaces'],
    categories: ['SynapseRbacOperations', 'SQLSecurityAuditEvents', 'GatewayApiRequests'],
    groups: BOTH_GROUPS,
    knownCategories: ['BuiltinSqlReqsEnded', 'IntegrationActivityRuns', 'IntegrationPipelineRuns', 'IntegrationTriggerRuns', 'SynapseLinkEvent'],
    noun: 'Synapse workspace',
    service: 'Synapse',
    consequence: "nobody can tell who changed the workspace's roles or what the SQL endpoints were asked",
    docs: {
      why: "`SynapseRbacOperations` records changes to the workspace's Synapse role assignments, `SQLSecurityAuditEvents` the audit records of its SQL endpoints, and `GatewayApiRequests` the requests through its gateway API.",
      references: [supportedLogs('microsoft-synapse-workspaces'), GROUP_TABLE],
    },
  }),
  row({
    id: 'Azure.WebApp.AuditLogs',
    aliases: [],
    title: 'App Service apps export their access and IP security audit logs',
    description:
      'App Service apps must export the AppServiceAuditLogs and AppServiceIPSecAuditLogs logs (or the allLogs category group) through a diagnostic setting.',
    types: ['Microsoft.Web/sites'],
    categories: ['AppServiceAuditLogs', 'AppServiceIPSecAuditLogs'],
    groups: ['allLogs'],
    knownCategories: [
      'AppServiceAntivirusScanAuditLogs',
      'AppServiceAppLogs',
      'AppServiceAuthenticationLogs',
      'AppServiceConsoleLogs',
      'AppServiceFileAuditLogs',
      'AppServiceHTTPLogs',
      'AppServicePlatformLogs',
      'FunctionAppLogs',
      'WorkflowRuntime',
    ],
    noun: 'app',
    service: 'App Service',
    consequence: 'nobody can tell who signed in to publish or which addresses the access restrictions let in',
    docs: {
      why: "`AppServiceAuditLogs` records sign-ins with publishing credentials (FTP, Web Deploy, the Kudu console); `AppServiceIPSecAuditLogs` records the requests that the app's access restrictions evaluated. A stolen publishing profile is used through exactly these paths.",
      references: [supportedLogs('microsoft-web-sites')],
      notes: [
        "Azure Monitor's table of category groups does not list `Microsoft.Web/sites`, and which categories an `audit` group would hold is not published; the rule takes the strict reading and counts only `allLogs` (every category) or the categories themselves.",
      ],
    },
  }),
];
