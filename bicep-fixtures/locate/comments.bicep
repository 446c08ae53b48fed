// Positions past comments and directives, which the grammar lets stand between any two tokens.
param workspaceId string

resource registries 'Microsoft.ContainerRegistry/registries@2023-07-01' = [for i in range(0, 2): {
  name: 'acrcomments${i}'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}
// a comment after the loop body
]

resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: registries[0]
  properties: /* the settings */ {
    workspaceId: workspaceId
    logs: [
      #disable-next-line AZR-000535
      { category: 'ContainerRegistryLoginEvents', enabled: true }
      // the second entry
      { category: 'ContainerRegistryRepositoryEvents', enabled: true }
    ]
  }
}

module named /* a local module */ 'modules/named.bicep' = {
  name: 'named'
  params: { name: 'acrcomments' }
}
