// Azure.ServiceBus.AuditLogs: one resource per case; the test names the findings it expects.
param deployAudit bool = false

// passes: every category
resource passes 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'sbpasses'
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
resource group 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'sbgroup'
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
resource missing0 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'sbmissing0'
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
resource disabled 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'sbdisabled'
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
resource nowhere 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'sbnowhere'
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
resource conditional 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'sbconditional'
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
resource looped 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = [for i in range(0, 2): {
  name: 'sblooped${i}'
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
resource viaModule 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'sbviamodule'
  location: 'westeurope'
  sku: { name: 'Premium' }
}

module viaModuleAudit 'mods/Azure.ServiceBus.AuditLogs.bicep' = {
  name: 'viaModuleAudit'
  params: { name: viaModule.name }
}

// fails, suppressed
// bicep-audit-disable-next-line Azure.ServiceBus.AuditLogs -- exported by an Azure Policy
resource suppressed 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'sbsuppressed'
  location: 'westeurope'
  sku: { name: 'Premium' }
}

// fails: no setting
resource bare 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'sbbare'
  location: 'westeurope'
  sku: { name: 'Premium' }
}

// not judged: the Standard tier has no runtime audit logs
resource notJudged 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'sbstandard'
  location: 'westeurope'
  sku: { name: 'Standard' }
}

// review: the tier is a parameter with no value
param tier string
resource tierUnknown 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'sbtierunknown'
  location: 'westeurope'
  sku: { name: tier }
}
