// bicep-audit-disable-next-line Azure.Subscription.ActivityLog -- exported for every subscription by the platform's policy
targetScope = 'subscription'

resource shared 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-suppressed'
  location: 'westeurope'
}
