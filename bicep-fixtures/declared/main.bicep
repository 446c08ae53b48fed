// Requirements this folder's bicep-audit.json declares, judged as the built-in rules are.
param workspaceId string = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'

resource server 'Microsoft.Sql/servers@2023-08-01-preview' = {
  name: 'sqlcontoso'
  location: 'westeurope'
}

// passes: the audit group
resource orders 'Microsoft.Sql/servers/databases@2023-08-01-preview' = {
  parent: server
  name: 'orders'
  location: 'westeurope'
}

resource ordersAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: orders
  properties: {
    workspaceId: workspaceId
    logs: [
      { categoryGroup: 'audit', enabled: true }
    ]
  }
}

// fails: one of DevOpsOperationsAudit or SQLInsights is missing
resource billing 'Microsoft.Sql/servers/databases@2023-08-01-preview' = {
  parent: server
  name: 'billing'
  location: 'westeurope'
}

resource billingAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: billing
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'SQLSecurityAuditEvents', enabled: true }
      { category: 'SQLSecurityAuditEvent', enabled: true }
    ]
  }
}

// fails at warning (the config's level): only a category, where the group is required
resource cluster 'Microsoft.Kusto/clusters@2023-08-15' = {
  name: 'kustocontoso'
  location: 'westeurope'
  sku: { name: 'Dev(No SLA)_Standard_E2a_v4', tier: 'Basic' }
}

resource clusterAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: cluster
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'Command', enabled: true }
    ]
  }
}

// fails, suppressed by the declared id
// bicep-audit-disable-next-line Contoso.Kusto.Logs -- a scratch cluster
resource scratch 'Microsoft.Kusto/clusters@2023-08-15' = {
  name: 'kustoscratch'
  location: 'westeurope'
  sku: { name: 'Dev(No SLA)_Standard_E2a_v4', tier: 'Basic' }
}
