// Azure.Automation.AuditLogs: one resource per case; the test names the findings it expects.
param deployAudit bool = false

// passes: every category
resource passes 'Microsoft.Automation/automationAccounts@2023-11-01' = {
  name: 'aapasses'
  location: 'westeurope'
  properties: { sku: { name: 'Basic' } }
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
resource group 'Microsoft.Automation/automationAccounts@2023-11-01' = {
  name: 'aagroup'
  location: 'westeurope'
  properties: { sku: { name: 'Basic' } }
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
resource missing0 'Microsoft.Automation/automationAccounts@2023-11-01' = {
  name: 'aamissing0'
  location: 'westeurope'
  properties: { sku: { name: 'Basic' } }
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
resource disabled 'Microsoft.Automation/automationAccounts@2023-11-01' = {
  name: 'aadisabled'
  location: 'westeurope'
  properties: { sku: { name: 'Basic' } }
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
resource nowhere 'Microsoft.Automation/automationAccounts@2023-11-01' = {
  name: 'aanowhere'
  location: 'westeurope'
  properties: { sku: { name: 'Basic' } }
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
resource conditional 'Microsoft.Automation/automationAccounts@2023-11-01' = {
  name: 'aaconditional'
  location: 'westeurope'
  properties: { sku: { name: 'Basic' } }
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
resource looped 'Microsoft.Automation/automationAccounts@2023-11-01' = [for i in range(0, 2): {
  name: 'aalooped${i}'
  location: 'westeurope'
  properties: { sku: { name: 'Basic' } }
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
resource viaModule 'Microsoft.Automation/automationAccounts@2023-11-01' = {
  name: 'aaviamodule'
  location: 'westeurope'
  properties: { sku: { name: 'Basic' } }
}

module viaModuleAudit 'mods/Azure.Automation.AuditLogs.bicep' = {
  name: 'viaModuleAudit'
  params: { name: viaModule.name }
}

// fails, suppressed
// bicep-audit-disable-next-line Azure.Automation.AuditLogs -- exported by an Azure Policy
resource suppressed 'Microsoft.Automation/automationAccounts@2023-11-01' = {
  name: 'aasuppressed'
  location: 'westeurope'
  properties: { sku: { name: 'Basic' } }
}

// fails: no setting
resource bare 'Microsoft.Automation/automationAccounts@2023-11-01' = {
  name: 'aabare'
  location: 'westeurope'
  properties: { sku: { name: 'Basic' } }
}
