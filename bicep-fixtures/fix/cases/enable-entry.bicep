// Fixable: the repository events are switched off, under a comment and a directive.
resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrenable'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: registry
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      // sign-ins
      { category: 'ContainerRegistryLoginEvents', enabled: true }
      // pushes and pulls: off while the workspace was being sized
      #disable-next-line no-unused-params
      { category: 'ContainerRegistryRepositoryEvents', enabled: false } // revisit
    ]
  }
}
