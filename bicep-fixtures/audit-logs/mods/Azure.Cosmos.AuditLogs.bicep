// Attaches the audit logs to an existing resource of Azure.Cosmos.AuditLogs's type.
param name string

resource target 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' existing = {
  name: name
}

resource targetAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: target
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'ControlPlaneRequests', enabled: true }
      { category: 'DataPlaneRequests', enabled: true }
    ]
  }
}
