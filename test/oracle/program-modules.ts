import type { TargetKind } from './target-kinds';

export const SETTING = "'Microsoft.Insights/diagnosticSettings@2021-05-01-preview'";

/** Where each module of a kind lives in a program. */
export const modulePath = {
  setting: (kind: TargetKind) => `modules/${kind.stem}-setting.bicep`,
  target: (kind: TargetKind) => `modules/${kind.stem}.bicep`,
  avm: (kind: TargetKind) => `modules/avm-${kind.stem}.bicep`,
};

/** The setting module: attaches a setting to an `existing` resource of the kind, named by its caller. */
export function settingModule(kind: TargetKind): string {
  return `param targetName string
param settingName string
param logs array
param workspaceId string = ''

resource target ${kind.declaration} existing = {
  name: targetName
}

resource setting ${SETTING} = {
  name: settingName
  scope: target
  properties: {
    workspaceId: empty(workspaceId) ? null : workspaceId
    logs: logs
  }
}
`;
}

/** The target module: deploys a resource of the kind and, when asked, a setting on it with one category group. */
export function targetModule(kind: TargetKind): string {
  return `param name string
param location string = resourceGroup().location
param auditLogs bool = false
param group string = 'audit'
param workspaceId string

resource target ${kind.declaration} = {
  name: name
  location: location
${kind.body.join('\n')}
}

resource setting ${SETTING} = if (auditLogs) {
  name: '\${name}-audit'
  scope: target
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: group, enabled: true }]
  }
}

output id string = target.id
output name string = target.name
`;
}

/** A module of the kind in the style of Azure Verified Modules: typed, nullable settings, `??`, `.?` and a lambda. */
export function avmModule(kind: TargetKind): string {
  return `type logCategoryType = {
  category: string?
  categoryGroup: string?
  enabled: bool?
}

type diagnosticSettingType = {
  name: string?
  workspaceResourceId: string?
  storageAccountResourceId: string?
  logCategoriesAndGroups: logCategoryType[]?
}[]?

param name string
param location string = resourceGroup().location
param diagnosticSettings diagnosticSettingType
param exportEnabled bool = true

resource target ${kind.declaration} = {
  name: name
  location: location
${kind.body.join('\n')}
}

resource settings ${SETTING} = [for (setting, index) in (diagnosticSettings ?? []): if (exportEnabled) {
  name: setting.?name ?? '\${name}-diagnosticSettings-\${index}'
  scope: target
  properties: {
    workspaceId: setting.?workspaceResourceId
    storageAccountId: setting.?storageAccountResourceId
    logs: map(setting.?logCategoriesAndGroups ?? [{ categoryGroup: 'allLogs' }], group => {
      category: group.?category
      categoryGroup: group.?categoryGroup
      enabled: group.?enabled ?? true
    })
  }
}]

output name string = target.name
output resourceId string = target.id
`;
}
