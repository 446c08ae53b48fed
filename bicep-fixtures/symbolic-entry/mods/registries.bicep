param name string

resource primary 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: name
  location: 'westeurope'
  sku: { name: 'Basic' }
}

// Audit logs of this one are exported by an Azure Policy.
#disable-next-line AZR-000535
resource secondary 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: '${name}backup'
  location: 'westeurope'
  sku: { name: 'Basic' }
}
