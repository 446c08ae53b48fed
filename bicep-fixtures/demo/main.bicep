// Demo: two registries; one exports only its login events, the other nothing at all.
param location string = resourceGroup().location
param workspaceId string = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'

resource shared 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrshareddemo'
  location: location
  sku: { name: 'Premium' }
}

resource sharedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: shared
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'ContainerRegistryLoginEvents', enabled: true }
    ]
  }
}

resource scratch 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrscratchdemo'
  location: location
  sku: { name: 'Basic' }
}

// A lock at the resource group keeps both registries from being deleted in one call.
resource noDelete 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'no-delete'
  properties: {
    level: 'CanNotDelete'
  }
}
