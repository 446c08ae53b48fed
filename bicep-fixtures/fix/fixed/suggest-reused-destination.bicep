// Suggestion: no setting; the other registry's setting gives the destination.
param workspaceId string = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrnosettingtwo'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

resource registryAuditLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: registry
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'ContainerRegistryLoginEvents', enabled: true }
      { category: 'ContainerRegistryRepositoryEvents', enabled: true }
    ]
  }
}

resource covered 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrcovered'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

resource coveredAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: covered
  properties: {
    workspaceId: workspaceId
    logs: [
      { categoryGroup: 'audit', enabled: true }
    ]
  }
}
