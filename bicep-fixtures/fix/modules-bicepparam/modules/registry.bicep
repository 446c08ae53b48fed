// A registry module with no diagnostic setting.
param registryName string

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: registryName
  location: resourceGroup().location
  sku: { name: 'Basic' }
}
