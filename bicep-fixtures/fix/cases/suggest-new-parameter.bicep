// Suggestion: no setting, and none to copy a destination from.
resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrnosetting'
  location: 'westeurope'
  sku: { name: 'Basic' }
}
