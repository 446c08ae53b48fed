// One lock at the resource group covers the registry.
resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crgrouplocked'
  location: 'westeurope'
  sku: { name: 'Premium' }
}

resource groupLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'resource-group-no-delete'
  properties: {
    level: 'CanNotDelete'
    notes: 'Every resource of this group is locked.'
  }
}
