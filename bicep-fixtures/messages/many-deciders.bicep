// Whether the registry exports its logs depends on five parameters: the review names three and
// counts the rest (test/rules/messages.test.ts).
param workspaceId string
param a string
param b string
param c string
param d string
param e string

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrmanydeciders'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}

resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: registry
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: '${a}${b}${c}${d}${e}', enabled: true }]
  }
}
