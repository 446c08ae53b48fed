var namePath = '../config/second-name.txt'

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: trim(loadTextContent(namePath))
  location: resourceGroup().location
  sku: { name: 'Basic' }
}
