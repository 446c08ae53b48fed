// A subscription template that exports nothing.
targetScope = 'subscription'

resource shared 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-shared'
  location: 'westeurope'
}
