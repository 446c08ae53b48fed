// Not fixable: the setting is declared in a loop over registries.
resource registries 'Microsoft.ContainerRegistry/registries@2023-07-01' = [for name in ['acrloopone', 'acrlooptwo']: {
  name: name
  location: 'westeurope'
  sku: { name: 'Basic' }
}]

resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for i in range(0, 2): {
  name: 'audit'
  scope: registries[i]
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'ContainerRegistryLoginEvents', enabled: true }
    ]
  }
}]
