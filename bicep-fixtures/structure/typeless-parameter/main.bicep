// A parameter typed from a resource's schema where the schema says any compiles to a parameter
// without a type, and the partner-attribution deployment carries `resources: {}`: Azure deploys
// both, so the only finding is the registry's missing diagnostic setting.
param template resourceInput<'Microsoft.Resources/deployments@2024-03-01'>.properties.template?

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crtypeless'
  location: resourceGroup().location
  sku: { name: 'Basic' }
  tags: { template: string(template ?? {}) }
}

resource partnerAttribution 'Microsoft.Resources/deployments@2024-03-01' = {
  name: 'pid-00000000-0000-0000-0000-000000000000'
  properties: {
    mode: 'Incremental'
    template: {
      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
      contentVersion: '1.0.0.0'
      resources: {}
    }
  }
}
