// Azure.FrontDoor.Logs: one resource per case; the test names the findings it expects.
param deployAudit bool = false

// passes: every category
resource passes 'Microsoft.Network/frontDoors@2021-06-01' = {
  name: 'fdpasses'
  location: 'global'
}

resource passesAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: passes
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'FrontdoorAccessLog', enabled: true }
      { category: 'FrontdoorWebApplicationFirewallLog', enabled: true }
    ]
  }
}

// passes: the category group the fix adds
resource group 'Microsoft.Network/frontDoors@2021-06-01' = {
  name: 'fdgroup'
  location: 'global'
}

resource groupAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: group
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { categoryGroup: 'audit', enabled: true }
    ]
  }
}

// fails: FrontdoorAccessLog missing
resource missing0 'Microsoft.Network/frontDoors@2021-06-01' = {
  name: 'fdmissing0'
  location: 'global'
}

resource missing0Audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: missing0
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'FrontdoorWebApplicationFirewallLog', enabled: true }
    ]
  }
}

// fails: FrontdoorWebApplicationFirewallLog missing
resource missing1 'Microsoft.Network/frontDoors@2021-06-01' = {
  name: 'fdmissing1'
  location: 'global'
}

resource missing1Audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: missing1
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'FrontdoorAccessLog', enabled: true }
    ]
  }
}

// fails: an entry switched off
resource disabled 'Microsoft.Network/frontDoors@2021-06-01' = {
  name: 'fddisabled'
  location: 'global'
}

resource disabledAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: disabled
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'FrontdoorAccessLog', enabled: false }
      { category: 'FrontdoorWebApplicationFirewallLog', enabled: true }
    ]
  }
}

// fails: no destination
resource nowhere 'Microsoft.Network/frontDoors@2021-06-01' = {
  name: 'fdnowhere'
  location: 'global'
}

resource nowhereAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: nowhere
  properties: {
    logs: [
      { category: 'FrontdoorAccessLog', enabled: true }
      { category: 'FrontdoorWebApplicationFirewallLog', enabled: true }
    ]
  }
}

// fails: the setting's condition is false
resource conditional 'Microsoft.Network/frontDoors@2021-06-01' = {
  name: 'fdconditional'
  location: 'global'
}

resource conditionalAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deployAudit) {
  name: 'audit'
  scope: conditional
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'FrontdoorAccessLog', enabled: true }
      { category: 'FrontdoorWebApplicationFirewallLog', enabled: true }
    ]
  }
}

// passes: a loop with one setting per instance
resource looped 'Microsoft.Network/frontDoors@2021-06-01' = [for i in range(0, 2): {
  name: 'fdlooped${i}'
  location: 'global'
}]

resource loopedAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for i in range(0, 2): {
  name: 'audit'
  scope: looped[i]
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'FrontdoorAccessLog', enabled: true }
      { category: 'FrontdoorWebApplicationFirewallLog', enabled: true }
    ]
  }
}]

// passes: a module attaches the setting to the resource, looked up with existing
resource viaModule 'Microsoft.Network/frontDoors@2021-06-01' = {
  name: 'fdviamodule'
  location: 'global'
}

module viaModuleAudit 'mods/Azure.FrontDoor.Logs.bicep' = {
  name: 'viaModuleAudit'
  params: { name: viaModule.name }
}

// fails, suppressed
// bicep-audit-disable-next-line Azure.FrontDoor.Logs -- exported by an Azure Policy
resource suppressed 'Microsoft.Network/frontDoors@2021-06-01' = {
  name: 'fdsuppressed'
  location: 'global'
}

// fails: no setting
resource bare 'Microsoft.Network/frontDoors@2021-06-01' = {
  name: 'fdbare'
  location: 'global'
}
