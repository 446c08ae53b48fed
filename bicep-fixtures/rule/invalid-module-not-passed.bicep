// Invalid: the module's setting needs a workspace that this file does not pass.
module containerRegistry 'mods/registry-optional-audit.bicep' = {
  name: 'containerRegistry'
  params: {
    name: 'acrnotpassed'
  }
}
