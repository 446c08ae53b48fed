// A registry of this deployment, and settings attached from a module to a registry of the same
// name in resource group 'shared-rg': they are on that one unless the deployment goes to
// 'shared-rg' (test/real-cli/other-resource-group.test.ts). The second module's category comes
// from a parameter, so whether it covers a registry of its group is decided at deployment.
param category string

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrshared'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}

module sharedAudit 'mods/audit.bicep' = {
  name: 'shared-audit'
  scope: resourceGroup('shared-rg')
  params: {
    registryName: 'acrshared'
    category: 'ContainerRegistryLoginEvents'
  }
}

resource other 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrother'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}

module otherAudit 'mods/audit.bicep' = {
  name: 'other-audit'
  params: {
    registryName: other.name
    category: category
  }
}
