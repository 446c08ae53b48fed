// Azure.Cosmos.AuditLogs: one resource per case; the test names the findings it expects.
param deployAudit bool = false

// passes: every category
resource passes 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmospasses'
  location: 'westeurope'
  properties: { databaseAccountOfferType: 'Standard', locations: [{ locationName: 'westeurope' }] }
}

resource passesAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: passes
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'ControlPlaneRequests', enabled: true }
      { category: 'DataPlaneRequests', enabled: true }
    ]
  }
}

// passes: the category group the fix adds
resource group 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmosgroup'
  location: 'westeurope'
  properties: { databaseAccountOfferType: 'Standard', locations: [{ locationName: 'westeurope' }] }
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

// fails: ControlPlaneRequests missing
resource missing0 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmosmissing0'
  location: 'westeurope'
  properties: { databaseAccountOfferType: 'Standard', locations: [{ locationName: 'westeurope' }] }
}

resource missing0Audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: missing0
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'DataPlaneRequests', enabled: true }
    ]
  }
}

// fails: DataPlaneRequests missing
resource missing1 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmosmissing1'
  location: 'westeurope'
  properties: { databaseAccountOfferType: 'Standard', locations: [{ locationName: 'westeurope' }] }
}

resource missing1Audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: missing1
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'ControlPlaneRequests', enabled: true }
    ]
  }
}

// fails: an entry switched off
resource disabled 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmosdisabled'
  location: 'westeurope'
  properties: { databaseAccountOfferType: 'Standard', locations: [{ locationName: 'westeurope' }] }
}

resource disabledAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: disabled
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'ControlPlaneRequests', enabled: false }
      { category: 'DataPlaneRequests', enabled: true }
    ]
  }
}

// fails: no destination
resource nowhere 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmosnowhere'
  location: 'westeurope'
  properties: { databaseAccountOfferType: 'Standard', locations: [{ locationName: 'westeurope' }] }
}

resource nowhereAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: nowhere
  properties: {
    logs: [
      { category: 'ControlPlaneRequests', enabled: true }
      { category: 'DataPlaneRequests', enabled: true }
    ]
  }
}

// fails: the setting's condition is false
resource conditional 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmosconditional'
  location: 'westeurope'
  properties: { databaseAccountOfferType: 'Standard', locations: [{ locationName: 'westeurope' }] }
}

resource conditionalAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deployAudit) {
  name: 'audit'
  scope: conditional
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'ControlPlaneRequests', enabled: true }
      { category: 'DataPlaneRequests', enabled: true }
    ]
  }
}

// passes: a loop with one setting per instance
resource looped 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = [for i in range(0, 2): {
  name: 'cosmoslooped${i}'
  location: 'westeurope'
  properties: { databaseAccountOfferType: 'Standard', locations: [{ locationName: 'westeurope' }] }
}]

resource loopedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for i in range(0, 2): {
  name: 'audit'
  scope: looped[i]
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'ControlPlaneRequests', enabled: true }
      { category: 'DataPlaneRequests', enabled: true }
    ]
  }
}]

// passes: a module attaches the setting to the resource, looked up with existing
resource viaModule 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmosviamodule'
  location: 'westeurope'
  properties: { databaseAccountOfferType: 'Standard', locations: [{ locationName: 'westeurope' }] }
}

module viaModuleAudit 'mods/Azure.Cosmos.AuditLogs.bicep' = {
  name: 'viaModuleAudit'
  params: { name: viaModule.name }
}

// fails, suppressed
// bicep-audit-disable-next-line Azure.Cosmos.AuditLogs -- exported by an Azure Policy
resource suppressed 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmossuppressed'
  location: 'westeurope'
  properties: { databaseAccountOfferType: 'Standard', locations: [{ locationName: 'westeurope' }] }
}

// fails: no setting
resource bare 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmosbare'
  location: 'westeurope'
  properties: { databaseAccountOfferType: 'Standard', locations: [{ locationName: 'westeurope' }] }
}
