// Calls the registry module twice and has no diagnostic setting of its own: it gets a parameter
// for the workspace and passes it to both.
param deployCache bool = false

@description('Log Analytics workspace that receives the audit logs of the modules this file deploys')
param auditWorkspaceId string

module images 'modules/registry.bicep' = {
  name: 'images'
  params: { auditWorkspaceId: auditWorkspaceId }
}

module cache 'modules/registry.bicep' = if (deployCache) {
  name: 'cache'
  params: { auditWorkspaceId: auditWorkspaceId }
}
