// Valid: a looped setting for every looped registry.
param names array = ['acrloopa', 'acrloopb', 'acrloopc']

resource registries 'Microsoft.ContainerRegistry/registries@2023-07-01' = [for name in names: {
  name: name
  location: 'westeurope'
  sku: { name: 'Basic' }
}]

resource audits 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for (name, i) in names: {
  name: 'audit'
  scope: registries[i]
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { categoryGroup: 'audit', enabled: true }
    ]
  }
}]
