// Valid Bicep the source grammar cannot parse (a string that begins with `//`, a resource-derived
// type): each finding still lands on its declaration, and its suppression comment still applies.
param workspaceId string = ''
param tags resourceInput<'Microsoft.ContainerRegistry/registries@2023-07-01'>.tags?

var workspaceParts = split(empty(workspaceId) ? '//' : workspaceId, '/')

resource unaudited 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crgrammarunaudited'
  location: resourceGroup().location
  sku: { name: 'Basic' }
  tags: tags
}

// bicep-audit-disable-next-line Azure.ACR.Logs -- scratch registry, deleted every night
resource scratch 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crgrammarscratch'
  location: resourceGroup().location
  sku: { name: 'Basic' }
}

output workspaceName string = last(workspaceParts)
