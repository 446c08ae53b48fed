// Azure.Search.AuditLogs: one resource per case; the test names the findings it expects.
param deployAudit bool = false

// passes: every category
resource passes 'Microsoft.Search/searchServices@2023-11-01' = {
  name: 'srchpasses'
  location: 'westeurope'
  sku: { name: 'basic' }
}

resource passesAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: passes
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'OperationLogs', enabled: true }
    ]
  }
}

// passes: the category group the fix adds
resource group 'Microsoft.Search/searchServices@2023-11-01' = {
  name: 'srchgroup'
  location: 'westeurope'
  sku: { name: 'basic' }
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

// fails: OperationLogs missing
resource missing0 'Microsoft.Search/searchServices@2023-11-01' = {
  name: 'srchmissing0'
  location: 'westeurope'
  sku: { name: 'basic' }
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
resource disabled 'Microsoft.Search/searchServices@2023-11-01' = {
  name: 'srchdisabled'
  location: 'westeurope'
  sku: { name: 'basic' }
}

resource disabledAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: disabled
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'OperationLogs', enabled: false }
    ]
  }
}

// fails: no destination
resource nowhere 'Microsoft.Search/searchServices@2023-11-01' = {
  name: 'srchnowhere'
  location: 'westeurope'
  sku: { name: 'basic' }
}

resource nowhereAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: nowhere
  properties: {
    logs: [
      { category: 'OperationLogs', enabled: true }
    ]
  }
}

// fails: the setting's condition is false
resource conditional 'Microsoft.Search/searchServices@2023-11-01' = {
  name: 'srchconditional'
  location: 'westeurope'
  sku: { name: 'basic' }
}

resource conditionalAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deployAudit) {
  name: 'audit'
  scope: conditional
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'OperationLogs', enabled: true }
    ]
  }
}

// passes: a loop with one setting per instance
resource looped 'Microsoft.Search/searchServices@2023-11-01' = [for i in range(0, 2): {
  name: 'srchlooped${i}'
  location: 'westeurope'
  sku: { name: 'basic' }
}]

resource loopedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for i in range(0, 2): {
  name: 'audit'
  scope: looped[i]
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'OperationLogs', enabled: true }
    ]
  }
}]

// passes: a module attaches the setting to the resource, looked up with existing
resource viaModule 'Microsoft.Search/searchServices@2023-11-01' = {
  name: 'srchviamodule'
  location: 'westeurope'
  sku: { name: 'basic' }
}

module viaModuleAudit 'mods/Azure.Search.AuditLogs.bicep' = {
  name: 'viaModuleAudit'
  params: { name: viaModule.name }
}

// fails, suppressed
// bicep-audit-disable-next-line Azure.Search.AuditLogs -- exported by an Azure Policy
resource suppressed 'Microsoft.Search/searchServices@2023-11-01' = {
  name: 'srchsuppressed'
  location: 'westeurope'
  sku: { name: 'basic' }
}

// fails: no setting
resource bare 'Microsoft.Search/searchServices@2023-11-01' = {
  name: 'srchbare'
  location: 'westeurope'
  sku: { name: 'basic' }
}
