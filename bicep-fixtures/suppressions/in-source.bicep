// Each registry has no diagnostic setting, so Azure.ACR.Logs reports its declaration; the line
// before it suppresses that in one of the ways a directive can (test/locate/suppressions.test.ts).

#disable-next-line AZR-000535
resource bicepAlias 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrbicepalias'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}

#disable-next-line AZR-000535 // exported by the platform team's Azure Policy
resource bicepAliasWithComment 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrbicepcomment'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}

// bicep-audit-disable-next-line Azure.ACR.Logs -- audit logs come from Azure Policy (DeployIfNotExists)
resource ruleId 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrruleid'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}

// bicep-audit-disable-next-line Azure.ACR.AuditLogs, AZR-000535
resource aliasesWithoutReason 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrnoreason'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}
