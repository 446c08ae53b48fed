// Azure.Redis.AuditLogs: one resource per case; the test names the findings it expects.
param deployAudit bool = false

// passes: every category
resource passes 'Microsoft.Cache/redis@2023-08-01' = {
  name: 'redispasses'
  location: 'westeurope'
  properties: { sku: { name: 'Basic', family: 'C', capacity: 0 } }
}

resource passesAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: passes
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'MSEntraAuthenticationAuditLog', enabled: true }
    ]
  }
}

// passes: the category group the fix adds
resource group 'Microsoft.Cache/redis@2023-08-01' = {
  name: 'redisgroup'
  location: 'westeurope'
  properties: { sku: { name: 'Basic', family: 'C', capacity: 0 } }
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

// fails: MSEntraAuthenticationAuditLog missing
resource missing0 'Microsoft.Cache/redis@2023-08-01' = {
  name: 'redismissing0'
  location: 'westeurope'
  properties: { sku: { name: 'Basic', family: 'C', capacity: 0 } }
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
resource disabled 'Microsoft.Cache/redis@2023-08-01' = {
  name: 'redisdisabled'
  location: 'westeurope'
  properties: { sku: { name: 'Basic', family: 'C', capacity: 0 } }
}

resource disabledAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: disabled
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'MSEntraAuthenticationAuditLog', enabled: false }
    ]
  }
}

// fails: no destination
resource nowhere 'Microsoft.Cache/redis@2023-08-01' = {
  name: 'redisnowhere'
  location: 'westeurope'
  properties: { sku: { name: 'Basic', family: 'C', capacity: 0 } }
}

resource nowhereAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: nowhere
  properties: {
    logs: [
      { category: 'MSEntraAuthenticationAuditLog', enabled: true }
    ]
  }
}

// fails: the setting's condition is false
resource conditional 'Microsoft.Cache/redis@2023-08-01' = {
  name: 'redisconditional'
  location: 'westeurope'
  properties: { sku: { name: 'Basic', family: 'C', capacity: 0 } }
}

resource conditionalAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deployAudit) {
  name: 'audit'
  scope: conditional
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'MSEntraAuthenticationAuditLog', enabled: true }
    ]
  }
}

// passes: a loop with one setting per instance
resource looped 'Microsoft.Cache/redis@2023-08-01' = [for i in range(0, 2): {
  name: 'redislooped${i}'
  location: 'westeurope'
  properties: { sku: { name: 'Basic', family: 'C', capacity: 0 } }
}]

resource loopedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for i in range(0, 2): {
  name: 'audit'
  scope: looped[i]
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'MSEntraAuthenticationAuditLog', enabled: true }
    ]
  }
}]

// passes: a module attaches the setting to the resource, looked up with existing
resource viaModule 'Microsoft.Cache/redis@2023-08-01' = {
  name: 'redisviamodule'
  location: 'westeurope'
  properties: { sku: { name: 'Basic', family: 'C', capacity: 0 } }
}

module viaModuleAudit 'mods/Azure.Redis.AuditLogs.bicep' = {
  name: 'viaModuleAudit'
  params: { name: viaModule.name }
}

// fails, suppressed
// bicep-audit-disable-next-line Azure.Redis.AuditLogs -- exported by an Azure Policy
resource suppressed 'Microsoft.Cache/redis@2023-08-01' = {
  name: 'redissuppressed'
  location: 'westeurope'
  properties: { sku: { name: 'Basic', family: 'C', capacity: 0 } }
}

// fails: no setting
resource bare 'Microsoft.Cache/redis@2023-08-01' = {
  name: 'redisbare'
  location: 'westeurope'
  properties: { sku: { name: 'Basic', family: 'C', capacity: 0 } }
}
