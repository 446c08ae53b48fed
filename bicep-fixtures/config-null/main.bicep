// The config says experimentalFeaturesEnabled: null.
resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrnullconfig'
  location: 'westeurope'
  sku: { name: 'Basic' }
}
