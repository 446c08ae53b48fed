// Baseline: findings of every kind that a baseline must keep matched across edits.
param location string = resourceGroup().location
param workspaceId string = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
param exportLogins bool

resource shared 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrsharedbase'
  location: location
  sku: { name: 'Premium' }
}

resource sharedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: shared
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'ContainerRegistryLoginEvents', enabled: exportLogins }
      { category: 'ContainerRegistryRepositoryEvents', enabled: true }
    ]
  }
}

resource scratch 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrscratchbase'
  location: location
  sku: { name: 'Basic' }
}

// One lock at the resource group covers every registry here, the module's too.
resource noDelete 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'no-delete'
  properties: {
    level: 'CanNotDelete'
  }
}

module team 'modules/registry.bicep' = {
  name: 'team'
  params: {
    location: location
  }
}
