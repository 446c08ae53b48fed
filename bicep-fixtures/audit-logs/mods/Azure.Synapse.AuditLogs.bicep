// Attaches the audit logs to an existing resource of Azure.Synapse.AuditLogs's type.
param name string

resource target 'Microsoft.Synapse/workspaces@2021-06-01' existing = {
  name: name
}

resource targetAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: target
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'SynapseRbacOperations', enabled: true }
      { category: 'SQLSecurityAuditEvents', enabled: true }
      { category: 'GatewayApiRequests', enabled: true }
    ]
  }
}
