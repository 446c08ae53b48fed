// Azure.KeyVault.Logs: one resource per case; the test names the findings it expects.
param deployAudit bool = false

// passes: every category
resource passes 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kvpasses'
  location: 'westeurope'
  properties: { tenantId: tenant().tenantId, sku: { family: 'A', name: 'standard' } }
}

resource passesAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: passes
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'AuditEvent', enabled: true }
    ]
  }
}

// passes: the category group the fix adds
resource group 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kvgroup'
  location: 'westeurope'
  properties: { tenantId: tenant().tenantId, sku: { family: 'A', name: 'standard' } }
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

// fails: AuditEvent missing
resource missing0 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kvmissing0'
  location: 'westeurope'
  properties: { tenantId: tenant().tenantId, sku: { family: 'A', name: 'standard' } }
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
resource disabled 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kvdisabled'
  location: 'westeurope'
  properties: { tenantId: tenant().tenantId, sku: { family: 'A', name: 'standard' } }
}

resource disabledAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: disabled
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'AuditEvent', enabled: false }
    ]
  }
}

// fails: no destination
resource nowhere 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kvnowhere'
  location: 'westeurope'
  properties: { tenantId: tenant().tenantId, sku: { family: 'A', name: 'standard' } }
}

resource nowhereAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: nowhere
  properties: {
    logs: [
      { category: 'AuditEvent', enabled: true }
    ]
  }
}

// fails: the setting's condition is false
resource conditional 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kvconditional'
  location: 'westeurope'
  properties: { tenantId: tenant().tenantId, sku: { family: 'A', name: 'standard' } }
}

resource conditionalAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deployAudit) {
  name: 'audit'
  scope: conditional
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'AuditEvent', enabled: true }
    ]
  }
}

// passes: a loop with one setting per instance
resource looped 'Microsoft.KeyVault/vaults@2023-07-01' = [for i in range(0, 2): {
  name: 'kvlooped${i}'
  location: 'westeurope'
  properties: { tenantId: tenant().tenantId, sku: { family: 'A', name: 'standard' } }
}]

resource loopedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for i in range(0, 2): {
  name: 'audit'
  scope: looped[i]
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'AuditEvent', enabled: true }
    ]
  }
}]

// passes: a module attaches the setting to the resource, looked up with existing
resource viaModule 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kvviamodule'
  location: 'westeurope'
  properties: { tenantId: tenant().tenantId, sku: { family: 'A', name: 'standard' } }
}

module viaModuleAudit 'mods/Azure.KeyVault.Logs.bicep' = {
  name: 'viaModuleAudit'
  params: { name: viaModule.name }
}

// fails, suppressed
// bicep-audit-disable-next-line Azure.KeyVault.Logs -- exported by an Azure Policy
resource suppressed 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kvsuppressed'
  location: 'westeurope'
  properties: { tenantId: tenant().tenantId, sku: { family: 'A', name: 'standard' } }
}

// fails: no setting
resource bare 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kvbare'
  location: 'westeurope'
  properties: { tenantId: tenant().tenantId, sku: { family: 'A', name: 'standard' } }
}
