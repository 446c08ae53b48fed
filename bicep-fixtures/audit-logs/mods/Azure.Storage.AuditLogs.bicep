// Attaches the audit logs to the blob service of an existing storage account.
param name string

resource account 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: name
}

resource blob 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' existing = {
  parent: account
  name: 'default'
}

resource blobAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: blob
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'StorageRead', enabled: true }
      { category: 'StorageWrite', enabled: true }
      { category: 'StorageDelete', enabled: true }
    ]
  }
}
