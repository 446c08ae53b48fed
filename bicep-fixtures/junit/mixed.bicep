// JUnit: a registry that passes, one that fails with markup in its name, and one suppressed.
resource passing 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrpassing'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

resource passingAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: passing
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { categoryGroup: 'audit', enabled: true }
    ]
  }
}

resource markup 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acr<&"markup">'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

// bicep-audit-disable-next-line Azure.ACR.Logs -- scratch images only
resource accepted 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acraccepted'
  location: 'westeurope'
  sku: { name: 'Basic' }
}
