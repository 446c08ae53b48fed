// Azure.Storage.AuditLogs: one storage account per case; the test names the findings it expects.
param deployAudit bool = false

// passes: the blob service exports every category
resource passes 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stpasses'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

resource passesBlob 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = {
  parent: passes
  name: 'default'
}

resource passesAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: passesBlob
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'StorageRead', enabled: true }
      { category: 'StorageWrite', enabled: true }
      { category: 'StorageDelete', enabled: true }
    ]
  }
}

// passes: the audit group
resource group 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stgroup'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

resource groupBlob 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = {
  parent: group
  name: 'default'
}

resource groupAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: groupBlob
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { categoryGroup: 'audit', enabled: true }
    ]
  }
}

// fails: StorageDelete missing
resource missing 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stmissing'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

resource missingBlob 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = {
  parent: missing
  name: 'default'
}

resource missingAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: missingBlob
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'StorageRead', enabled: true }
      { category: 'StorageWrite', enabled: true }
    ]
  }
}

// fails: StorageRead switched off
resource disabled 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stdisabled'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

resource disabledBlob 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = {
  parent: disabled
  name: 'default'
}

resource disabledAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: disabledBlob
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'StorageRead', enabled: false }
      { category: 'StorageWrite', enabled: true }
      { category: 'StorageDelete', enabled: true }
    ]
  }
}

// fails: the setting's condition is false
resource conditional 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stconditional'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

resource conditionalBlob 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = {
  parent: conditional
  name: 'default'
}

resource conditionalAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (deployAudit) {
  name: 'audit'
  scope: conditionalBlob
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { category: 'StorageRead', enabled: true }
      { category: 'StorageWrite', enabled: true }
      { category: 'StorageDelete', enabled: true }
    ]
  }
}

// fails: the blob service Azure creates is not declared, so nothing is on it; reported on the account
resource accountOnly 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'staccountonly'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

// fails: a declared file service without a setting (the blob service passes)
resource fileToo 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stfiletoo'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

resource fileTooBlob 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = {
  parent: fileToo
  name: 'default'
}

resource fileTooBlobAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: fileTooBlob
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { categoryGroup: 'allLogs', enabled: true }
    ]
  }
}

resource fileTooFiles 'Microsoft.Storage/storageAccounts/fileServices@2023-01-01' = {
  parent: fileToo
  name: 'default'
}

// fails: a setting on the account itself exports none of the services' logs
resource onAccount 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stonaccount'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

resource onAccountAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: onAccount
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/audit'
    logs: [
      { categoryGroup: 'allLogs', enabled: true }
    ]
  }
}

// passes: a module attaches the setting to the blob service, looked up with existing
resource viaModule 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stviamodule'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}

module viaModuleAudit 'mods/Azure.Storage.AuditLogs.bicep' = {
  name: 'viaModuleAudit'
  params: { name: viaModule.name }
}

// fails, suppressed
// bicep-audit-disable-next-line Azure.Storage.AuditLogs -- exported by an Azure Policy
resource suppressed 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stsuppressed'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
