resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  // A registry module with no diagnostic setting, saved with a byte order mark and CRLF line endings.
  name: 'acr${uniqueString(resourceGroup().id)}'
  location: resourceGroup().location
  sku: { name: 'Basic' }
}
