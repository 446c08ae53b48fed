// load*() with paths that are not bare literals: a variable, a literal in parentheses, and a
// variable in a module. The compile must find each file; the registries' names come from them.
var certPath = 'config/cert.pfx'
var settings = loadJsonContent(('config/settings.json'))

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: settings.registryName
  location: resourceGroup().location
  sku: { name: 'Basic' }
  tags: { certificate: loadFileAsBase64(certPath) }
}

module second 'modules/registry.bicep' = {
  name: 'second'
}
