// A registry module in the style of Azure Verified Modules: the caller asks for a lock.
param name string
param location string = resourceGroup().location

@description('The lock to put on the registry (kind: CanNotDelete, ReadOnly or None); none when empty.')
param lock object = {}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: name
  location: location
  sku: { name: 'Premium' }
}

resource registryLock 'Microsoft.Authorization/locks@2020-05-01' = if (!empty(lock) && lock.kind != 'None') {
  name: lock.?name ?? 'lock-${name}'
  scope: registry
  properties: {
    level: lock.kind
    notes: 'Deleting this registry deletes every image in it.'
  }
}
