// Fixable: a misspelt category group that is also switched off.
resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrgrouptypo'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: registry
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { categoryGroup: 'audit', enabled: true }
    ]
  }
}
