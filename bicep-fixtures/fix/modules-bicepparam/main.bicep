// A template deployed through main.bicepparam: its own setting has a misspelt category (a fix),
// and the registry module it calls has no setting (a suggestion whose new parameter the
// .bicepparam file cannot pass).
param vaultName string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: resourceGroup().location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
  }
}

resource vaultLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: vault
  properties: {
    storageAccountId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.Storage/storageAccounts/auditlogs'
    logs: [
      { category: 'AuditEvents', enabled: true }
    ]
  }
}

module images 'modules/registry.bicep' = {
  name: 'images'
  params: {
    registryName: 'acrparams'
  }
}
