targetScope = 'managementGroup'

param workspaceId string

resource managementGroupLog 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'management-group-log'
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'Administrative', enabled: true }
      { category: 'Policy', enabled: true }
    ]
  }
}
