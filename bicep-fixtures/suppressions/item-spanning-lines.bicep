// A directive before a log entry written over several lines applies to the finding on that
// entry's `enabled` line; Bicep's form and bicep-audit's mean the same (test/locate/suppressions.test.ts).
param workspaceId string

resource bicepForm 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrbicepform'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}

resource bicepFormAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: bicepForm
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'ContainerRegistryLoginEvents'
        enabled: true
      }
      #disable-next-line AZR-000535 // repository events reach the SIEM through Event Grid
      {
        category: 'ContainerRegistryRepositoryEvents'
        enabled: false
      }
    ]
  }
}

resource ownForm 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrownform'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}

resource ownFormAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: ownForm
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'ContainerRegistryLoginEvents'
        enabled: true
      }
      // bicep-audit-disable-next-line AZR-000535 -- repository events reach the SIEM through Event Grid
      {
        category: 'ContainerRegistryRepositoryEvents'
        enabled: false
      }
    ]
  }
}

resource otherEntry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrotherentry'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}

resource otherEntryAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: otherEntry
  properties: {
    workspaceId: workspaceId
    logs: [
      #disable-next-line AZR-000535
      {
        category: 'ContainerRegistryLoginEvents'
        enabled: true
      }
      {
        category: 'ContainerRegistryRepositoryEvents'
        enabled: false
      }
    ]
  }
}
