// Calls the registry module and sends its own vault's logs to a workspace: the module's new
// parameter gets that workspace.
resource workspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' existing = {
  name: 'audit'
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kvthreaded'
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
    workspaceId: workspace.id
    logs: [
      { categoryGroup: 'audit', enabled: true }
    ]
  }
}

module images 'modules/registry.bicep' = {
  name: 'images'
  params: { auditWorkspaceId: workspace.id }
}
