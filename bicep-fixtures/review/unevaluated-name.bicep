// A registry name whose expression fails to evaluate: int() of a text that is no number.
param suffix string = 'x'

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrunevaluated${int(suffix)}'
  location: 'westeurope'
  sku: { name: 'Basic' }
}
