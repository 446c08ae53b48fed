// resourceId() without scope arguments at subscription scope; each output must be what Azure's engine gives (test/oracle/scope-resource-ids.test.ts).
targetScope = 'subscription'

output ids array = [
  resourceId('Microsoft.Management/managementGroups', 'mg-child')
  resourceId('Microsoft.Authorization/policyDefinitions', 'deny-public-registries')
  resourceId('Microsoft.Resources/resourceGroups', 'rg-registries')
  resourceId('Microsoft.Management/managementGroups/subscriptions', 'mg-child', 'sub-a')
]
