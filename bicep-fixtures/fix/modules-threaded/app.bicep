// Calls the registry module twice and has no diagnostic setting of its own: it gets a parameter
// for the workspace and passes it to both.
param deployCache bool = false

module images 'modules/registry.bicep' = {
  name: 'images'
  params: {}
}

module cache 'modules/registry.bicep' = if (deployCache) {
  name: 'cache'
}
