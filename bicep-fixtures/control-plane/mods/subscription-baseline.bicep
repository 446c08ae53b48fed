targetScope = 'subscription'

param location string

resource shared 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-shared'
  location: location
}
