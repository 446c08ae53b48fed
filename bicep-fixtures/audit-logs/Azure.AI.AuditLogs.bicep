// Azure.AI.AuditLogs: one resource per case; the test names the findings it expects.
param deployAudit bool = false

// passes: every category
resource passes 'Microsoft.CognitiveServices/accounts@2023-05-01' = {
  name: 'aipasses'
  location: 'westeurope'
  kind: 'OpenAI'
  sku: { name: 'S0' }
}

resource passesAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: passes
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'Audit', enabled: true }
    ]
  }
}

// passes: the category group the fix adds
resource group 'Microsoft.CognitiveServices/accounts@2023-05-01' = {
  name: 'aigroup'
  location: 'westeurope'
  kind: 'OpenAI'
  sku: { name: 'S0' }
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

// fails: Audit missing
resource missing0 'Microsoft.CognitiveServices/accounts@2023-05-01' = {
  name: 'aimissing0'
  location: 'westeurope'
  kind: 'OpenAI'
  sku: { name: 'S0' }
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
resource disabled 'Microsoft.CognitiveServices/accounts@2023-05-01' = {
  name: 'aidisabled'
  location: 'westeurope'
  kind: 'OpenAI'
  sku: { name: 'S0' }
}

resource disabledAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: disabled
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'Audit', enabled: false }
    ]
  }
}

// fails: no destination
resource nowhere 'Microsoft.CognitiveServices/accounts@2023-05-01' = {
  name: 'ainowhere'
  location: 'westeurope'
  kind: 'OpenAI'
  sku: { name: 'S0' }
}

resource nowhereAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: nowhere
  properties: {
    logs: [
      { category: 'Audit', enabled: true }
    ]
  }
}

// fails: the setting's condition is false
resource conditional 'Microsoft.CognitiveServices/accounts@2023-05-01' = {
  name: 'aiconditional'
  location: 'westeurope'
  kind: 'OpenAI'
  sku: { name: 'S0' }
}

resource conditionalAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deployAudit) {
  name: 'audit'
  scope: conditional
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'Audit', enabled: true }
    ]
  }
}

// passes: a loop with one setting per instance
resource looped 'Microsoft.CognitiveServices/accounts@2023-05-01' = [for i in range(0, 2): {
  name: 'ailooped${i}'
  location: 'westeurope'
  kind: 'OpenAI'
  sku: { name: 'S0' }
}]

resource loopedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for i in range(0, 2): {
  name: 'audit'
  scope: looped[i]
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'Audit', enabled: true }
    ]
  }
}]

// passes: a module attaches the setting to the resource, looked up with existing
resource viaModule 'Microsoft.CognitiveServices/accounts@2023-05-01' = {
  name: 'aiviamodule'
  location: 'westeurope'
  kind: 'OpenAI'
  sku: { name: 'S0' }
}

module viaModuleAudit 'mods/Azure.AI.AuditLogs.bicep' = {
  name: 'viaModuleAudit'
  params: { name: viaModule.name }
}

// fails, suppressed
// bicep-audit-disable-next-line Azure.AI.AuditLogs -- exported by an Azure Policy
resource suppressed 'Microsoft.CognitiveServices/accounts@2023-05-01' = {
  name: 'aisuppressed'
  location: 'westeurope'
  kind: 'OpenAI'
  sku: { name: 'S0' }
}

// fails: no setting
resource bare 'Microsoft.CognitiveServices/accounts@2023-05-01' = {
  name: 'aibare'
  location: 'westeurope'
  kind: 'OpenAI'
  sku: { name: 'S0' }
}
