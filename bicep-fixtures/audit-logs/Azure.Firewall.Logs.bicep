// Azure.Firewall.Logs: one resource per case; the test names the findings it expects.
param deployAudit bool = false

// passes: every category
resource passes 'Microsoft.Network/azureFirewalls@2023-09-01' = {
  name: 'afwpasses'
  location: 'westeurope'
  properties: { sku: { name: 'AZFW_VNet', tier: 'Standard' } }
}

resource passesAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: passes
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'AZFWNetworkRule', enabled: true }
      { category: 'AZFWApplicationRule', enabled: true }
    ]
  }
}

// passes: the category group the fix adds
resource group 'Microsoft.Network/azureFirewalls@2023-09-01' = {
  name: 'afwgroup'
  location: 'westeurope'
  properties: { sku: { name: 'AZFW_VNet', tier: 'Standard' } }
}

resource groupAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: group
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { categoryGroup: 'allLogs', enabled: true }
    ]
  }
}

// fails: the type has no audit group
resource auditGroup 'Microsoft.Network/azureFirewalls@2023-09-01' = {
  name: 'afwauditgroup'
  location: 'westeurope'
  properties: { sku: { name: 'AZFW_VNet', tier: 'Standard' } }
}

resource auditGroupAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: auditGroup
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { categoryGroup: 'audit', enabled: true }
    ]
  }
}

// fails: AZFWNetworkRule missing
resource missing0 'Microsoft.Network/azureFirewalls@2023-09-01' = {
  name: 'afwmissing0'
  location: 'westeurope'
  properties: { sku: { name: 'AZFW_VNet', tier: 'Standard' } }
}

resource missing0Audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: missing0
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'AZFWApplicationRule', enabled: true }
    ]
  }
}

// fails: AZFWApplicationRule missing
resource missing1 'Microsoft.Network/azureFirewalls@2023-09-01' = {
  name: 'afwmissing1'
  location: 'westeurope'
  properties: { sku: { name: 'AZFW_VNet', tier: 'Standard' } }
}

resource missing1Audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: missing1
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'AZFWNetworkRule', enabled: true }
    ]
  }
}

// fails: an entry switched off
resource disabled 'Microsoft.Network/azureFirewalls@2023-09-01' = {
  name: 'afwdisabled'
  location: 'westeurope'
  properties: { sku: { name: 'AZFW_VNet', tier: 'Standard' } }
}

resource disabledAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: disabled
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'AZFWNetworkRule', enabled: false }
      { category: 'AZFWApplicationRule', enabled: true }
    ]
  }
}

// fails: no destination
resource nowhere 'Microsoft.Network/azureFirewalls@2023-09-01' = {
  name: 'afwnowhere'
  location: 'westeurope'
  properties: { sku: { name: 'AZFW_VNet', tier: 'Standard' } }
}

resource nowhereAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: nowhere
  properties: {
    logs: [
      { category: 'AZFWNetworkRule', enabled: true }
      { category: 'AZFWApplicationRule', enabled: true }
    ]
  }
}

// fails: the setting's condition is false
resource conditional 'Microsoft.Network/azureFirewalls@2023-09-01' = {
  name: 'afwconditional'
  location: 'westeurope'
  properties: { sku: { name: 'AZFW_VNet', tier: 'Standard' } }
}

resource conditionalAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deployAudit) {
  name: 'audit'
  scope: conditional
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'AZFWNetworkRule', enabled: true }
      { category: 'AZFWApplicationRule', enabled: true }
    ]
  }
}

// passes: a loop with one setting per instance
resource looped 'Microsoft.Network/azureFirewalls@2023-09-01' = [for i in range(0, 2): {
  name: 'afwlooped${i}'
  location: 'westeurope'
  properties: { sku: { name: 'AZFW_VNet', tier: 'Standard' } }
}]

resource loopedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for i in range(0, 2): {
  name: 'audit'
  scope: looped[i]
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'AZFWNetworkRule', enabled: true }
      { category: 'AZFWApplicationRule', enabled: true }
    ]
  }
}]

// passes: a module attaches the setting to the resource, looked up with existing
resource viaModule 'Microsoft.Network/azureFirewalls@2023-09-01' = {
  name: 'afwviamodule'
  location: 'westeurope'
  properties: { sku: { name: 'AZFW_VNet', tier: 'Standard' } }
}

module viaModuleAudit 'mods/Azure.Firewall.Logs.bicep' = {
  name: 'viaModuleAudit'
  params: { name: viaModule.name }
}

// fails, suppressed
// bicep-audit-disable-next-line Azure.Firewall.Logs -- exported by an Azure Policy
resource suppressed 'Microsoft.Network/azureFirewalls@2023-09-01' = {
  name: 'afwsuppressed'
  location: 'westeurope'
  properties: { sku: { name: 'AZFW_VNet', tier: 'Standard' } }
}

// fails: no setting
resource bare 'Microsoft.Network/azureFirewalls@2023-09-01' = {
  name: 'afwbare'
  location: 'westeurope'
  properties: { sku: { name: 'AZFW_VNet', tier: 'Standard' } }
}
