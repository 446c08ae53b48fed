// A local module written in ARM JSON.
module registry 'mods/registry.json' = {
  name: 'registry'
}
