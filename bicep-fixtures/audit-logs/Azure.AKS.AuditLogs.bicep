// Azure.AKS.AuditLogs: one resource per case; the test names the findings it expects.
param deployAudit bool = false

// passes: every category
resource passes 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'akspasses'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: { dnsPrefix: 'aks' }
}

resource passesAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: passes
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'kube-audit-admin', enabled: true }
      { category: 'guard', enabled: true }
    ]
  }
}

// passes: the category group the fix adds
resource group 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aksgroup'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: { dnsPrefix: 'aks' }
}

resource groupAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: group
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { categoryGroup: 'allLogs', enabled: true }
    ]
  }
}

// fails: the type has no audit group
resource auditGroup 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aksauditgroup'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: { dnsPrefix: 'aks' }
}

resource auditGroupAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: auditGroup
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { categoryGroup: 'audit', enabled: true }
    ]
  }
}

// fails: kube-audit-admin missing
resource missing0 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aksmissing0'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: { dnsPrefix: 'aks' }
}

resource missing0Audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: missing0
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'guard', enabled: true }
    ]
  }
}

// fails: guard missing
resource missing1 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aksmissing1'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: { dnsPrefix: 'aks' }
}

resource missing1Audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: missing1
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'kube-audit-admin', enabled: true }
    ]
  }
}

// fails: an entry switched off
resource disabled 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aksdisabled'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: { dnsPrefix: 'aks' }
}

resource disabledAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: disabled
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'kube-audit-admin', enabled: false }
      { category: 'guard', enabled: true }
    ]
  }
}

// fails: no destination
resource nowhere 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aksnowhere'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: { dnsPrefix: 'aks' }
}

resource nowhereAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: nowhere
  properties: {
    logs: [
      { category: 'kube-audit-admin', enabled: true }
      { category: 'guard', enabled: true }
    ]
  }
}

// fails: the setting's condition is false
resource conditional 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aksconditional'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: { dnsPrefix: 'aks' }
}

resource conditionalAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deployAudit) {
  name: 'audit'
  scope: conditional
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'kube-audit-admin', enabled: true }
      { category: 'guard', enabled: true }
    ]
  }
}

// passes: a loop with one setting per instance
resource looped 'Microsoft.ContainerService/managedClusters@2024-02-01' = [for i in range(0, 2): {
  name: 'akslooped${i}'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: { dnsPrefix: 'aks' }
}]

resource loopedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for i in range(0, 2): {
  name: 'audit'
  scope: looped[i]
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'kube-audit-admin', enabled: true }
      { category: 'guard', enabled: true }
    ]
  }
}]

// passes: a module attaches the setting to the resource, looked up with existing
resource viaModule 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aksviamodule'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: { dnsPrefix: 'aks' }
}

module viaModuleAudit 'mods/Azure.AKS.AuditLogs.bicep' = {
  name: 'viaModuleAudit'
  params: { name: viaModule.name }
}

// fails, suppressed
// bicep-audit-disable-next-line Azure.AKS.AuditLogs -- exported by an Azure Policy
resource suppressed 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'akssuppressed'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: { dnsPrefix: 'aks' }
}

// fails: no setting
resource bare 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: 'aksbare'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: { dnsPrefix: 'aks' }
}
