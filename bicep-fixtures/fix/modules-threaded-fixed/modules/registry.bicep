@description('Log Analytics workspace that receives the container registry audit logs')
param auditWorkspaceId string

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  // A registry module with no diagnostic setting, saved with a byte order mark and CRLF line endings.
  name: 'acr${uniqueString(resourceGroup().id)}'
  location: resourceGroup().location
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
