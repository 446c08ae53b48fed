// Positions: a looped local module, a registry module from a registry, and a nested child.
param workspaceId string

@description('Teams that get a registry each.')
param teams array = ['alpha', 'beta']

module teamRegistries 'modules/registry.bicep' = [for team in teams: {
  name: 'registry-${team}'
  params: {
    name: 'acr${team}'
    workspaceId: workspaceId
    exportRepositoryEvents: team == 'alpha'
  }
}]

module remote 'br/public:avm/res/container-registry/registry:0.1.0' = {
  name: 'remote'
  params: {
    name: 'acrremote'
  }
}
