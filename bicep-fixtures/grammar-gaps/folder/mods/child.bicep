// A module of grammar-gaps/folder/main.bicep, which the source grammar cannot parse.
resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crgrammarchild'
  location: resourceGroup().location
  sku: { name: 'Basic' }
}
