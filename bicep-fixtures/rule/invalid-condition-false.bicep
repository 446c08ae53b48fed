// Invalid: the only setting is not deployed.
param exportAuditLogs bool = false

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrconditional'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (exportAuditLogs) {
  name: 'audit'
  scope: registry
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { categoryGroup: 'audit', enabled: true }
    ]
  }
}
