// A string that begins with `//` is valid Bicep the source grammar cannot parse: the finding still
// lands on the log entry, and the directive before the entry applies, in either form
// (test/locate/suppressions.test.ts).
param workspaceId string
param peerId string = ''

var peerParts = split(empty(peerId) ? '//' : peerId, '/')

resource bicepForm 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrgapbicepform'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}

resource bicepFormAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: bicepForm
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'ContainerRegistryLoginEvents', enabled: true }
      #disable-next-line AZR-000535
      { category: 'ContainerRegistryRepositoryEvents', enabled: false }
    ]
  }
}

resource ownForm 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrgapownform'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}

resource ownFormAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: ownForm
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'ContainerRegistryLoginEvents', enabled: true }
      // bicep-audit-disable-next-line AZR-000535
      { category: 'ContainerRegistryRepositoryEvents', enabled: false }
    ]
  }
}

resource unsuppressed 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrgapunsuppressed'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}

resource unsuppressedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: unsuppressed
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'ContainerRegistryLoginEvents', enabled: true }
      { category: 'ContainerRegistryRepositoryEvents', enabled: false }
    ]
  }
}

output peerName string = last(peerParts)
