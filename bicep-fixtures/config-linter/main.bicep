// The linter's error shows beside the rule's finding.
param unused string = 'never read'

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrlinted'
  location: 'westeurope'
  sku: { name: 'Basic' }
}
