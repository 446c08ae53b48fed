// Azure.EventHub.AuditLogs: one resource per case; the test names the findings it expects.
param deployAudit bool = false

// passes: every category
resource passes 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhpasses'
  location: 'westeurope'
  sku: { name: 'Premium' }
}

resource passesAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: passes
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'RuntimeAuditLogs', enabled: true }
    ]
  }
}

// passes: the category group the fix adds
resource group 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhgroup'
  location: 'westeurope'
  sku: { name: 'Premium' }
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

// fails: RuntimeAuditLogs missing
resource missing0 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhmissing0'
  location: 'westeurope'
  sku: { name: 'Premium' }
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
resource disabled 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhdisabled'
  location: 'westeurope'
  sku: { name: 'Premium' }
}

resource disabledAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: disabled
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'RuntimeAuditLogs', enabled: false }
    ]
  }
}

// fails: no destination
resource nowhere 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhnowhere'
  location: 'westeurope'
  sku: { name: 'Premium' }
}

resource nowhereAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: nowhere
  properties: {
    logs: [
      { category: 'RuntimeAuditLogs', enabled: true }
    ]
  }
}

// fails: the setting's condition is false
resource conditional 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhconditional'
  location: 'westeurope'
  sku: { name: 'Premium' }
}

resource conditionalAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deployAudit) {
  name: 'audit'
  scope: conditional
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'RuntimeAuditLogs', enabled: true }
    ]
  }
}

// passes: a loop with one setting per instance
resource looped 'Microsoft.EventHub/namespaces@2024-01-01' = [for i in range(0, 2): {
  name: 'evhlooped${i}'
  location: 'westeurope'
  sku: { name: 'Premium' }
}]

resource loopedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for i in range(0, 2): {
  name: 'audit'
  scope: looped[i]
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'RuntimeAuditLogs', enabled: true }
    ]
  }
}]

// passes: a module attaches the setting to the resource, looked up with existing
resource viaModule 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhviamodule'
  location: 'westeurope'
  sku: { name: 'Premium' }
}

module viaModuleAudit 'mods/Azure.EventHub.AuditLogs.bicep' = {
  name: 'viaModuleAudit'
  params: { name: viaModule.name }
}

// fails, suppressed
// bicep-audit-disable-next-line Azure.EventHub.AuditLogs -- exported by an Azure Policy
resource suppressed 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhsuppressed'
  location: 'westeurope'
  sku: { name: 'Premium' }
}

// fails: no setting
resource bare 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhbare'
  location: 'westeurope'
  sku: { name: 'Premium' }
}

// not judged: the Standard tier has no runtime audit logs
resource notJudged 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhstandard'
  location: 'westeurope'
  sku: { name: 'Standard' }
}
