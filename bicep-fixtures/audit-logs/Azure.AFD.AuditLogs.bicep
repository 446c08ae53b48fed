// Azure.AFD.AuditLogs: one resource per case; the test names the findings it expects.
param deployAudit bool = false

// passes: every category
resource passes 'Microsoft.Cdn/profiles@2024-02-01' = {
  name: 'afdpasses'
  location: 'westeurope'
  sku: { name: 'Standard_AzureFrontDoor' }
}

resource passesAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: passes
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'FrontDoorAccessLog', enabled: true }
      { category: 'FrontDoorWebApplicationFirewallLog', enabled: true }
    ]
  }
}

// passes: the category group the fix adds
resource group 'Microsoft.Cdn/profiles@2024-02-01' = {
  name: 'afdgroup'
  location: 'westeurope'
  sku: { name: 'Standard_AzureFrontDoor' }
}

resource groupAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: group
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { categoryGroup: 'audit', enabled: true }
    ]
  }
}

// fails: FrontDoorAccessLog missing
resource missing0 'Microsoft.Cdn/profiles@2024-02-01' = {
  name: 'afdmissing0'
  location: 'westeurope'
  sku: { name: 'Standard_AzureFrontDoor' }
}

resource missing0Audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: missing0
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'FrontDoorWebApplicationFirewallLog', enabled: true }
    ]
  }
}

// fails: FrontDoorWebApplicationFirewallLog missing
resource missing1 'Microsoft.Cdn/profiles@2024-02-01' = {
  name: 'afdmissing1'
  location: 'westeurope'
  sku: { name: 'Standard_AzureFrontDoor' }
}

resource missing1Audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: missing1
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'FrontDoorAccessLog', enabled: true }
    ]
  }
}

// fails: an entry switched off
resource disabled 'Microsoft.Cdn/profiles@2024-02-01' = {
  name: 'afddisabled'
  location: 'westeurope'
  sku: { name: 'Standard_AzureFrontDoor' }
}

resource disabledAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: disabled
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'FrontDoorAccessLog', enabled: false }
      { category: 'FrontDoorWebApplicationFirewallLog', enabled: true }
    ]
  }
}

// fails: no destination
resource nowhere 'Microsoft.Cdn/profiles@2024-02-01' = {
  name: 'afdnowhere'
  location: 'westeurope'
  sku: { name: 'Standard_AzureFrontDoor' }
}

resource nowhereAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: nowhere
  properties: {
    logs: [
      { category: 'FrontDoorAccessLog', enabled: true }
      { category: 'FrontDoorWebApplicationFirewallLog', enabled: true }
    ]
  }
}

// fails: the setting's condition is false
resource conditional 'Microsoft.Cdn/profiles@2024-02-01' = {
  name: 'afdconditional'
  location: 'westeurope'
  sku: { name: 'Standard_AzureFrontDoor' }
}

resource conditionalAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deployAudit) {
  name: 'audit'
  scope: conditional
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'FrontDoorAccessLog', enabled: true }
      { category: 'FrontDoorWebApplicationFirewallLog', enabled: true }
    ]
  }
}

// passes: a loop with one setting per instance
resource looped 'Microsoft.Cdn/profiles@2024-02-01' = [for i in range(0, 2): {
  name: 'afdlooped${i}'
  location: 'westeurope'
  sku: { name: 'Standard_AzureFrontDoor' }
}]

resource loopedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for i in range(0, 2): {
  name: 'audit'
  scope: looped[i]
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'FrontDoorAccessLog', enabled: true }
      { category: 'FrontDoorWebApplicationFirewallLog', enabled: true }
    ]
  }
}]

// passes: a module attaches the setting to the resource, looked up with existing
resource viaModule 'Microsoft.Cdn/profiles@2024-02-01' = {
  name: 'afdviamodule'
  location: 'westeurope'
  sku: { name: 'Standard_AzureFrontDoor' }
}

module viaModuleAudit 'mods/Azure.AFD.AuditLogs.bicep' = {
  name: 'viaModuleAudit'
  params: { name: viaModule.name }
}

// fails, suppressed
// bicep-audit-disable-next-line Azure.AFD.AuditLogs -- exported by an Azure Policy
resource suppressed 'Microsoft.Cdn/profiles@2024-02-01' = {
  name: 'afdsuppressed'
  location: 'westeurope'
  sku: { name: 'Standard_AzureFrontDoor' }
}

// fails: no setting
resource bare 'Microsoft.Cdn/profiles@2024-02-01' = {
  name: 'afdbare'
  location: 'westeurope'
  sku: { name: 'Standard_AzureFrontDoor' }
}

// not judged: a classic CDN profile
resource notJudged 'Microsoft.Cdn/profiles@2024-02-01' = {
  name: 'cdnclassic'
  location: 'westeurope'
  sku: { name: 'Standard_Microsoft' }
}
