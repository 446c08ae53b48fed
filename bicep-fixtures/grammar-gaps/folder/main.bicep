// An entry the source grammar cannot parse (a string that begins with `//`) that uses a local
// module: the module is known from the compiler, so it is no entry of its own, cold or warm.
param workspaceId string = ''

var workspaceParts = split(empty(workspaceId) ? '//' : workspaceId, '/')

module child 'mods/child.bicep' = {
  name: 'child'
}

output workspaceName string = last(workspaceParts)
