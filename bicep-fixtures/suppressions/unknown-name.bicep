// A directive that names no rule suppresses nothing, and says so once, though both registries
// of the loop are reported below it (test/locate/suppressions.test.ts).

// bicep-audit-disable-next-line Azure.ACR.Log, AZR-000536 -- a typo suppresses nothing
resource typo 'Microsoft.ContainerRegistry/registries@2023-07-01' = [for i in range(0, 2): {
  name: 'acrtypo${i}'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}]
