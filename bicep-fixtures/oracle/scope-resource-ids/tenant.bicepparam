using 'tenant.bicep'
