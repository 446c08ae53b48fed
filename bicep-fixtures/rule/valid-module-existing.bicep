// Valid: a module looks the registry up with existing and attaches allLogs.
resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrfrommodule'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

module audit 'mods/audit-existing.bicep' = {
  name: 'audit'
  params: { registryName: registry.name }
}
