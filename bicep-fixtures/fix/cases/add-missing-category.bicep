// Fixable: the repository events are missing from a list written one entry a line.
resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acraddone'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: registry
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'ContainerRegistryLoginEvents', enabled: true }
    ]
  }
}
