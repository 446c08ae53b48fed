// Azure.APIM.AuditLogs: one resource per case; the test names the findings it expects.
param deployAudit bool = false

// passes: every category
resource passes 'Microsoft.ApiManagement/service@2023-05-01-preview' = {
  name: 'apimpasses'
  location: 'westeurope'
  sku: { name: 'Developer', capacity: 1 }
  properties: { publisherEmail: 'ops@contoso.com', publisherName: 'Contoso' }
}

resource passesAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: passes
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'GatewayLogs', enabled: true }
      { category: 'DeveloperPortalAuditLogs', enabled: true }
    ]
  }
}

// passes: the category group the fix adds
resource group 'Microsoft.ApiManagement/service@2023-05-01-preview' = {
  name: 'apimgroup'
  location: 'westeurope'
  sku: { name: 'Developer', capacity: 1 }
  properties: { publisherEmail: 'ops@contoso.com', publisherName: 'Contoso' }
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

// fails: GatewayLogs missing
resource missing0 'Microsoft.ApiManagement/service@2023-05-01-preview' = {
  name: 'apimmissing0'
  location: 'westeurope'
  sku: { name: 'Developer', capacity: 1 }
  properties: { publisherEmail: 'ops@contoso.com', publisherName: 'Contoso' }
}

resource missing0Audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: missing0
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'DeveloperPortalAuditLogs', enabled: true }
    ]
  }
}

// fails: DeveloperPortalAuditLogs missing
resource missing1 'Microsoft.ApiManagement/service@2023-05-01-preview' = {
  name: 'apimmissing1'
  location: 'westeurope'
  sku: { name: 'Developer', capacity: 1 }
  properties: { publisherEmail: 'ops@contoso.com', publisherName: 'Contoso' }
}

resource missing1Audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: missing1
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'GatewayLogs', enabled: true }
    ]
  }
}

// fails: an entry switched off
resource disabled 'Microsoft.ApiManagement/service@2023-05-01-preview' = {
  name: 'apimdisabled'
  location: 'westeurope'
  sku: { name: 'Developer', capacity: 1 }
  properties: { publisherEmail: 'ops@contoso.com', publisherName: 'Contoso' }
}

resource disabledAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: disabled
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'GatewayLogs', enabled: false }
      { category: 'DeveloperPortalAuditLogs', enabled: true }
    ]
  }
}

// fails: no destination
resource nowhere 'Microsoft.ApiManagement/service@2023-05-01-preview' = {
  name: 'apimnowhere'
  location: 'westeurope'
  sku: { name: 'Developer', capacity: 1 }
  properties: { publisherEmail: 'ops@contoso.com', publisherName: 'Contoso' }
}

resource nowhereAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: nowhere
  properties: {
    logs: [
      { category: 'GatewayLogs', enabled: true }
      { category: 'DeveloperPortalAuditLogs', enabled: true }
    ]
  }
}

// fails: the setting's condition is false
resource conditional 'Microsoft.ApiManagement/service@2023-05-01-preview' = {
  name: 'apimconditional'
  location: 'westeurope'
  sku: { name: 'Developer', capacity: 1 }
  properties: { publisherEmail: 'ops@contoso.com', publisherName: 'Contoso' }
}

resource conditionalAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deployAudit) {
  name: 'audit'
  scope: conditional
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'GatewayLogs', enabled: true }
      { category: 'DeveloperPortalAuditLogs', enabled: true }
    ]
  }
}

// passes: a loop with one setting per instance
resource looped 'Microsoft.ApiManagement/service@2023-05-01-preview' = [for i in range(0, 2): {
  name: 'apimlooped${i}'
  location: 'westeurope'
  sku: { name: 'Developer', capacity: 1 }
  properties: { publisherEmail: 'ops@contoso.com', publisherName: 'Contoso' }
}]

resource loopedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for i in range(0, 2): {
  name: 'audit'
  scope: looped[i]
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'GatewayLogs', enabled: true }
      { category: 'DeveloperPortalAuditLogs', enabled: true }
    ]
  }
}]

// passes: a module attaches the setting to the resource, looked up with existing
resource viaModule 'Microsoft.ApiManagement/service@2023-05-01-preview' = {
  name: 'apimviamodule'
  location: 'westeurope'
  sku: { name: 'Developer', capacity: 1 }
  properties: { publisherEmail: 'ops@contoso.com', publisherName: 'Contoso' }
}

module viaModuleAudit 'mods/Azure.APIM.AuditLogs.bicep' = {
  name: 'viaModuleAudit'
  params: { name: viaModule.name }
}

// fails, suppressed
// bicep-audit-disable-next-line Azure.APIM.AuditLogs -- exported by an Azure Policy
resource suppressed 'Microsoft.ApiManagement/service@2023-05-01-preview' = {
  name: 'apimsuppressed'
  location: 'westeurope'
  sku: { name: 'Developer', capacity: 1 }
  properties: { publisherEmail: 'ops@contoso.com', publisherName: 'Contoso' }
}

// fails: no setting
resource bare 'Microsoft.ApiManagement/service@2023-05-01-preview' = {
  name: 'apimbare'
  location: 'westeurope'
  sku: { name: 'Developer', capacity: 1 }
  properties: { publisherEmail: 'ops@contoso.com', publisherName: 'Contoso' }
}
