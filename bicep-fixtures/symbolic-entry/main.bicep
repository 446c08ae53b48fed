// A nullable parameter compiles this file in symbolic-name form on its own; its module does not.
param suffix string?

module registries 'mods/registries.bicep' = {
  name: 'registries'
  params: {
    name: 'acrsymbolic${suffix ?? ''}'
  }
}
