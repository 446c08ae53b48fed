// The failing variant of docs/rules/Azure.ACR.Logs.md: no diagnostic setting, reported on line 4.
param workspaceId string

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrprod'
  location: resourceGroup().location
  sku: { name: 'Premium' }
}

output workspace string = workspaceId
