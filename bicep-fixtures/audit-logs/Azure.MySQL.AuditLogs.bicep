// Azure.MySQL.AuditLogs: one resource per case; the test names the findings it expects.
param deployAudit bool = false

// passes: every category
resource passes 'Microsoft.DBforMySQL/flexibleServers@2023-06-30' = {
  name: 'mysqlpasses'
  location: 'westeurope'
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
}

resource passesAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: passes
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'MySqlAuditLogs', enabled: true }
    ]
  }
}

// passes: the category group the fix adds
resource group 'Microsoft.DBforMySQL/flexibleServers@2023-06-30' = {
  name: 'mysqlgroup'
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

// fails: MySqlAuditLogs missing
resource missing0 'Microsoft.DBforMySQL/flexibleServers@2023-06-30' = {
  name: 'mysqlmissing0'
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
resource disabled 'Microsoft.DBforMySQL/flexibleServers@2023-06-30' = {
  name: 'mysqldisabled'
  location: 'westeurope'
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
}

resource disabledAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: disabled
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'MySqlAuditLogs', enabled: false }
    ]
  }
}

// fails: no destination
resource nowhere 'Microsoft.DBforMySQL/flexibleServers@2023-06-30' = {
  name: 'mysqlnowhere'
  location: 'westeurope'
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
}

resource nowhereAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: nowhere
  properties: {
    logs: [
      { category: 'MySqlAuditLogs', enabled: true }
    ]
  }
}

// fails: the setting's condition is false
resource conditional 'Microsoft.DBforMySQL/flexibleServers@2023-06-30' = {
  name: 'mysqlconditional'
  location: 'westeurope'
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
}

resource conditionalAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deployAudit) {
  name: 'audit'
  scope: conditional
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'MySqlAuditLogs', enabled: true }
    ]
  }
}

// passes: a loop with one setting per instance
resource looped 'Microsoft.DBforMySQL/flexibleServers@2023-06-30' = [for i in range(0, 2): {
  name: 'mysqllooped${i}'
  location: 'westeurope'
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
}]

resource loopedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for i in range(0, 2): {
  name: 'audit'
  scope: looped[i]
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'MySqlAuditLogs', enabled: true }
    ]
  }
}]

// passes: a module attaches the setting to the resource, looked up with existing
resource viaModule 'Microsoft.DBforMySQL/flexibleServers@2023-06-30' = {
  name: 'mysqlviamodule'
  location: 'westeurope'
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
}

module viaModuleAudit 'mods/Azure.MySQL.AuditLogs.bicep' = {
  name: 'viaModuleAudit'
  params: { name: viaModule.name }
}

// fails, suppressed
// bicep-audit-disable-next-line Azure.MySQL.AuditLogs -- exported by an Azure Policy
resource suppressed 'Microsoft.DBforMySQL/flexibleServers@2023-06-30' = {
  name: 'mysqlsuppressed'
  location: 'westeurope'
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
}

// fails: no setting
resource bare 'Microsoft.DBforMySQL/flexibleServers@2023-06-30' = {
  name: 'mysqlbare'
  location: 'westeurope'
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
}
