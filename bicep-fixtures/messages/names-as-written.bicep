// Registries whose names are known only at deployment: messages show each name as Bicep writes
// it, not as the compiled template does (test/rules/messages.test.ts).
param token string

resource byUniqueString 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'cr${toLower(uniqueString(resourceGroup().id))}'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}

resource byParameter 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'cr${token}'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}

resource byLongExpression 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'cr${substring(uniqueString(subscription().id, resourceGroup().id, token, deployment().name), 0, 8)}'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}
