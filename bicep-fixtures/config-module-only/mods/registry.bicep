// A registry module whose folder alone has a bicepconfig.json.
resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrmoduleconfig'
  location: 'westeurope'
  sku: { name: 'Basic' }
}
