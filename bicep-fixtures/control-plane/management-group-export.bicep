targetScope = 'managementGroup'

module managementGroupLog 'mods/management-group-export.bicep' = {
  name: 'management-group-log'
  params: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/law-central'
  }
}

module baseline 'mods/subscription-baseline.bicep' = {
  name: 'baseline'
  scope: subscription('00000000-0000-0000-0000-00000000000c')
  params: {
    location: 'westeurope'
  }
}
