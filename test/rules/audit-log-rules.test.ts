import fs from 'node:fs';
import path from 'node:path';
import { auditJson, auditWithRealBicep, BICEP_FIXTURES, seen, type Seen } from '../helpers/real-bicep';
import { makeTree } from '../helpers/temp-tree';
import { RULES } from '../../src/rules/index';

/**
 * Every built-in audit-log rule on its own fixture in bicep-fixtures/audit-logs/, compiled by the
 * real Bicep CLI: one resource per case (every category, the group a fix adds, each category
 * missing, an entry switched off, no destination, a false condition, a loop with one setting per
 * instance, a setting attached from a module to an `existing` resource, a suppression, no
 * setting), and where a row has one, a group the type lacks, a tier it does not judge and a tier
 * decided at deployment. Resources that pass have no finding; the rest are listed in order.
 */
const EXPECTED: Record<string, Omit<Seen, 'ruleId'>[]> = {
  'Azure.ACR.Logs': [
    { at: 'audit-logs/Azure.ACR.Logs.bicep:53:5', level: 'error', message: 'registry \'crmissing0\' does not export ContainerRegistryLoginEvents; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.ACR.Logs.bicep:71:5', level: 'error', message: 'registry \'crmissing1\' does not export ContainerRegistryRepositoryEvents; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.ACR.Logs.bicep:90:51', level: 'error', message: 'registry \'crdisabled\' does not export ContainerRegistryLoginEvents; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.ACR.Logs.bicep:106:3', level: 'error', message: 'diagnostic setting \'audit\' of registry \'crnowhere\' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId' },
    { at: 'audit-logs/Azure.ACR.Logs.bicep:115:1', level: 'error', message: 'registry \'crconditional\' has no diagnostic setting that is deployed: diagnostic setting \'audit\' is not, because its condition is false (parameter \'deployAudit\' is false, its default), so nobody can tell who logged in or pushed and pulled images; make the condition true or add a setting that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the \'audit\' category group' },
    { at: 'audit-logs/Azure.ACR.Logs.bicep:166:1', level: 'error', message: 'registry \'crsuppressed\' has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the \'audit\' category group', suppressed: true },
    { at: 'audit-logs/Azure.ACR.Logs.bicep:173:1', level: 'error', message: 'registry \'crbare\' has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the \'audit\' category group' },
  ],
  'Azure.AFD.AuditLogs': [
    { at: 'audit-logs/Azure.AFD.AuditLogs.bicep:53:5', level: 'error', message: 'Front Door profile \'afdmissing0\' does not export FrontDoorAccessLog; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.AFD.AuditLogs.bicep:71:5', level: 'error', message: 'Front Door profile \'afdmissing1\' does not export FrontDoorWebApplicationFirewallLog; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.AFD.AuditLogs.bicep:90:41', level: 'error', message: 'Front Door profile \'afddisabled\' does not export FrontDoorAccessLog; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.AFD.AuditLogs.bicep:106:3', level: 'error', message: 'diagnostic setting \'audit\' of Front Door profile \'afdnowhere\' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId' },
    { at: 'audit-logs/Azure.AFD.AuditLogs.bicep:115:1', level: 'error', message: 'Front Door profile \'afdconditional\' has no diagnostic setting that is deployed: diagnostic setting \'audit\' is not, because its condition is false (parameter \'deployAudit\' is false, its default), so nobody can tell who sent which request or what the web application firewall blocked; make the condition true or add a setting that enables FrontDoorAccessLog and FrontDoorWebApplicationFirewallLog, or the \'audit\' category group' },
    { at: 'audit-logs/Azure.AFD.AuditLogs.bicep:166:1', level: 'error', message: 'Front Door profile \'afdsuppressed\' has no diagnostic setting, so nobody can tell who sent which request or what the web application firewall blocked; add one that enables FrontDoorAccessLog and FrontDoorWebApplicationFirewallLog, or the \'audit\' category group', suppressed: true },
    { at: 'audit-logs/Azure.AFD.AuditLogs.bicep:173:1', level: 'error', message: 'Front Door profile \'afdbare\' has no diagnostic setting, so nobody can tell who sent which request or what the web application firewall blocked; add one that enables FrontDoorAccessLog and FrontDoorWebApplicationFirewallLog, or the \'audit\' category group' },
  ],
  'Azure.AI.AuditLogs': [
    { at: 'audit-logs/Azure.AI.AuditLogs.bicep:55:5', level: 'error', message: 'AI services account \'aimissing0\' does not export Audit; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.AI.AuditLogs.bicep:74:28', level: 'error', message: 'AI services account \'aidisabled\' does not export Audit; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.AI.AuditLogs.bicep:90:3', level: 'error', message: 'diagnostic setting \'audit\' of AI services account \'ainowhere\' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId' },
    { at: 'audit-logs/Azure.AI.AuditLogs.bicep:98:1', level: 'error', message: 'AI services account \'aiconditional\' has no diagnostic setting that is deployed: diagnostic setting \'audit\' is not, because its condition is false (parameter \'deployAudit\' is false, its default), so nobody can tell who read the account\'s keys or changed its settings; make the condition true or add a setting that enables Audit, or the \'audit\' category group' },
    { at: 'audit-logs/Azure.AI.AuditLogs.bicep:150:1', level: 'error', message: 'AI services account \'aisuppressed\' has no diagnostic setting, so nobody can tell who read the account\'s keys or changed its settings; add one that enables Audit, or the \'audit\' category group', suppressed: true },
    { at: 'audit-logs/Azure.AI.AuditLogs.bicep:158:1', level: 'error', message: 'AI services account \'aibare\' has no diagnostic setting, so nobody can tell who read the account\'s keys or changed its settings; add one that enables Audit, or the \'audit\' category group' },
  ],
  'Azure.AKS.AuditLogs': [
    { at: 'audit-logs/Azure.AKS.AuditLogs.bicep:57:9', level: 'error', message: 'cluster \'aksauditgroup\' does not export kube-audit (or kube-audit-admin) or guard (Microsoft.ContainerService/managedClusters has no \'audit\' category group; use allLogs or the categories kube-audit (or kube-audit-admin) and guard); enable them or the \'allLogs\' category group' },
    { at: 'audit-logs/Azure.AKS.AuditLogs.bicep:75:5', level: 'error', message: 'cluster \'aksmissing0\' does not export kube-audit (or kube-audit-admin); enable it or the \'allLogs\' category group' },
    { at: 'audit-logs/Azure.AKS.AuditLogs.bicep:94:5', level: 'error', message: 'cluster \'aksmissing1\' does not export guard; enable it or the \'allLogs\' category group' },
    { at: 'audit-logs/Azure.AKS.AuditLogs.bicep:114:39', level: 'error', message: 'cluster \'aksdisabled\' does not export kube-audit (or kube-audit-admin); enable it or the \'allLogs\' category group' },
    { at: 'audit-logs/Azure.AKS.AuditLogs.bicep:131:3', level: 'error', message: 'diagnostic setting \'audit\' of cluster \'aksnowhere\' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId' },
    { at: 'audit-logs/Azure.AKS.AuditLogs.bicep:140:1', level: 'error', message: 'cluster \'aksconditional\' has no diagnostic setting that is deployed: diagnostic setting \'audit\' is not, because its condition is false (parameter \'deployAudit\' is false, its default), so nobody can tell who did what through the Kubernetes API; make the condition true or add a setting that enables kube-audit (or kube-audit-admin) and guard, or the \'allLogs\' category group' },
    { at: 'audit-logs/Azure.AKS.AuditLogs.bicep:194:1', level: 'error', message: 'cluster \'akssuppressed\' has no diagnostic setting, so nobody can tell who did what through the Kubernetes API; add one that enables kube-audit (or kube-audit-admin) and guard, or the \'allLogs\' category group', suppressed: true },
    { at: 'audit-logs/Azure.AKS.AuditLogs.bicep:202:1', level: 'error', message: 'cluster \'aksbare\' has no diagnostic setting, so nobody can tell who did what through the Kubernetes API; add one that enables kube-audit (or kube-audit-admin) and guard, or the \'allLogs\' category group' },
  ],
  'Azure.APIM.AuditLogs': [
    { at: 'audit-logs/Azure.APIM.AuditLogs.bicep:56:5', level: 'error', message: 'API Management service \'apimmissing0\' does not export GatewayLogs; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.APIM.AuditLogs.bicep:75:5', level: 'error', message: 'API Management service \'apimmissing1\' does not export DeveloperPortalAuditLogs; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.APIM.AuditLogs.bicep:95:34', level: 'error', message: 'API Management service \'apimdisabled\' does not export GatewayLogs; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.APIM.AuditLogs.bicep:112:3', level: 'error', message: 'diagnostic setting \'audit\' of API Management service \'apimnowhere\' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId' },
    { at: 'audit-logs/Azure.APIM.AuditLogs.bicep:121:1', level: 'error', message: 'API Management service \'apimconditional\' has no diagnostic setting that is deployed: diagnostic setting \'audit\' is not, because its condition is false (parameter \'deployAudit\' is false, its default), so nobody can tell who called which API or signed in to the developer portal; make the condition true or add a setting that enables GatewayLogs and DeveloperPortalAuditLogs, or the \'audit\' category group' },
    { at: 'audit-logs/Azure.APIM.AuditLogs.bicep:175:1', level: 'error', message: 'API Management service \'apimsuppressed\' has no diagnostic setting, so nobody can tell who called which API or signed in to the developer portal; add one that enables GatewayLogs and DeveloperPortalAuditLogs, or the \'audit\' category group', suppressed: true },
    { at: 'audit-logs/Azure.APIM.AuditLogs.bicep:183:1', level: 'error', message: 'API Management service \'apimbare\' has no diagnostic setting, so nobody can tell who called which API or signed in to the developer portal; add one that enables GatewayLogs and DeveloperPortalAuditLogs, or the \'audit\' category group' },
  ],
  'Azure.AppConfig.AuditLogs': [
    { at: 'audit-logs/Azure.AppConfig.AuditLogs.bicep:52:5', level: 'error', message: 'configuration store \'appcsmissing0\' does not export Audit; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.AppConfig.AuditLogs.bicep:70:28', level: 'error', message: 'configuration store \'appcsdisabled\' does not export Audit; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.AppConfig.AuditLogs.bicep:85:3', level: 'error', message: 'diagnostic setting \'audit\' of configuration store \'appcsnowhere\' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId' },
    { at: 'audit-logs/Azure.AppConfig.AuditLogs.bicep:93:1', level: 'error', message: 'configuration store \'appcsconditional\' has no diagnostic setting that is deployed: diagnostic setting \'audit\' is not, because its condition is false (parameter \'deployAudit\' is false, its default), so nobody can tell who read or changed which key-value; make the condition true or add a setting that enables Audit, or the \'audit\' category group' },
    { at: 'audit-logs/Azure.AppConfig.AuditLogs.bicep:142:1', level: 'error', message: 'configuration store \'appcssuppressed\' has no diagnostic setting, so nobody can tell who read or changed which key-value; add one that enables Audit, or the \'audit\' category group', suppressed: true },
    { at: 'audit-logs/Azure.AppConfig.AuditLogs.bicep:149:1', level: 'error', message: 'configuration store \'appcsbare\' has no diagnostic setting, so nobody can tell who read or changed which key-value; add one that enables Audit, or the \'audit\' category group' },
  ],
  'Azure.AppGw.FirewallLogs': [
    { at: 'audit-logs/Azure.AppGw.FirewallLogs.bicep:53:9', level: 'error', message: 'application gateway \'agwauditgroup\' does not export ApplicationGatewayFirewallLog (Microsoft.Network/applicationGateways has no \'audit\' category group; use allLogs or the categories ApplicationGatewayFirewallLog); enable it or the \'allLogs\' category group' },
    { at: 'audit-logs/Azure.AppGw.FirewallLogs.bicep:70:5', level: 'error', message: 'application gateway \'agwmissing0\' does not export ApplicationGatewayFirewallLog; enable it or the \'allLogs\' category group' },
    { at: 'audit-logs/Azure.AppGw.FirewallLogs.bicep:88:52', level: 'error', message: 'application gateway \'agwdisabled\' does not export ApplicationGatewayFirewallLog; enable it or the \'allLogs\' category group' },
    { at: 'audit-logs/Azure.AppGw.FirewallLogs.bicep:103:3', level: 'error', message: 'diagnostic setting \'audit\' of application gateway \'agwnowhere\' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId' },
    { at: 'audit-logs/Azure.AppGw.FirewallLogs.bicep:111:1', level: 'error', message: 'application gateway \'agwconditional\' has no diagnostic setting that is deployed: diagnostic setting \'audit\' is not, because its condition is false (parameter \'deployAudit\' is false, its default), so nobody can tell which requests the web application firewall matched or blocked; make the condition true or add a setting that enables ApplicationGatewayFirewallLog, or the \'allLogs\' category group' },
    { at: 'audit-logs/Azure.AppGw.FirewallLogs.bicep:160:1', level: 'error', message: 'application gateway \'agwsuppressed\' has no diagnostic setting, so nobody can tell which requests the web application firewall matched or blocked; add one that enables ApplicationGatewayFirewallLog, or the \'allLogs\' category group', suppressed: true },
    { at: 'audit-logs/Azure.AppGw.FirewallLogs.bicep:167:1', level: 'error', message: 'application gateway \'agwbare\' has no diagnostic setting, so nobody can tell which requests the web application firewall matched or blocked; add one that enables ApplicationGatewayFirewallLog, or the \'allLogs\' category group' },
  ],
  'Azure.Automation.AuditLogs': [
    { at: 'audit-logs/Azure.Automation.AuditLogs.bicep:52:5', level: 'error', message: 'automation account \'aamissing0\' does not export AuditEvent; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Automation.AuditLogs.bicep:70:33', level: 'error', message: 'automation account \'aadisabled\' does not export AuditEvent; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Automation.AuditLogs.bicep:85:3', level: 'error', message: 'diagnostic setting \'audit\' of automation account \'aanowhere\' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId' },
    { at: 'audit-logs/Azure.Automation.AuditLogs.bicep:93:1', level: 'error', message: 'automation account \'aaconditional\' has no diagnostic setting that is deployed: diagnostic setting \'audit\' is not, because its condition is false (parameter \'deployAudit\' is false, its default), so nobody can tell who changed a runbook, a credential or a schedule; make the condition true or add a setting that enables AuditEvent, or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Automation.AuditLogs.bicep:142:1', level: 'error', message: 'automation account \'aasuppressed\' has no diagnostic setting, so nobody can tell who changed a runbook, a credential or a schedule; add one that enables AuditEvent, or the \'audit\' category group', suppressed: true },
    { at: 'audit-logs/Azure.Automation.AuditLogs.bicep:149:1', level: 'error', message: 'automation account \'aabare\' has no diagnostic setting, so nobody can tell who changed a runbook, a credential or a schedule; add one that enables AuditEvent, or the \'audit\' category group' },
  ],
  'Azure.Batch.AuditLogs': [
    { at: 'audit-logs/Azure.Batch.AuditLogs.bicep:49:5', level: 'error', message: 'Batch account \'bamissing0\' does not export AuditLog; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Batch.AuditLogs.bicep:66:31', level: 'error', message: 'Batch account \'badisabled\' does not export AuditLog; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Batch.AuditLogs.bicep:80:3', level: 'error', message: 'diagnostic setting \'audit\' of Batch account \'banowhere\' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId' },
    { at: 'audit-logs/Azure.Batch.AuditLogs.bicep:88:1', level: 'error', message: 'Batch account \'baconditional\' has no diagnostic setting that is deployed: diagnostic setting \'audit\' is not, because its condition is false (parameter \'deployAudit\' is false, its default), so nobody can tell who created or changed pools, jobs and their settings; make the condition true or add a setting that enables AuditLog, or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Batch.AuditLogs.bicep:134:1', level: 'error', message: 'Batch account \'basuppressed\' has no diagnostic setting, so nobody can tell who created or changed pools, jobs and their settings; add one that enables AuditLog, or the \'audit\' category group', suppressed: true },
    { at: 'audit-logs/Azure.Batch.AuditLogs.bicep:140:1', level: 'error', message: 'Batch account \'babare\' has no diagnostic setting, so nobody can tell who created or changed pools, jobs and their settings; add one that enables AuditLog, or the \'audit\' category group' },
  ],
  'Azure.Cosmos.AuditLogs': [
    { at: 'audit-logs/Azure.Cosmos.AuditLogs.bicep:53:5', level: 'error', message: 'Cosmos DB account \'cosmosmissing0\' does not export ControlPlaneRequests; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Cosmos.AuditLogs.bicep:71:5', level: 'error', message: 'Cosmos DB account \'cosmosmissing1\' does not export DataPlaneRequests; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Cosmos.AuditLogs.bicep:90:43', level: 'error', message: 'Cosmos DB account \'cosmosdisabled\' does not export ControlPlaneRequests; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Cosmos.AuditLogs.bicep:106:3', level: 'error', message: 'diagnostic setting \'audit\' of Cosmos DB account \'cosmosnowhere\' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId' },
    { at: 'audit-logs/Azure.Cosmos.AuditLogs.bicep:115:1', level: 'error', message: 'Cosmos DB account \'cosmosconditional\' has no diagnostic setting that is deployed: diagnostic setting \'audit\' is not, because its condition is false (parameter \'deployAudit\' is false, its default), so nobody can tell who read or changed data, or changed the account\'s keys, firewall or roles; make the condition true or add a setting that enables ControlPlaneRequests and DataPlaneRequests, or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Cosmos.AuditLogs.bicep:166:1', level: 'error', message: 'Cosmos DB account \'cosmossuppressed\' has no diagnostic setting, so nobody can tell who read or changed data, or changed the account\'s keys, firewall or roles; add one that enables ControlPlaneRequests and DataPlaneRequests, or the \'audit\' category group', suppressed: true },
    { at: 'audit-logs/Azure.Cosmos.AuditLogs.bicep:173:1', level: 'error', message: 'Cosmos DB account \'cosmosbare\' has no diagnostic setting, so nobody can tell who read or changed data, or changed the account\'s keys, firewall or roles; add one that enables ControlPlaneRequests and DataPlaneRequests, or the \'audit\' category group' },
  ],
  'Azure.EventHub.AuditLogs': [
    { at: 'audit-logs/Azure.EventHub.AuditLogs.bicep:52:5', level: 'error', message: 'Event Hubs namespace \'evhmissing0\' does not export RuntimeAuditLogs; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.EventHub.AuditLogs.bicep:70:39', level: 'error', message: 'Event Hubs namespace \'evhdisabled\' does not export RuntimeAuditLogs; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.EventHub.AuditLogs.bicep:85:3', level: 'error', message: 'diagnostic setting \'audit\' of Event Hubs namespace \'evhnowhere\' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId' },
    { at: 'audit-logs/Azure.EventHub.AuditLogs.bicep:93:1', level: 'error', message: 'Event Hubs namespace \'evhconditional\' has no diagnostic setting that is deployed: diagnostic setting \'audit\' is not, because its condition is false (parameter \'deployAudit\' is false, its default), so nobody can tell who sent or received events, with which key or identity and from where; make the condition true or add a setting that enables RuntimeAuditLogs, or the \'audit\' category group' },
    { at: 'audit-logs/Azure.EventHub.AuditLogs.bicep:142:1', level: 'error', message: 'Event Hubs namespace \'evhsuppressed\' has no diagnostic setting, so nobody can tell who sent or received events, with which key or identity and from where; add one that enables RuntimeAuditLogs, or the \'audit\' category group', suppressed: true },
    { at: 'audit-logs/Azure.EventHub.AuditLogs.bicep:149:1', level: 'error', message: 'Event Hubs namespace \'evhbare\' has no diagnostic setting, so nobody can tell who sent or received events, with which key or identity and from where; add one that enables RuntimeAuditLogs, or the \'audit\' category group' },
  ],
  'Azure.Firewall.Logs': [
    { at: 'audit-logs/Azure.Firewall.Logs.bicep:54:9', level: 'error', message: 'firewall \'afwauditgroup\' does not export AZFWNetworkRule (or AzureFirewallNetworkRule) or AZFWApplicationRule (or AzureFirewallApplicationRule) (Microsoft.Network/azureFirewalls has no \'audit\' category group; use allLogs or the categories AZFWNetworkRule (or AzureFirewallNetworkRule) and AZFWApplicationRule (or AzureFirewallApplicationRule)); enable them or the \'allLogs\' category group' },
    { at: 'audit-logs/Azure.Firewall.Logs.bicep:71:5', level: 'error', message: 'firewall \'afwmissing0\' does not export AZFWNetworkRule (or AzureFirewallNetworkRule); enable it or the \'allLogs\' category group' },
    { at: 'audit-logs/Azure.Firewall.Logs.bicep:89:5', level: 'error', message: 'firewall \'afwmissing1\' does not export AZFWApplicationRule (or AzureFirewallApplicationRule); enable it or the \'allLogs\' category group' },
    { at: 'audit-logs/Azure.Firewall.Logs.bicep:108:38', level: 'error', message: 'firewall \'afwdisabled\' does not export AZFWNetworkRule (or AzureFirewallNetworkRule); enable it or the \'allLogs\' category group' },
    { at: 'audit-logs/Azure.Firewall.Logs.bicep:124:3', level: 'error', message: 'diagnostic setting \'audit\' of firewall \'afwnowhere\' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId' },
    { at: 'audit-logs/Azure.Firewall.Logs.bicep:133:1', level: 'error', message: 'firewall \'afwconditional\' has no diagnostic setting that is deployed: diagnostic setting \'audit\' is not, because its condition is false (parameter \'deployAudit\' is false, its default), so nobody can tell which connections the firewall allowed or denied; make the condition true or add a setting that enables AZFWNetworkRule (or AzureFirewallNetworkRule) and AZFWApplicationRule (or AzureFirewallApplicationRule), or the \'allLogs\' category group' },
    { at: 'audit-logs/Azure.Firewall.Logs.bicep:184:1', level: 'error', message: 'firewall \'afwsuppressed\' has no diagnostic setting, so nobody can tell which connections the firewall allowed or denied; add one that enables AZFWNetworkRule (or AzureFirewallNetworkRule) and AZFWApplicationRule (or AzureFirewallApplicationRule), or the \'allLogs\' category group', suppressed: true },
    { at: 'audit-logs/Azure.Firewall.Logs.bicep:191:1', level: 'error', message: 'firewall \'afwbare\' has no diagnostic setting, so nobody can tell which connections the firewall allowed or denied; add one that enables AZFWNetworkRule (or AzureFirewallNetworkRule) and AZFWApplicationRule (or AzureFirewallApplicationRule), or the \'allLogs\' category group' },
  ],
  'Azure.FrontDoor.Logs': [
    { at: 'audit-logs/Azure.FrontDoor.Logs.bicep:50:5', level: 'error', message: 'Front Door \'fdmissing0\' does not export FrontdoorAccessLog; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.FrontDoor.Logs.bicep:67:5', level: 'error', message: 'Front Door \'fdmissing1\' does not export FrontdoorWebApplicationFirewallLog; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.FrontDoor.Logs.bicep:85:41', level: 'error', message: 'Front Door \'fddisabled\' does not export FrontdoorAccessLog; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.FrontDoor.Logs.bicep:100:3', level: 'error', message: 'diagnostic setting \'audit\' of Front Door \'fdnowhere\' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId' },
    { at: 'audit-logs/Azure.FrontDoor.Logs.bicep:109:1', level: 'error', message: 'Front Door \'fdconditional\' has no diagnostic setting that is deployed: diagnostic setting \'audit\' is not, because its condition is false (parameter \'deployAudit\' is false, its default), so nobody can tell who sent which request or what the web application firewall blocked; make the condition true or add a setting that enables FrontdoorAccessLog and FrontdoorWebApplicationFirewallLog, or the \'audit\' category group' },
    { at: 'audit-logs/Azure.FrontDoor.Logs.bicep:157:1', level: 'error', message: 'Front Door \'fdsuppressed\' has no diagnostic setting, so nobody can tell who sent which request or what the web application firewall blocked; add one that enables FrontdoorAccessLog and FrontdoorWebApplicationFirewallLog, or the \'audit\' category group', suppressed: true },
    { at: 'audit-logs/Azure.FrontDoor.Logs.bicep:163:1', level: 'error', message: 'Front Door \'fdbare\' has no diagnostic setting, so nobody can tell who sent which request or what the web application firewall blocked; add one that enables FrontdoorAccessLog and FrontdoorWebApplicationFirewallLog, or the \'audit\' category group' },
  ],
  'Azure.KeyVault.Logs': [
    { at: 'audit-logs/Azure.KeyVault.Logs.bicep:52:5', level: 'error', message: 'key vault \'kvmissing0\' does not export AuditEvent; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.KeyVault.Logs.bicep:70:33', level: 'error', message: 'key vault \'kvdisabled\' does not export AuditEvent; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.KeyVault.Logs.bicep:85:3', level: 'error', message: 'diagnostic setting \'audit\' of key vault \'kvnowhere\' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId' },
    { at: 'audit-logs/Azure.KeyVault.Logs.bicep:93:1', level: 'error', message: 'key vault \'kvconditional\' has no diagnostic setting that is deployed: diagnostic setting \'audit\' is not, because its condition is false (parameter \'deployAudit\' is false, its default), so nobody can tell who read which secret, key or certificate; make the condition true or add a setting that enables AuditEvent, or the \'audit\' category group' },
    { at: 'audit-logs/Azure.KeyVault.Logs.bicep:142:1', level: 'error', message: 'key vault \'kvsuppressed\' has no diagnostic setting, so nobody can tell who read which secret, key or certificate; add one that enables AuditEvent, or the \'audit\' category group', suppressed: true },
    { at: 'audit-logs/Azure.KeyVault.Logs.bicep:149:1', level: 'error', message: 'key vault \'kvbare\' has no diagnostic setting, so nobody can tell who read which secret, key or certificate; add one that enables AuditEvent, or the \'audit\' category group' },
  ],
  'Azure.MySQL.AuditLogs': [
    { at: 'audit-logs/Azure.MySQL.AuditLogs.bicep:52:5', level: 'error', message: 'MySQL server \'mysqlmissing0\' does not export MySqlAuditLogs; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.MySQL.AuditLogs.bicep:70:37', level: 'error', message: 'MySQL server \'mysqldisabled\' does not export MySqlAuditLogs; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.MySQL.AuditLogs.bicep:85:3', level: 'error', message: 'diagnostic setting \'audit\' of MySQL server \'mysqlnowhere\' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId' },
    { at: 'audit-logs/Azure.MySQL.AuditLogs.bicep:93:1', level: 'error', message: 'MySQL server \'mysqlconditional\' has no diagnostic setting that is deployed: diagnostic setting \'audit\' is not, because its condition is false (parameter \'deployAudit\' is false, its default), so nobody can tell who connected or what they ran; make the condition true or add a setting that enables MySqlAuditLogs, or the \'audit\' category group' },
    { at: 'audit-logs/Azure.MySQL.AuditLogs.bicep:142:1', level: 'error', message: 'MySQL server \'mysqlsuppressed\' has no diagnostic setting, so nobody can tell who connected or what they ran; add one that enables MySqlAuditLogs, or the \'audit\' category group', suppressed: true },
    { at: 'audit-logs/Azure.MySQL.AuditLogs.bicep:149:1', level: 'error', message: 'MySQL server \'mysqlbare\' has no diagnostic setting, so nobody can tell who connected or what they ran; add one that enables MySqlAuditLogs, or the \'audit\' category group' },
  ],
  'Azure.PostgreSQL.AuditLogs': [
    { at: 'audit-logs/Azure.PostgreSQL.AuditLogs.bicep:52:5', level: 'error', message: 'PostgreSQL server \'psqlmissing0\' does not export PostgreSQLLogs; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.PostgreSQL.AuditLogs.bicep:70:37', level: 'error', message: 'PostgreSQL server \'psqldisabled\' does not export PostgreSQLLogs; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.PostgreSQL.AuditLogs.bicep:85:3', level: 'error', message: 'diagnostic setting \'audit\' of PostgreSQL server \'psqlnowhere\' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId' },
    { at: 'audit-logs/Azure.PostgreSQL.AuditLogs.bicep:93:1', level: 'error', message: 'PostgreSQL server \'psqlconditional\' has no diagnostic setting that is deployed: diagnostic setting \'audit\' is not, because its condition is false (parameter \'deployAudit\' is false, its default), so nobody can tell who connected or what they ran; make the condition true or add a setting that enables PostgreSQLLogs, or the \'audit\' category group' },
    { at: 'audit-logs/Azure.PostgreSQL.AuditLogs.bicep:142:1', level: 'error', message: 'PostgreSQL server \'psqlsuppressed\' has no diagnostic setting, so nobody can tell who connected or what they ran; add one that enables PostgreSQLLogs, or the \'audit\' category group', suppressed: true },
    { at: 'audit-logs/Azure.PostgreSQL.AuditLogs.bicep:149:1', level: 'error', message: 'PostgreSQL server \'psqlbare\' has no diagnostic setting, so nobody can tell who connected or what they ran; add one that enables PostgreSQLLogs, or the \'audit\' category group' },
  ],
  'Azure.Redis.AuditLogs': [
    { at: 'audit-logs/Azure.Redis.AuditLogs.bicep:52:5', level: 'error', message: 'cache \'redismissing0\' does not export MSEntraAuthenticationAuditLog; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Redis.AuditLogs.bicep:70:52', level: 'error', message: 'cache \'redisdisabled\' does not export MSEntraAuthenticationAuditLog; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Redis.AuditLogs.bicep:85:3', level: 'error', message: 'diagnostic setting \'audit\' of cache \'redisnowhere\' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId' },
    { at: 'audit-logs/Azure.Redis.AuditLogs.bicep:93:1', level: 'error', message: 'cache \'redisconditional\' has no diagnostic setting that is deployed: diagnostic setting \'audit\' is not, because its condition is false (parameter \'deployAudit\' is false, its default), so nobody can tell who authenticated to the cache; make the condition true or add a setting that enables MSEntraAuthenticationAuditLog, or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Redis.AuditLogs.bicep:142:1', level: 'error', message: 'cache \'redissuppressed\' has no diagnostic setting, so nobody can tell who authenticated to the cache; add one that enables MSEntraAuthenticationAuditLog, or the \'audit\' category group', suppressed: true },
    { at: 'audit-logs/Azure.Redis.AuditLogs.bicep:149:1', level: 'error', message: 'cache \'redisbare\' has no diagnostic setting, so nobody can tell who authenticated to the cache; add one that enables MSEntraAuthenticationAuditLog, or the \'audit\' category group' },
  ],
  'Azure.Search.AuditLogs': [
    { at: 'audit-logs/Azure.Search.AuditLogs.bicep:52:5', level: 'error', message: 'search service \'srchmissing0\' does not export OperationLogs; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Search.AuditLogs.bicep:70:36', level: 'error', message: 'search service \'srchdisabled\' does not export OperationLogs; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Search.AuditLogs.bicep:85:3', level: 'error', message: 'diagnostic setting \'audit\' of search service \'srchnowhere\' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId' },
    { at: 'audit-logs/Azure.Search.AuditLogs.bicep:93:1', level: 'error', message: 'search service \'srchconditional\' has no diagnostic setting that is deployed: diagnostic setting \'audit\' is not, because its condition is false (parameter \'deployAudit\' is false, its default), so nobody can tell who queried or changed which index; make the condition true or add a setting that enables OperationLogs, or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Search.AuditLogs.bicep:142:1', level: 'error', message: 'search service \'srchsuppressed\' has no diagnostic setting, so nobody can tell who queried or changed which index; add one that enables OperationLogs, or the \'audit\' category group', suppressed: true },
    { at: 'audit-logs/Azure.Search.AuditLogs.bicep:149:1', level: 'error', message: 'search service \'srchbare\' has no diagnostic setting, so nobody can tell who queried or changed which index; add one that enables OperationLogs, or the \'audit\' category group' },
  ],
  'Azure.ServiceBus.AuditLogs': [
    { at: 'audit-logs/Azure.ServiceBus.AuditLogs.bicep:52:5', level: 'error', message: 'Service Bus namespace \'sbmissing0\' does not export RuntimeAuditLogs; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.ServiceBus.AuditLogs.bicep:70:39', level: 'error', message: 'Service Bus namespace \'sbdisabled\' does not export RuntimeAuditLogs; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.ServiceBus.AuditLogs.bicep:85:3', level: 'error', message: 'diagnostic setting \'audit\' of Service Bus namespace \'sbnowhere\' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId' },
    { at: 'audit-logs/Azure.ServiceBus.AuditLogs.bicep:93:1', level: 'error', message: 'Service Bus namespace \'sbconditional\' has no diagnostic setting that is deployed: diagnostic setting \'audit\' is not, because its condition is false (parameter \'deployAudit\' is false, its default), so nobody can tell who sent or received messages, with which key or identity and from where; make the condition true or add a setting that enables RuntimeAuditLogs, or the \'audit\' category group' },
    { at: 'audit-logs/Azure.ServiceBus.AuditLogs.bicep:142:1', level: 'error', message: 'Service Bus namespace \'sbsuppressed\' has no diagnostic setting, so nobody can tell who sent or received messages, with which key or identity and from where; add one that enables RuntimeAuditLogs, or the \'audit\' category group', suppressed: true },
    { at: 'audit-logs/Azure.ServiceBus.AuditLogs.bicep:149:1', level: 'error', message: 'Service Bus namespace \'sbbare\' has no diagnostic setting, so nobody can tell who sent or received messages, with which key or identity and from where; add one that enables RuntimeAuditLogs, or the \'audit\' category group' },
    { at: 'audit-logs/Azure.ServiceBus.AuditLogs.bicep:164:1', level: 'warning', message: 'whether Service Bus namespace \'sbtierunknown\' is of the Premium tier is decided at deployment by parameter \'tier\' (declared at Azure.ServiceBus.AuditLogs.bicep:163:1), which has no value; if it is: Service Bus namespace \'sbtierunknown\' has no diagnostic setting, so nobody can tell who sent or received messages, with which key or identity and from where; add one that enables RuntimeAuditLogs, or the \'audit\' category group' },
  ],
  'Azure.Storage.AuditLogs': [
    { at: 'audit-logs/Azure.Storage.AuditLogs.bicep:72:5', level: 'error', message: 'blob service \'stmissing/default\' does not export StorageDelete; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Storage.AuditLogs.bicep:98:34', level: 'error', message: 'blob service \'stdisabled/default\' does not export StorageRead; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Storage.AuditLogs.bicep:113:1', level: 'error', message: 'blob service \'stconditional/default\' has no diagnostic setting that is deployed: diagnostic setting \'audit\' is not, because its condition is false (parameter \'deployAudit\' is false, its default), so nobody can tell who read, wrote or deleted which data; make the condition true or add a setting that enables StorageRead, StorageWrite and StorageDelete, or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Storage.AuditLogs.bicep:132:1', level: 'error', message: 'blob service \'staccountonly/default\' (which Azure creates with its parent) has no diagnostic setting, so nobody can tell who read, wrote or deleted which data; add one that enables StorageRead, StorageWrite and StorageDelete, or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Storage.AuditLogs.bicep:163:1', level: 'error', message: 'file service \'stfiletoo/default\' has no diagnostic setting, so nobody can tell who read, wrote or deleted which data; add one that enables StorageRead, StorageWrite and StorageDelete, or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Storage.AuditLogs.bicep:169:1', level: 'error', message: 'blob service \'stonaccount/default\' (which Azure creates with its parent) has no diagnostic setting, so nobody can tell who read, wrote or deleted which data; add one that enables StorageRead, StorageWrite and StorageDelete, or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Storage.AuditLogs.bicep:202:1', level: 'error', message: 'blob service \'stsuppressed/default\' (which Azure creates with its parent) has no diagnostic setting, so nobody can tell who read, wrote or deleted which data; add one that enables StorageRead, StorageWrite and StorageDelete, or the \'audit\' category group', suppressed: true },
  ],
  'Azure.Synapse.AuditLogs': [
    { at: 'audit-logs/Azure.Synapse.AuditLogs.bicep:57:5', level: 'error', message: 'Synapse workspace \'synmissing0\' does not export SynapseRbacOperations; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Synapse.AuditLogs.bicep:77:5', level: 'error', message: 'Synapse workspace \'synmissing1\' does not export SQLSecurityAuditEvents; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Synapse.AuditLogs.bicep:97:5', level: 'error', message: 'Synapse workspace \'synmissing2\' does not export GatewayApiRequests; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Synapse.AuditLogs.bicep:118:44', level: 'error', message: 'Synapse workspace \'syndisabled\' does not export SynapseRbacOperations; enable it or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Synapse.AuditLogs.bicep:136:3', level: 'error', message: 'diagnostic setting \'audit\' of Synapse workspace \'synnowhere\' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId' },
    { at: 'audit-logs/Azure.Synapse.AuditLogs.bicep:146:1', level: 'error', message: 'Synapse workspace \'synconditional\' has no diagnostic setting that is deployed: diagnostic setting \'audit\' is not, because its condition is false (parameter \'deployAudit\' is false, its default), so nobody can tell who changed the workspace\'s roles or what the SQL endpoints were asked; make the condition true or add a setting that enables SynapseRbacOperations, SQLSecurityAuditEvents and GatewayApiRequests, or the \'audit\' category group' },
    { at: 'audit-logs/Azure.Synapse.AuditLogs.bicep:202:1', level: 'error', message: 'Synapse workspace \'synsuppressed\' has no diagnostic setting, so nobody can tell who changed the workspace\'s roles or what the SQL endpoints were asked; add one that enables SynapseRbacOperations, SQLSecurityAuditEvents and GatewayApiRequests, or the \'audit\' category group', suppressed: true },
    { at: 'audit-logs/Azure.Synapse.AuditLogs.bicep:210:1', level: 'error', message: 'Synapse workspace \'synbare\' has no diagnostic setting, so nobody can tell who changed the workspace\'s roles or what the SQL endpoints were asked; add one that enables SynapseRbacOperations, SQLSecurityAuditEvents and GatewayApiRequests, or the \'audit\' category group' },
  ],
  'Azure.WebApp.AuditLogs': [
    { at: 'audit-logs/Azure.WebApp.AuditLogs.bicep:51:9', level: 'error', message: 'app \'appauditgroup\' does not export AppServiceAuditLogs or AppServiceIPSecAuditLogs (Microsoft.Web/sites has no \'audit\' category group; use allLogs or the categories AppServiceAuditLogs and AppServiceIPSecAuditLogs); enable them or the \'allLogs\' category group' },
    { at: 'audit-logs/Azure.WebApp.AuditLogs.bicep:67:5', level: 'error', message: 'app \'appmissing0\' does not export AppServiceAuditLogs; enable it or the \'allLogs\' category group' },
    { at: 'audit-logs/Azure.WebApp.AuditLogs.bicep:84:5', level: 'error', message: 'app \'appmissing1\' does not export AppServiceIPSecAuditLogs; enable it or the \'allLogs\' category group' },
    { at: 'audit-logs/Azure.WebApp.AuditLogs.bicep:102:42', level: 'error', message: 'app \'appdisabled\' does not export AppServiceAuditLogs; enable it or the \'allLogs\' category group' },
    { at: 'audit-logs/Azure.WebApp.AuditLogs.bicep:117:3', level: 'error', message: 'diagnostic setting \'audit\' of app \'appnowhere\' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId' },
    { at: 'audit-logs/Azure.WebApp.AuditLogs.bicep:126:1', level: 'error', message: 'app \'appconditional\' has no diagnostic setting that is deployed: diagnostic setting \'audit\' is not, because its condition is false (parameter \'deployAudit\' is false, its default), so nobody can tell who signed in to publish or which addresses the access restrictions let in; make the condition true or add a setting that enables AppServiceAuditLogs and AppServiceIPSecAuditLogs, or the \'allLogs\' category group' },
    { at: 'audit-logs/Azure.WebApp.AuditLogs.bicep:174:1', level: 'error', message: 'app \'appsuppressed\' has no diagnostic setting, so nobody can tell who signed in to publish or which addresses the access restrictions let in; add one that enables AppServiceAuditLogs and AppServiceIPSecAuditLogs, or the \'allLogs\' category group', suppressed: true },
    { at: 'audit-logs/Azure.WebApp.AuditLogs.bicep:180:1', level: 'error', message: 'app \'appbare\' has no diagnostic setting, so nobody can tell who signed in to publish or which addresses the access restrictions let in; add one that enables AppServiceAuditLogs and AppServiceIPSecAuditLogs, or the \'allLogs\' category group' },
  ],
};

/** Rules whose fixtures are not of this shape: they judge scopes and locks (test/rules/control-plane.test.ts). */
const CONTROL_PLANE = ['Azure.ACR.DeleteLock', 'Azure.Subscription.ActivityLogExport'];

let results: Seen[];

beforeAll(async () => {
  const run = await auditJson(['audit-logs']);
  expect(run.report.inputs.map((i) => i.status)).toEqual(Object.keys(EXPECTED).map(() => 'analysed'));
  expect(run.code).toBe(1);
  results = seen(run.report);
}, 180_000);

describe('the built-in audit-log rules on real Bicep', () => {
  it('has a fixture for every rule', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(RULES.map((r) => r.id).filter((id) => !CONTROL_PLANE.includes(id)).sort());
  });

  it.each(Object.entries(EXPECTED))('%s: exactly the findings of its table, at their file, line and column', (id, expected) => {
    const own = results.filter((r) => r.ruleId === id).map(({ ruleId: _ruleId, ...rest }) => rest);
    expect(own).toEqual(expected);
  });

  it('finds nothing of one rule in another rule\'s fixture', () => {
    for (const r of results.filter((r) => r.ruleId.startsWith('Azure.') && !CONTROL_PLANE.includes(r.ruleId))) expect(r.at.startsWith(`audit-logs/${r.ruleId}.bicep:`)).toBe(true);
  });
});

describe('scopes of another type', () => {
  it("never count a key vault's setting for a registry whose name ends in the same unknown: a fail on the registry, exit 1", async () => {
    const run = await auditJson(['scope/other-type-same-unknown.bicep']);
    expect(run.code).toBe(1);
    expect(seen(run.report).filter((r) => r.ruleId === 'Azure.ACR.Logs')).toEqual([
      {
        at: 'scope/other-type-same-unknown.bicep:5:1',
        ruleId: 'Azure.ACR.Logs',
        level: 'error',
        message:
          "registry 'registry' (named 'cr${token}') has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group",
      },
    ]);
  }, 60_000);
});

describe('fixes for every row', () => {
  it('rename a group the type lacks to the one it has, add missing categories, and suggest a setting for a firewall that has none', async () => {
    const root = makeTree({ 'main.bicep': fs.readFileSync(path.join(BICEP_FIXTURES, 'audit-logs', 'Azure.Firewall.Logs.bicep'), 'utf8') });
    fs.cpSync(path.join(BICEP_FIXTURES, 'audit-logs', 'mods'), path.join(root, 'mods'), { recursive: true });
    const run = await auditWithRealBicep(['main.bicep', '--fix-dry-run', '--suggestions', '--no-cache'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      ["     logs: [", "-      { categoryGroup: 'audit', enabled: true }", "+      { categoryGroup: 'allLogs', enabled: true }", '     ]'].join('\n'),
    );
    expect(run.stdout).toContain(["       { category: 'AZFWApplicationRule', enabled: true }", "+      { category: 'AZFWNetworkRule', enabled: true }", '     ]'].join('\n'));
    expect(run.stdout).toContain(
      [
        "+resource bareAuditLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {",
        "+  name: 'audit'",
        '+  scope: bare',
        '+  properties: {',
        "+    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'",
        '+    logs: [',
        "+      { category: 'AZFWNetworkRule', enabled: true }",
        "+      { category: 'AZFWApplicationRule', enabled: true }",
        '+    ]',
        '+  }',
        '+}',
      ].join('\n'),
    );
  }, 120_000);
});

describe('did-you-mean hints', () => {
  it('name no missing category for a misspelling of one that is exported', async () => {
    const setting = (logs: string) =>
      `resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'acrhint'\n  location: 'westeurope'\n  sku: { name: 'Basic' }\n}\n\nresource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {\n  name: 'audit'\n  scope: registry\n  properties: {\n    workspaceId: '/subscriptions/0/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'\n    logs: [\n${logs}    ]\n  }\n}\n`;
    const root = makeTree({
      'main.bicep': setting("      { category: 'ContainerRegistryLoginEvents', enabled: true }\n      { category: 'ContainerRegistryLoginEvent', enabled: true }\n"),
    });
    const run = await auditJson(['main.bicep'], { cwd: root });
    expect(seen(run.report, root).filter((r) => r.ruleId === 'Azure.ACR.Logs')).toEqual([
      {
        at: 'main.bicep:12:5',
        ruleId: 'Azure.ACR.Logs',
        level: 'error',
        message: "registry 'acrhint' does not export ContainerRegistryRepositoryEvents; enable it or the 'audit' category group",
      },
    ]);
  }, 60_000);
});
