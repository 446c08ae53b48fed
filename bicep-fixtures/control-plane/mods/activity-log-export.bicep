targetScope = 'subscription'

param workspaceId string

resource activityLog 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'activity-log'
  properties: {
    workspaceId: workspaceId
    logs: [for category in ['Administrative', 'Security', 'Policy', 'Alert']: {
      category: category
      enabled: true
    }]
  }
}
