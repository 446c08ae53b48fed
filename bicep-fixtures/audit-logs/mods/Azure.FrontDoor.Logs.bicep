// Attaches the audit logs to an existing resource of Azure.FrontDoor.Logs's type.
param name string

resource target 'Microsoft.Network/frontDoors@2021-06-01' existing = {
  name: name
}

resource targetAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: target
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'FrontdoorAccessLog', enabled: true }
      { category: 'FrontdoorWebApplicationFirewallLog', enabled: true }
    ]
  }
}
