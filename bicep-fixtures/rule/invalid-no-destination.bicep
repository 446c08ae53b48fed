// Invalid: a setting with no destination exports nothing.
resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrnowhere'
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
