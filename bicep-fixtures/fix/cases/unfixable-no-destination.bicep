// Not fixable: where the logs should go is for a person to choose.
resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrnodestination'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: registry
  properties: {
    logs: [
      { categoryGroup: 'audit', enabled: true }
    ]
  }
}
