// Azure.Batch.AuditLogs: one resource per case; the test names the findings it expects.
param deployAudit bool = false

// passes: every category
resource passes 'Microsoft.Batch/batchAccounts@2024-02-01' = {
  name: 'bapasses'
  location: 'westeurope'
}

resource passesAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: passes
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'AuditLog', enabled: true }
    ]
  }
}

// passes: the category group the fix adds
resource group 'Microsoft.Batch/batchAccounts@2024-02-01' = {
  name: 'bagroup'
  location: 'westeurope'
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

// fails: AuditLog missing
resource missing0 'Microsoft.Batch/batchAccounts@2024-02-01' = {
  name: 'bamissing0'
  location: 'westeurope'
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
resource disabled 'Microsoft.Batch/batchAccounts@2024-02-01' = {
  name: 'badisabled'
  location: 'westeurope'
}

resource disabledAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: disabled
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'AuditLog', enabled: false }
    ]
  }
}

// fails: no destination
resource nowhere 'Microsoft.Batch/batchAccounts@2024-02-01' = {
  name: 'banowhere'
  location: 'westeurope'
}

resource nowhereAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: nowhere
  properties: {
    logs: [
      { category: 'AuditLog', enabled: true }
    ]
  }
}

// fails: the setting's condition is false
resource conditional 'Microsoft.Batch/batchAccounts@2024-02-01' = {
  name: 'baconditional'
  location: 'westeurope'
}

resource conditionalAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deployAudit) {
  name: 'audit'
  scope: conditional
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'AuditLog', enabled: true }
    ]
  }
}

// passes: a loop with one setting per instance
resource looped 'Microsoft.Batch/batchAccounts@2024-02-01' = [for i in range(0, 2): {
  name: 'balooped${i}'
  location: 'westeurope'
}]

resource loopedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for i in range(0, 2): {
  name: 'audit'
  scope: looped[i]
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'AuditLog', enabled: true }
    ]
  }
}]

// passes: a module attaches the setting to the resource, looked up with existing
resource viaModule 'Microsoft.Batch/batchAccounts@2024-02-01' = {
  name: 'baviamodule'
  location: 'westeurope'
}

module viaModuleAudit 'mods/Azure.Batch.AuditLogs.bicep' = {
  name: 'viaModuleAudit'
  params: { name: viaModule.name }
}

// fails, suppressed
// bicep-audit-disable-next-line Azure.Batch.AuditLogs -- exported by an Azure Policy
resource suppressed 'Microsoft.Batch/batchAccounts@2024-02-01' = {
  name: 'basuppressed'
  location: 'westeurope'
}

// fails: no setting
resource bare 'Microsoft.Batch/batchAccounts@2024-02-01' = {
  name: 'babare'
  location: 'westeurope'
}
