// A user-defined type makes the entry compile to symbolic names, and a string that begins with
// `//` is valid Bicep the source grammar cannot parse: the JSON module must still be compiled in.
type registrySku = 'Basic' | 'Standard' | 'Premium'

param sku registrySku = 'Basic'
param workspaceId string = ''

var workspaceParts = split(empty(workspaceId) ? '//' : workspaceId, '/')

module registry 'mods/registry.json' = {
  name: 'registry'
  params: { sku: sku }
}

output workspaceName string = last(workspaceParts)
