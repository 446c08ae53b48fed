// Only the module's folder has a bicepconfig.json.
module registry 'mods/registry.bicep' = {
  name: 'registry'
}
