// A registry without a diagnostic setting, deployed through main.bicepparam.
param registryName string

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: registryName
  location: 'westeurope'
  sku: { name: 'Basic' }
}
