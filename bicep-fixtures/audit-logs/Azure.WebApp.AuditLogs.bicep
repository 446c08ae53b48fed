// Azure.WebApp.AuditLogs: one resource per case; the test names the findings it expects.
param deployAudit bool = false

// passes: every category
resource passes 'Microsoft.Web/sites@2023-01-01' = {
  name: 'apppasses'
  location: 'westeurope'
}

resource passesAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: passes
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'AppServiceAuditLogs', enabled: true }
      { category: 'AppServiceIPSecAuditLogs', enabled: true }
    ]
  }
}

// passes: the category group the fix adds
resource group 'Microsoft.Web/sites@2023-01-01' = {
  name: 'appgroup'
  location: 'westeurope'
}

resource groupAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: group
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { categoryGroup: 'allLogs', enabled: true }
    ]
  }
}

// fails: the type has no audit group
resource auditGroup 'Microsoft.Web/sites@2023-01-01' = {
  name: 'appauditgroup'
  location: 'westeurope'
}

resource auditGroupAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: auditGroup
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { categoryGroup: 'audit', enabled: true }
    ]
  }
}

// fails: AppServiceAuditLogs missing
resource missing0 'Microsoft.Web/sites@2023-01-01' = {
  name: 'appmissing0'
  location: 'westeurope'
}

resource missing0Audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: missing0
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'AppServiceIPSecAuditLogs', enabled: true }
    ]
  }
}

// fails: AppServiceIPSecAuditLogs missing
resource missing1 'Microsoft.Web/sites@2023-01-01' = {
  name: 'appmissing1'
  location: 'westeurope'
}

resource missing1Audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: missing1
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'AppServiceAuditLogs', enabled: true }
    ]
  }
}

// fails: an entry switched off
resource disabled 'Microsoft.Web/sites@2023-01-01' = {
  name: 'appdisabled'
  location: 'westeurope'
}

resource disabledAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: disabled
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'AppServiceAuditLogs', enabled: false }
      { category: 'AppServiceIPSecAuditLogs', enabled: true }
    ]
  }
}

// fails: no destination
resource nowhere 'Microsoft.Web/sites@2023-01-01' = {
  name: 'appnowhere'
  location: 'westeurope'
}

resource nowhereAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: nowhere
  properties: {
    logs: [
      { category: 'AppServiceAuditLogs', enabled: true }
      { category: 'AppServiceIPSecAuditLogs', enabled: true }
    ]
  }
}

// fails: the setting's condition is false
resource conditional 'Microsoft.Web/sites@2023-01-01' = {
  name: 'appconditional'
  location: 'westeurope'
}

resource conditionalAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deployAudit) {
  name: 'audit'
  scope: conditional
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'AppServiceAuditLogs', enabled: true }
      { category: 'AppServiceIPSecAuditLogs', enabled: true }
    ]
  }
}

// passes: a loop with one setting per instance
resource looped 'Microsoft.Web/sites@2023-01-01' = [for i in range(0, 2): {
  name: 'applooped${i}'
  location: 'westeurope'
}]

resource loopedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for i in range(0, 2): {
  name: 'audit'
  scope: looped[i]
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'AppServiceAuditLogs', enabled: true }
      { category: 'AppServiceIPSecAuditLogs', enabled: true }
    ]
  }
}]

// passes: a module attaches the setting to the resource, looked up with existing
resource viaModule 'Microsoft.Web/sites@2023-01-01' = {
  name: 'appviamodule'
  location: 'westeurope'
}

module viaModuleAudit 'mods/Azure.WebApp.AuditLogs.bicep' = {
  name: 'viaModuleAudit'
  params: { name: viaModule.name }
}

// fails, suppressed
// bicep-audit-disable-next-line Azure.WebApp.AuditLogs -- exported by an Azure Policy
resource suppressed 'Microsoft.Web/sites@2023-01-01' = {
  name: 'appsuppressed'
  location: 'westeurope'
}

// fails: no setting
resource bare 'Microsoft.Web/sites@2023-01-01' = {
  name: 'appbare'
  location: 'westeurope'
}
