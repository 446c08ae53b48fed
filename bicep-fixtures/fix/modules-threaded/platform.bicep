// Deploys app.bicep as a module: app.bicep's new parameter is passed from here.
module app 'app.bicep' = {
  name: 'app'
  params: {
    deployCache: true
  }
}
