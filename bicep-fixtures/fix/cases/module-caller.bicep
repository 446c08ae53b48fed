// Fixable in the module: the module's setting writes its entries out.
module registry 'modules/registry-with-login-events.bicep' = {
  name: 'registry'
}
