// Invalid: no diagnostic setting.
resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrbare'
  location: 'westeurope'
  sku: { name: 'Basic' }
}
