// Azure.AppConfig.AuditLogs: one resource per case; the test names the findings it expects.
param deployAudit bool = false

// passes: every category
resource passes 'Microsoft.AppConfiguration/configurationStores@2023-03-01' = {
  name: 'appcspasses'
  location: 'westeurope'
  sku: { name: 'standard' }
}

resource passesAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: passes
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'Audit', enabled: true }
    ]
  }
}

// passes: the category group the fix adds
resource group 'Microsoft.AppConfiguration/configurationStores@2023-03-01' = {
  name: 'appcsgroup'
  location: 'westeurope'
  sku: { name: 'standard' }
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

// fails: Audit missing
resource missing0 'Microsoft.AppConfiguration/configurationStores@2023-03-01' = {
  name: 'appcsmissing0'
  location: 'westeurope'
  sku: { name: 'standard' }
}

resource missing0Audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: missing0
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
    ]
  }
}

// fails: an entry switched off
resource disabled 'Microsoft.AppConfiguration/configurationStores@2023-03-01' = {
  name: 'appcsdisabled'
  location: 'westeurope'
  sku: { name: 'standard' }
}

resource disabledAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: disabled
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'Audit', enabled: false }
    ]
  }
}

// fails: no destination
resource nowhere 'Microsoft.AppConfiguration/configurationStores@2023-03-01' = {
  name: 'appcsnowhere'
  location: 'westeurope'
  sku: { name: 'standard' }
}

resource nowhereAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: nowhere
  properties: {
    logs: [
      { category: 'Audit', enabled: true }
    ]
  }
}

// fails: the setting's condition is false
resource conditional 'Microsoft.AppConfiguration/configurationStores@2023-03-01' = {
  name: 'appcsconditional'
  location: 'westeurope'
  sku: { name: 'standard' }
}

resource conditionalAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deployAudit) {
  name: 'audit'
  scope: conditional
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'Audit', enabled: true }
    ]
  }
}

// passes: a loop with one setting per instance
resource looped 'Microsoft.AppConfiguration/configurationStores@2023-03-01' = [for i in range(0, 2): {
  name: 'appcslooped${i}'
  location: 'westeurope'
  sku: { name: 'standard' }
}]

resource loopedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for i in range(0, 2): {
  name: 'audit'
  scope: looped[i]
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'Audit', enabled: true }
    ]
  }
}]

// passes: a module attaches the setting to the resource, looked up with existing
resource viaModule 'Microsoft.AppConfiguration/configurationStores@2023-03-01' = {
  name: 'appcsviamodule'
  location: 'westeurope'
  sku: { name: 'standard' }
}

module viaModuleAudit 'mods/Azure.AppConfig.AuditLogs.bicep' = {
  name: 'viaModuleAudit'
  params: { name: viaModule.name }
}

// fails, suppressed
// bicep-audit-disable-next-line Azure.AppConfig.AuditLogs -- exported by an Azure Policy
resource suppressed 'Microsoft.AppConfiguration/configurationStores@2023-03-01' = {
  name: 'appcssuppressed'
  location: 'westeurope'
  sku: { name: 'standard' }
}

// fails: no setting
resource bare 'Microsoft.AppConfiguration/configurationStores@2023-03-01' = {
  name: 'appcsbare'
  location: 'westeurope'
  sku: { name: 'standard' }
}
