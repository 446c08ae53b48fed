resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crgrammarchild'
  location: resourceGroup().location
  sku: { name: 'Basic' }
}
