// Each setting disables ContainerRegistryRepositoryEvents in its second log entry, which is where
// Azure.ACR.Logs reports it; a directive before an entry applies to that entry
// (test/locate/suppressions.test.ts).
param workspaceId string

resource bicepItem 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrbicepitem'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}

resource bicepItemAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: bicepItem
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'ContainerRegistryLoginEvents', enabled: true }
      #disable-next-line AZR-000535
      { category: 'ContainerRegistryRepositoryEvents', enabled: false }
    ]
  }
}

resource ownItem 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrownitem'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}

resource ownItemAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: ownItem
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'ContainerRegistryLoginEvents', enabled: true }
      // bicep-audit-disable-next-line Azure.ACR.Logs -- repository events reach the SIEM through Event Grid
      { category: 'ContainerRegistryRepositoryEvents', enabled: false }
    ]
  }
}

resource otherItem 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrotheritem'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}

resource otherItemAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: otherItem
  properties: {
    workspaceId: workspaceId
    logs: [
      #disable-next-line AZR-000535
      { category: 'ContainerRegistryLoginEvents', enabled: true }
      { category: 'ContainerRegistryRepositoryEvents', enabled: false }
    ]
  }
}
