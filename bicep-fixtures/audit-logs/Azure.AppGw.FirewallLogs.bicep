// Azure.AppGw.FirewallLogs: one resource per case; the test names the findings it expects.
param deployAudit bool = false

// passes: every category
resource passes 'Microsoft.Network/applicationGateways@2023-09-01' = {
  name: 'agwpasses'
  location: 'westeurope'
  properties: { sku: { name: 'WAF_v2', tier: 'WAF_v2' } }
}

resource passesAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: passes
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'ApplicationGatewayFirewallLog', enabled: true }
    ]
  }
}

// passes: the category group the fix adds
resource group 'Microsoft.Network/applicationGateways@2023-09-01' = {
  name: 'agwgroup'
  location: 'westeurope'
  properties: { sku: { name: 'WAF_v2', tier: 'WAF_v2' } }
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
resource auditGroup 'Microsoft.Network/applicationGateways@2023-09-01' = {
  name: 'agwauditgroup'
  location: 'westeurope'
  properties: { sku: { name: 'WAF_v2', tier: 'WAF_v2' } }
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

// fails: ApplicationGatewayFirewallLog missing
resource missing0 'Microsoft.Network/applicationGateways@2023-09-01' = {
  name: 'agwmissing0'
  location: 'westeurope'
  properties: { sku: { name: 'WAF_v2', tier: 'WAF_v2' } }
}

resource missing0Audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: missing0
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
    ]
  }
}

// fails: an entry switched off
resource disabled 'Microsoft.Network/applicationGateways@2023-09-01' = {
  name: 'agwdisabled'
  location: 'westeurope'
  properties: { sku: { name: 'WAF_v2', tier: 'WAF_v2' } }
}

resource disabledAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: disabled
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'ApplicationGatewayFirewallLog', enabled: false }
    ]
  }
}

// fails: no destination
resource nowhere 'Microsoft.Network/applicationGateways@2023-09-01' = {
  name: 'agwnowhere'
  location: 'westeurope'
  properties: { sku: { name: 'WAF_v2', tier: 'WAF_v2' } }
}

resource nowhereAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: nowhere
  properties: {
    logs: [
      { category: 'ApplicationGatewayFirewallLog', enabled: true }
    ]
  }
}

// fails: the setting's condition is false
resource conditional 'Microsoft.Network/applicationGateways@2023-09-01' = {
  name: 'agwconditional'
  location: 'westeurope'
  properties: { sku: { name: 'WAF_v2', tier: 'WAF_v2' } }
}

resource conditionalAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deployAudit) {
  name: 'audit'
  scope: conditional
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'ApplicationGatewayFirewallLog', enabled: true }
    ]
  }
}

// passes: a loop with one setting per instance
resource looped 'Microsoft.Network/applicationGateways@2023-09-01' = [for i in range(0, 2): {
  name: 'agwlooped${i}'
  location: 'westeurope'
  properties: { sku: { name: 'WAF_v2', tier: 'WAF_v2' } }
}]

resource loopedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for i in range(0, 2): {
  name: 'audit'
  scope: looped[i]
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'ApplicationGatewayFirewallLog', enabled: true }
    ]
  }
}]

// passes: a module attaches the setting to the resource, looked up with existing
resource viaModule 'Microsoft.Network/applicationGateways@2023-09-01' = {
  name: 'agwviamodule'
  location: 'westeurope'
  properties: { sku: { name: 'WAF_v2', tier: 'WAF_v2' } }
}

module viaModuleAudit 'mods/Azure.AppGw.FirewallLogs.bicep' = {
  name: 'viaModuleAudit'
  params: { name: viaModule.name }
}

// fails, suppressed
// bicep-audit-disable-next-line Azure.AppGw.FirewallLogs -- exported by an Azure Policy
resource suppressed 'Microsoft.Network/applicationGateways@2023-09-01' = {
  name: 'agwsuppressed'
  location: 'westeurope'
  properties: { sku: { name: 'WAF_v2', tier: 'WAF_v2' } }
}

// fails: no setting
resource bare 'Microsoft.Network/applicationGateways@2023-09-01' = {
  name: 'agwbare'
  location: 'westeurope'
  properties: { sku: { name: 'WAF_v2', tier: 'WAF_v2' } }
}

// not judged: a gateway without a web application firewall
resource notJudged 'Microsoft.Network/applicationGateways@2023-09-01' = {
  name: 'agwstandard'
  location: 'westeurope'
  properties: { sku: { name: 'Standard_v2', tier: 'Standard_v2' } }
}
