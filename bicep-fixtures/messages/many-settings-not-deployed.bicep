// Five settings of one registry, none deployed: the message names three and counts the rest
// (test/rules/messages.test.ts).
param workspaceId string
param deploy bool = false

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrmanyoff'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}

resource first 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deploy) {
  name: 'first'
  scope: registry
  properties: { workspaceId: workspaceId, logs: [{ categoryGroup: 'audit', enabled: true }] }
}

resource second 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deploy) {
  name: 'second'
  scope: registry
  properties: { workspaceId: workspaceId, logs: [{ categoryGroup: 'audit', enabled: true }] }
}

resource third 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deploy) {
  name: 'third'
  scope: registry
  properties: { workspaceId: workspaceId, logs: [{ categoryGroup: 'audit', enabled: true }] }
}

resource fourth 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deploy) {
  name: 'fourth'
  scope: registry
  properties: { workspaceId: workspaceId, logs: [{ categoryGroup: 'audit', enabled: true }] }
}

resource fifth 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deploy) {
  name: 'fifth'
  scope: registry
  properties: { workspaceId: workspaceId, logs: [{ categoryGroup: 'audit', enabled: true }] }
}
