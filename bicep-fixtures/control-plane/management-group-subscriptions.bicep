targetScope = 'managementGroup'

param subscriptionIds array = [
  '00000000-0000-0000-0000-00000000000a'
  '00000000-0000-0000-0000-00000000000b'
]

module baselines 'mods/subscription-baseline.bicep' = [for id in subscriptionIds: {
  name: 'baseline-${id}'
  scope: subscription(id)
  params: {
    location: 'westeurope'
  }
}]

module exported 'mods/activity-log-export.bicep' = {
  name: 'activity-log'
  scope: subscription(subscriptionIds[0])
  params: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/law-central'
  }
}
