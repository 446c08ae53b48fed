// A registry in a module, reported in this file.
param location string

resource teamRegistry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrteambase'
  location: location
  sku: { name: 'Standard' }
}
