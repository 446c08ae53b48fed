// A registry and a key vault whose names end in the same parameter value, with no subscription or
// resource group given: the vault's setting is never a setting of the registry, whose own has none.
param token string

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'cr${token}'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv${token}'
  location: 'westeurope'
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
  }
}

resource vaultAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: vault
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { categoryGroup: 'audit', enabled: true }
    ]
  }
}
