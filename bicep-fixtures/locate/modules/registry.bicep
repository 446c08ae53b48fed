// A registry with audit settings whose repository events the caller decides.
param name string
param workspaceId string
param exportRepositoryEvents bool

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: name
  location: resourceGroup().location
  sku: { name: 'Premium' }

  resource hook 'webhooks' = {
    name: 'onpush'
    location: resourceGroup().location
    properties: {
      actions: ['push']
      serviceUri: 'https://example.invalid/hook'
    }
  }
}

resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (!empty(workspaceId)) {
  name: 'audit'
  scope: registry
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'ContainerRegistryLoginEvents', enabled: true }
      // Décidé par l'appelant: non-ASCII text before a position must not shift columns.
      { category: 'ContainerRegistryRepositoryEvents', enabled: exportRepositoryEvents }
    ]
  }
}
