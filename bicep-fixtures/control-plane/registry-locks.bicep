param lockLevel string

resource lockedHere 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crlockedhere'
  location: 'westeurope'
  sku: { name: 'Premium' }
}

resource lockedHereLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'no-delete'
  scope: lockedHere
  properties: {
    level: 'CanNotDelete'
  }
}

resource readOnly 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crreadonly'
  location: 'westeurope'
  sku: { name: 'Premium' }
}

resource readOnlyLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'read-only'
  scope: readOnly
  properties: {
    level: 'ReadOnly'
  }
}

resource unlocked 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crunlocked'
  location: 'westeurope'
  sku: { name: 'Premium' }
}

resource notSpecified 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crnotspecified'
  location: 'westeurope'
  sku: { name: 'Premium' }
}

resource notSpecifiedLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'not-specified'
  scope: notSpecified
  properties: {
    level: 'NotSpecified'
  }
}

resource levelFromParameter 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crlevelparam'
  location: 'westeurope'
  sku: { name: 'Premium' }
}

resource levelFromParameterLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'level-from-parameter'
  scope: levelFromParameter
  properties: {
    level: lockLevel
  }
}

module avmLocked 'mods/locked-registry.bicep' = {
  name: 'avm-locked'
  params: {
    name: 'cravmlocked'
    lock: { kind: 'CanNotDelete' }
  }
}

module avmUnlocked 'mods/locked-registry.bicep' = {
  name: 'avm-unlocked'
  params: {
    name: 'cravmunlocked'
  }
}

// bicep-audit-disable-next-line Azure.ACR.Lock -- locked by the platform's policy
resource suppressed 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crsuppressed'
  location: 'westeurope'
  sku: { name: 'Premium' }
}

param deployConditional bool

resource conditional 'Microsoft.ContainerRegistry/registries@2023-07-01' = if (deployConditional) {
  name: 'crconditional'
  location: 'westeurope'
  sku: { name: 'Premium' }
}
