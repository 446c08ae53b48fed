// Valid: coverage split over two settings, names in another letter case.
resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrsplit'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: registry
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'containerregistryloginevents', enabled: true }
    ]
  }
}

resource audit2 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit2'
  scope: registry
  properties: {
    storageAccountId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.Storage/storageAccounts/auditlogs'
    logs: [
      { category: 'CONTAINERREGISTRYREPOSITORYEVENTS', enabled: true }
    ]
  }
}
