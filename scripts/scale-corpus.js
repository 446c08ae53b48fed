// The corpus of `npm run bench:scale`: a registry of modules shaped like the ones teams publish.
// Each module folder has a main.bicep that imports user-defined types from a shared file, takes
// large parameter objects, loops over objects, reads `existing` resources, calls local modules
// four deep and (every other module) a registry module; two e2e tests call it
// (tests/e2e/defaults/main.test.bicep, tests/e2e/max/main.test.bicep), and they are the entries.
// The registry module is served from a module cache written here, so that nothing is fetched.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const REGISTRY_HOST = 'bicepauditbench.azurecr.io';
const REGISTRY_MODULE = `br:${REGISTRY_HOST}/modules/lock:1.0.0`;

const TYPES = `@export()
@description('A diagnostic setting of the resource.')
type diagnosticSettingType = {
  name: string?
  workspaceResourceId: string?
  storageAccountResourceId: string?
  logCategoriesAndGroups: {
    category: string?
    categoryGroup: string?
    enabled: bool?
  }[]?
  metricCategories: {
    category: string
    enabled: bool?
  }[]?
}[]

@export()
type lockType = {
  name: string?
  kind: ('CanNotDelete' | 'ReadOnly' | 'None')?
}

@export()
type roleAssignmentType = {
  roleDefinitionIdOrName: string
  principalId: string
  principalType: ('ServicePrincipal' | 'Group' | 'User')?
  description: string?
}[]

@export()
func shortName(prefix string, name string) string => take('\${prefix}\${uniqueString(name)}', 24)
`;

const LOCK_MODULE = `param name string
param kind string = 'CanNotDelete'

resource lock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: name
  properties: {
    level: kind
    notes: 'Locked by the module.'
  }
}

output resourceId string = lock.id
`;

/** A large parameter object: many settings with defaults, as published modules take them. */
function settingsObject(i, indent) {
  const pad = ' '.repeat(indent);
  const lines = [];
  for (let k = 0; k < 24; k += 1) {
    const value = k % 3 === 0 ? `'value${i}-${k}'` : k % 3 === 1 ? `${k * 10 + (i % 7)}` : k % 2 === 0 ? 'true' : 'false';
    lines.push(`${pad}  setting${k}: ${value}`);
  }
  return `{\n${lines.join('\n')}\n${pad}}`;
}

/** Regions keyed by name: the module loops over this object. */
function replicaObject(i, count, indent) {
  const pad = ' '.repeat(indent);
  const regions = ['westeurope', 'northeurope', 'eastus', 'westus2', 'uksouth'];
  const lines = [];
  for (let k = 0; k < count; k += 1) lines.push(`${pad}  replica${k}: {\n${pad}    location: '${regions[(i + k) % regions.length]}'\n${pad}    zoneRedundancy: ${k % 2 === 0 ? "'Enabled'" : "'Disabled'"}\n${pad}  }`);
  return `{\n${lines.join('\n')}\n${pad}}`;
}

function moduleMain(i, withRegistryModule) {
  const registry = withRegistryModule
    ? `
module registryLock '${REGISTRY_MODULE}' = if (!empty(lock ?? {}) && lock.?kind != 'None') {
  name: '\${uniqueString(deployment().name, location)}-lock'
  params: {
    name: lock.?name ?? 'lock-\${name}'
    kind: lock.?kind ?? 'CanNotDelete'
  }
}
`
    : `
resource registry_lock 'Microsoft.Authorization/locks@2020-05-01' = if (!empty(lock ?? {}) && lock.?kind != 'None') {
  name: lock.?name ?? 'lock-\${name}'
  scope: registry
  properties: {
    level: lock.?kind ?? 'CanNotDelete'
  }
}
`;
  return `metadata name = 'Container registry ${i}'
metadata description = 'Deploys a container registry with replications, webhooks and diagnostic settings.'

import { diagnosticSettingType, lockType, roleAssignmentType, shortName } from '../../shared/types.bicep'

@description('Required. The registry name.')
@minLength(5)
@maxLength(50)
param name string

@description('Optional. Location for all resources.')
param location string = resourceGroup().location

@description('Optional. The diagnostic settings.')
param diagnosticSettings diagnosticSettingType?

@description('Optional. The lock.')
param lock lockType?

@description('Optional. Role assignments.')
param roleAssignments roleAssignmentType?

@description('Optional. Settings of the registry.')
param settings object = ${settingsObject(i, 0)}

@description('Optional. Replications by name.')
param replications object = ${replicaObject(i, 1 + (i % 3), 0)}

@description('Optional. Tags.')
param tags object?

@description('Optional. The name of an existing workspace in this resource group.')
param workspaceName string = 'law-${i}'

var builtInRoleNames = {
  AcrPull: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '7f951dda-4ed3-4680-a7ca-43fe172d538d')
  AcrPush: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8311e382-0749-4cb8-b61a-304f252e45ec')
  Reader: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' existing = {
  name: workspaceName
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Premium'
  }
  properties: {
    adminUserEnabled: settings.setting5 == 'value${i}-5'
    publicNetworkAccess: settings.?setting1 == 0 ? 'Disabled' : 'Enabled'
    zoneRedundancy: 'Disabled'
  }
}

resource registry_diagnosticSettings 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for (setting, index) in (diagnosticSettings ?? []): {
    name: setting.?name ?? '\${name}-diagnosticSettings-\${index}'
    scope: registry
    properties: {
      workspaceId: setting.?workspaceResourceId ?? workspace.id
      storageAccountId: setting.?storageAccountResourceId
      logs: [
        for group in (setting.?logCategoriesAndGroups ?? [{ categoryGroup: 'allLogs' }]): {
          categoryGroup: group.?categoryGroup
          category: group.?category
          enabled: group.?enabled ?? true
        }
      ]
    }
  }
]

resource registry_roleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (assignment, index) in (roleAssignments ?? []): {
    name: guid(registry.id, assignment.principalId, assignment.roleDefinitionIdOrName)
    scope: registry
    properties: {
      roleDefinitionId: builtInRoleNames[?assignment.roleDefinitionIdOrName] ?? assignment.roleDefinitionIdOrName
      principalId: assignment.principalId
      principalType: assignment.?principalType
      description: assignment.?description
    }
  }
]

module registry_replications 'modules/replication/main.bicep' = [
  for (replica, index) in items(replications): {
    name: '\${uniqueString(deployment().name, location)}-replica-\${index}'
    params: {
      registryName: registry.name
      name: replica.key
      location: replica.value.location
      zoneRedundancy: replica.value.zoneRedundancy
      webhookName: shortName('hook', '\${name}\${replica.key}')
    }
  }
]
${registry}
output resourceId string = registry.id
output name string = registry.name
output replicationIds array = [for (replica, index) in items(replications): registry_replications[index].outputs.resourceId]
`;
}

const REPLICATION = (i) => `param registryName string
param name string
param location string
param zoneRedundancy string = 'Disabled'
param webhookName string

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: registryName
}

resource replication 'Microsoft.ContainerRegistry/registries/replications@2023-07-01' = {
  name: name
  parent: registry
  location: location
  properties: {
    regionEndpointEnabled: true
    zoneRedundancy: zoneRedundancy
  }
}

module webhook 'modules/webhook/main.bicep' = {
  name: '\${deployment().name}-webhook'
  params: {
    registryName: registryName
    name: webhookName
    location: location
    actions: ['push', 'delete']
    serviceUri: 'https://hooks.example.org/registry${i}/\${name}'
  }
}

output resourceId string = replication.id
`;

const WEBHOOK = (i) => `param registryName string
param name string
param location string
param actions array
@secure()
param serviceUri string

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: registryName
}

resource webhook 'Microsoft.ContainerRegistry/registries/webhooks@2023-07-01' = {
  name: name
  parent: registry
  location: location
  properties: {
    actions: actions
    serviceUri: serviceUri
    status: 'enabled'
    scope: 'repo${i}:*'
  }
}

module scopeMap 'modules/scope-map/main.bicep' = {
  name: '\${deployment().name}-scope'
  params: {
    registryName: registryName
    name: 'map\${uniqueString(name)}'
    actions: [for action in actions: 'repositories/repo${i}/content/\${action == 'push' ? 'write' : 'delete'}']
  }
}
`;

const SCOPE_MAP = `param registryName string
param name string
param actions array

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: registryName
}

resource scopeMap 'Microsoft.ContainerRegistry/registries/scopeMaps@2023-07-01' = {
  name: name
  parent: registry
  properties: {
    actions: actions
  }
}
`;

const DEFAULTS_TEST = (i) => `targetScope = 'subscription'

metadata name = 'Using only defaults'

param resourceGroupName string = 'rg-registry${i}-defaults'
param location string = deployment().location
param namePrefix string = 'tst'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2021-04-01' = {
  name: resourceGroupName
  location: location
}

module testDeployment '../../../main.bicep' = [
  for iteration in ['init', 'idem']: {
    scope: resourceGroup
    name: '\${uniqueString(deployment().name, location)}-test-\${iteration}'
    params: {
      name: '\${namePrefix}acrdef${i}'
      location: location
    }
  }
]
`;

const DEPENDENCIES = (i) => `param location string = resourceGroup().location
param workspaceName string

resource workspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: workspaceName
  location: location
  properties: {
    retentionInDays: ${30 + (i % 60)}
  }
}

output workspaceResourceId string = workspace.id
`;

const MAX_TEST = (i) => `targetScope = 'subscription'

metadata name = 'Using large parameter set'

param resourceGroupName string = 'rg-registry${i}-max'
param location string = deployment().location
param namePrefix string = 'tst'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2021-04-01' = {
  name: resourceGroupName
  location: location
}

module nestedDependencies 'dependencies.bicep' = {
  scope: resourceGroup
  name: '\${uniqueString(deployment().name, location)}-dependencies'
  params: {
    location: location
    workspaceName: 'law-max-${i}'
  }
}

module testDeployment '../../../main.bicep' = [
  for iteration in ['init', 'idem']: {
    scope: resourceGroup
    name: '\${uniqueString(deployment().name, location)}-test-\${iteration}'
    params: {
      name: '\${namePrefix}acrmax${i}'
      location: location
      lock: {
        name: 'lock-max-${i}'
        kind: 'CanNotDelete'
      }
      diagnosticSettings: [
        {
          name: 'audit-${i}'
          workspaceResourceId: nestedDependencies.outputs.workspaceResourceId
          logCategoriesAndGroups: ${i % 3 === 0 ? "[{ category: 'ContainerRegistryLoginEvents' }]" : "[{ categoryGroup: 'audit' }]"}
        }
      ]
      roleAssignments: [
        {
          roleDefinitionIdOrName: 'AcrPull'
          principalId: '${crypto.createHash('sha256').update(String(i)).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5')}'
          principalType: 'ServicePrincipal'
        }
      ]
      settings: ${settingsObject(i + 1, 6)}
      replications: ${replicaObject(i + 1, 2 + (i % 3), 6)}
      tags: {
        environment: 'test'
        module: 'registry${i}'
      }
    }
  }
]
`;

function write(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/**
 * Writes the registry module into a Bicep module cache below `home` (what `bicep restore` would
 * write: the template, its manifest and the manifest's digest), so that compiles find it there.
 */
function writeModuleCache(home, cli) {
  const { spawnSync } = require('node:child_process');
  const source = path.join(home, 'lock-module', 'main.bicep');
  write(source, LOCK_MODULE);
  const built = spawnSync(cli, ['build', source, '--stdout'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`cannot build the registry module: ${built.stderr}`);
  const template = built.stdout;
  const folder = path.join(home, '.bicep', 'br', REGISTRY_HOST, 'modules$lock', '1.0.0$');
  const digest = (text) => `sha256:${crypto.createHash('sha256').update(text).digest('hex')}`;
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    artifactType: 'application/vnd.ms.bicep.module.artifact',
    config: { mediaType: 'application/vnd.ms.bicep.module.config.v1+json', digest: digest('{}'), size: 2 },
    layers: [{ mediaType: 'application/vnd.ms.bicep.module.layer.v1+json', digest: digest(template), size: Buffer.byteLength(template) }],
  });
  write(path.join(folder, 'main.json'), template);
  write(path.join(folder, 'manifest'), manifest);
  write(path.join(folder, 'metadata'), JSON.stringify({ manifestDigest: digest(manifest) }));
}

/** Writes `entries` entries (two e2e tests per module) below `folder`; returns the entries' paths. */
function writeScaleCorpus(folder, entries) {
  write(path.join(folder, 'shared', 'types.bicep'), TYPES);
  const written = [];
  for (let i = 0; 2 * i < entries; i += 1) {
    const moduleFolder = path.join(folder, 'modules', `registry${String(i).padStart(4, '0')}`);
    write(path.join(moduleFolder, 'main.bicep'), moduleMain(i, i % 2 === 0));
    write(path.join(moduleFolder, 'modules', 'replication', 'main.bicep'), REPLICATION(i));
    write(path.join(moduleFolder, 'modules', 'replication', 'modules', 'webhook', 'main.bicep'), WEBHOOK(i));
    write(path.join(moduleFolder, 'modules', 'replication', 'modules', 'webhook', 'modules', 'scope-map', 'main.bicep'), SCOPE_MAP);
    const defaults = path.join(moduleFolder, 'tests', 'e2e', 'defaults', 'main.test.bicep');
    write(defaults, DEFAULTS_TEST(i));
    written.push(defaults);
    if (2 * i + 1 < entries) {
      const max = path.join(moduleFolder, 'tests', 'e2e', 'max', 'main.test.bicep');
      write(max, MAX_TEST(i));
      write(path.join(moduleFolder, 'tests', 'e2e', 'max', 'dependencies.bicep'), DEPENDENCIES(i));
      written.push(max);
    }
  }
  return written;
}

module.exports = { writeScaleCorpus, writeModuleCache };
