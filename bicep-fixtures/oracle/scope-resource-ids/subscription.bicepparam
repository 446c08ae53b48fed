using 'subscription.bicep'
