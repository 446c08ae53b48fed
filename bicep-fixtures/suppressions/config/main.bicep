// No registry has a diagnostic setting; bicep-audit.json suppresses Azure.ACR.Logs for the
// scratch ones by name, wherever they are declared.

resource scratch 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrscratchdev'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}

resource prod 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrprod'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}

module team 'modules/registry.bicep' = {
  name: 'team'
  params: { name: 'acrscratchteam' }
}

// bicep-audit-disable-next-line Azure.ACR.Logs -- the directive's reason wins over the config's
resource scratchWithDirective 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrscratchdirective'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}
