// A syntax error: the registry's location has no value.
resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrbroken'
  location:
  sku: { name: 'Basic' }
}
