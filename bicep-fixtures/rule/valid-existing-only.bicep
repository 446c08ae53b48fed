// Valid: a registry declared with existing is not judged.
resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: 'acrsomeoneelse'
}

output loginServer string = registry.properties.loginServer
