// Azure.Synapse.AuditLogs: one resource per case; the test names the findings it expects.
param deployAudit bool = false

// passes: every category
resource passes 'Microsoft.Synapse/workspaces@2021-06-01' = {
  name: 'synpasses'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {}
}

resource passesAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: passes
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'SynapseRbacOperations', enabled: true }
      { category: 'SQLSecurityAuditEvents', enabled: true }
      { category: 'GatewayApiRequests', enabled: true }
    ]
  }
}

// passes: the category group the fix adds
resource group 'Microsoft.Synapse/workspaces@2021-06-01' = {
  name: 'syngroup'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {}
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

// fails: SynapseRbacOperations missing
resource missing0 'Microsoft.Synapse/workspaces@2021-06-01' = {
  name: 'synmissing0'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {}
}

resource missing0Audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: missing0
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'SQLSecurityAuditEvents', enabled: true }
      { category: 'GatewayApiRequests', enabled: true }
    ]
  }
}

// fails: SQLSecurityAuditEvents missing
resource missing1 'Microsoft.Synapse/workspaces@2021-06-01' = {
  name: 'synmissing1'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {}
}

resource missing1Audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: missing1
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'SynapseRbacOperations', enabled: true }
      { category: 'GatewayApiRequests', enabled: true }
    ]
  }
}

// fails: GatewayApiRequests missing
resource missing2 'Microsoft.Synapse/workspaces@2021-06-01' = {
  name: 'synmissing2'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {}
}

resource missing2Audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: missing2
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'SynapseRbacOperations', enabled: true }
      { category: 'SQLSecurityAuditEvents', enabled: true }
    ]
  }
}

// fails: an entry switched off
resource disabled 'Microsoft.Synapse/workspaces@2021-06-01' = {
  name: 'syndisabled'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {}
}

resource disabledAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: disabled
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'SynapseRbacOperations', enabled: false }
      { category: 'SQLSecurityAuditEvents', enabled: true }
      { category: 'GatewayApiRequests', enabled: true }
    ]
  }
}

// fails: no destination
resource nowhere 'Microsoft.Synapse/workspaces@2021-06-01' = {
  name: 'synnowhere'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {}
}

resource nowhereAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: nowhere
  properties: {
    logs: [
      { category: 'SynapseRbacOperations', enabled: true }
      { category: 'SQLSecurityAuditEvents', enabled: true }
      { category: 'GatewayApiRequests', enabled: true }
    ]
  }
}

// fails: the setting's condition is false
resource conditional 'Microsoft.Synapse/workspaces@2021-06-01' = {
  name: 'synconditional'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {}
}

resource conditionalAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deployAudit) {
  name: 'audit'
  scope: conditional
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'SynapseRbacOperations', enabled: true }
      { category: 'SQLSecurityAuditEvents', enabled: true }
      { category: 'GatewayApiRequests', enabled: true }
    ]
  }
}

// passes: a loop with one setting per instance
resource looped 'Microsoft.Synapse/workspaces@2021-06-01' = [for i in range(0, 2): {
  name: 'synlooped${i}'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {}
}]

resource loopedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for i in range(0, 2): {
  name: 'audit'
  scope: looped[i]
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'SynapseRbacOperations', enabled: true }
      { category: 'SQLSecurityAuditEvents', enabled: true }
      { category: 'GatewayApiRequests', enabled: true }
    ]
  }
}]

// passes: a module attaches the setting to the resource, looked up with existing
resource viaModule 'Microsoft.Synapse/workspaces@2021-06-01' = {
  name: 'synviamodule'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {}
}

module viaModuleAudit 'mods/Azure.Synapse.AuditLogs.bicep' = {
  name: 'viaModuleAudit'
  params: { name: viaModule.name }
}

// fails, suppressed
// bicep-audit-disable-next-line Azure.Synapse.AuditLogs -- exported by an Azure Policy
resource suppressed 'Microsoft.Synapse/workspaces@2021-06-01' = {
  name: 'synsuppressed'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {}
}

// fails: no setting
resource bare 'Microsoft.Synapse/workspaces@2021-06-01' = {
  name: 'synbare'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {}
}
