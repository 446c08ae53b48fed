// A nested deployment whose template is loaded from a file is inline, not linked: the compiled
// template holds the file's content behind an expression, and the registry inside is checked.
resource fromJson 'Microsoft.Resources/deployments@2024-03-01' = {
  name: 'from-json'
  properties: {
    mode: 'Incremental'
    template: loadJsonContent('templates/registry-json.json')
  }
}

resource fromText 'Microsoft.Resources/deployments@2024-03-01' = {
  name: 'from-text'
  properties: {
    mode: 'Incremental'
    template: json(loadTextContent('templates/registry-text.json'))
  }
}
