// Azure.PostgreSQL.AuditLogs: one resource per case; the test names the findings it expects.
param deployAudit bool = false

// passes: every category
resource passes 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: 'psqlpasses'
  location: 'westeurope'
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
}

resource passesAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: passes
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'PostgreSQLLogs', enabled: true }
    ]
  }
}

// passes: the category group the fix adds
resource group 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: 'psqlgroup'
  location: 'westeurope'
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
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

// fails: PostgreSQLLogs missing
resource missing0 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: 'psqlmissing0'
  location: 'westeurope'
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
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
resource disabled 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: 'psqldisabled'
  location: 'westeurope'
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
}

resource disabledAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: disabled
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'PostgreSQLLogs', enabled: false }
    ]
  }
}

// fails: no destination
resource nowhere 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: 'psqlnowhere'
  location: 'westeurope'
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
}

resource nowhereAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: nowhere
  properties: {
    logs: [
      { category: 'PostgreSQLLogs', enabled: true }
    ]
  }
}

// fails: the setting's condition is false
resource conditional 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: 'psqlconditional'
  location: 'westeurope'
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
}

resource conditionalAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deployAudit) {
  name: 'audit'
  scope: conditional
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'PostgreSQLLogs', enabled: true }
    ]
  }
}

// passes: a loop with one setting per instance
resource looped 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = [for i in range(0, 2): {
  name: 'psqllooped${i}'
  location: 'westeurope'
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
}]

resource loopedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for i in range(0, 2): {
  name: 'audit'
  scope: looped[i]
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'PostgreSQLLogs', enabled: true }
    ]
  }
}]

// passes: a module attaches the setting to the resource, looked up with existing
resource viaModule 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: 'psqlviamodule'
  location: 'westeurope'
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
}

module viaModuleAudit 'mods/Azure.PostgreSQL.AuditLogs.bicep' = {
  name: 'viaModuleAudit'
  params: { name: viaModule.name }
}

// fails, suppressed
// bicep-audit-disable-next-line Azure.PostgreSQL.AuditLogs -- exported by an Azure Policy
resource suppressed 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: 'psqlsuppressed'
  location: 'westeurope'
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
}

// fails: no setting
resource bare 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: 'psqlbare'
  location: 'westeurope'
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
}
