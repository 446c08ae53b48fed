// Deploys app.bicep as a module: app.bicep's new parameter is passed from here.
@description('Log Analytics workspace that receives the audit logs of the modules this file deploys')
param auditWorkspaceId string

module app 'app.bicep' = {
  name: 'app'
  params: {
    deployCache: true
    auditWorkspaceId: auditWorkspaceId
  }
}
