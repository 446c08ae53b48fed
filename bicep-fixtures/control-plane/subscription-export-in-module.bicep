targetScope = 'subscription'

param workspaceId string

module activityLog 'mods/activity-log-export.bicep' = {
  name: 'activity-log'
  params: {
    workspaceId: workspaceId
  }
}
