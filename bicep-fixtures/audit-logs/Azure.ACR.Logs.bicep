// Azure.ACR.Logs: one resource per case; the test names the findings it expects.
param deployAudit bool = false

// passes: every category
resource passes 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crpasses'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

resource passesAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: passes
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'ContainerRegistryLoginEvents', enabled: true }
      { category: 'ContainerRegistryRepositoryEvents', enabled: true }
    ]
  }
}

// passes: the category group the fix adds
resource group 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crgroup'
  location: 'westeurope'
  sku: { name: 'Basic' }
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

// fails: ContainerRegistryLoginEvents missing
resource missing0 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crmissing0'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

resource missing0Audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: missing0
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'ContainerRegistryRepositoryEvents', enabled: true }
    ]
  }
}

// fails: ContainerRegistryRepositoryEvents missing
resource missing1 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crmissing1'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

resource missing1Audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: missing1
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'ContainerRegistryLoginEvents', enabled: true }
    ]
  }
}

// fails: an entry switched off
resource disabled 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crdisabled'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

resource disabledAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: disabled
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'ContainerRegistryLoginEvents', enabled: false }
      { category: 'ContainerRegistryRepositoryEvents', enabled: true }
    ]
  }
}

// fails: no destination
resource nowhere 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crnowhere'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

resource nowhereAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: nowhere
  properties: {
    logs: [
      { category: 'ContainerRegistryLoginEvents', enabled: true }
      { category: 'ContainerRegistryRepositoryEvents', enabled: true }
    ]
  }
}

// fails: the setting's condition is false
resource conditional 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crconditional'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

resource conditionalAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deployAudit) {
  name: 'audit'
  scope: conditional
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'ContainerRegistryLoginEvents', enabled: true }
      { category: 'ContainerRegistryRepositoryEvents', enabled: true }
    ]
  }
}

// passes: a loop with one setting per instance
resource looped 'Microsoft.ContainerRegistry/registries@2023-07-01' = [for i in range(0, 2): {
  name: 'crlooped${i}'
  location: 'westeurope'
  sku: { name: 'Basic' }
}]

resource loopedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for i in range(0, 2): {
  name: 'audit'
  scope: looped[i]
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'ContainerRegistryLoginEvents', enabled: true }
      { category: 'ContainerRegistryRepositoryEvents', enabled: true }
    ]
  }
}]

// passes: a module attaches the setting to the resource, looked up with existing
resource viaModule 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crviamodule'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

module viaModuleAudit 'mods/Azure.ACR.Logs.bicep' = {
  name: 'viaModuleAudit'
  params: { name: viaModule.name }
}

// fails, suppressed
// bicep-audit-disable-next-line Azure.ACR.Logs -- exported by an Azure Policy
resource suppressed 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crsuppressed'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

// fails: no setting
resource bare 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crbare'
  location: 'westeurope'
  sku: { name: 'Basic' }
}
