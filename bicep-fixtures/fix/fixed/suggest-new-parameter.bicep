// Suggestion: no setting, and none to copy a destination from.
@description('Log Analytics workspace that receives the container registry audit logs')
param auditWorkspaceId string

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrnosetting'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

resource registryAuditLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: registry
  properties: {
    workspaceId: auditWorkspaceId
    logs: [
      { category: 'ContainerRegistryLoginEvents', enabled: true }
      { category: 'ContainerRegistryRepositoryEvents', enabled: true }
    ]
  }
}
