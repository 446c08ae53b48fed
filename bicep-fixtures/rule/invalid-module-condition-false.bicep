// Invalid: the module that would attach the setting is not deployed.
param deployAudit bool = false

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrmoduleoff'
  location: 'westeurope'
  sku: { name: 'Basic' }
}

module audit 'mods/audit-setting.bicep' = if (deployAudit) {
  name: 'audit'
  params: {
    registryName: registry.name
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
  }
}
