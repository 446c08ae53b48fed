import { Symbolic, type Value } from '../../../src/template/expressions/value';
import { deploymentOrigin, deploymentValue, parameterOrigin, parameterValue, run, expectEvaluationError } from './test-context';

const subscriptionId = deploymentValue('subscription().subscriptionId');
const groupName = deploymentValue('resourceGroup().name');
const prefix = parameterValue('prefix', 'string');
const scopeOrigins = [deploymentOrigin('subscription().subscriptionId'), deploymentOrigin('resourceGroup().name')];

/** A text of the given parts, keyed as text() keys it. */
const id = (parts: (string | Symbolic)[], origins = scopeOrigins): Symbolic =>
  new Symbolic(`concat(${parts.map((p) => (typeof p === 'string' ? `'${p}'` : p.key)).join(', ')})`, 'string', origins, parts);

describe('resource ID functions', () => {
  it.each<[string, Value]>([
    [
      "[resourceId('Microsoft.Storage/storageAccounts', 'sa')]",
      id(['/subscriptions/', subscriptionId, '/resourceGroups/', groupName, '/providers/Microsoft.Storage/storageAccounts/sa']),
    ],
    [
      "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')]",
      id(['/subscriptions/', subscriptionId, '/resourceGroups/', groupName, '/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default']),
    ],
    [
      "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet/default')]",
      id(['/subscriptions/', subscriptionId, '/resourceGroups/', groupName, '/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default']),
    ],
    [
      "[resourceId('other-rg', 'Microsoft.Storage/storageAccounts', 'sa')]",
      id(['/subscriptions/', subscriptionId, '/resourceGroups/other-rg/providers/Microsoft.Storage/storageAccounts/sa'], [
        deploymentOrigin('subscription().subscriptionId'),
      ]),
    ],
    ["[resourceId('sub-1', 'rg-1', 'Microsoft.Storage/storageAccounts', 'sa')]", '/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Storage/storageAccounts/sa'],
    [
      "[resourceId('sub-1', 'rg-1', 'Microsoft.Storage/storageAccounts', parameters('prefix'))]",
      id(['/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Storage/storageAccounts/', prefix], [parameterOrigin('prefix')]),
    ],
    [
      "[resourceId(parameters('prefix'), 'x', 'n')]",
      new Symbolic("resourceId(parameters('prefix'), 'x', 'n')", 'string', [parameterOrigin('prefix')]),
    ],
    [
      "[subscriptionResourceId('Microsoft.Resources/resourceGroups', 'rg1')]",
      id(['/subscriptions/', subscriptionId, '/resourceGroups/rg1'], [deploymentOrigin('subscription().subscriptionId')]),
    ],
    ["[subscriptionResourceId('sub-1', 'Microsoft.Resources/resourceGroups', 'rg1')]", '/subscriptions/sub-1/resourceGroups/rg1'],
    ["[tenantResourceId('Microsoft.Management/managementGroups', 'mg')]", '/providers/Microsoft.Management/managementGroups/mg'],
    [
      "[managementGroupResourceId('mg1', 'Microsoft.Authorization/policyDefinitions', 'p')]",
      '/providers/Microsoft.Management/managementGroups/mg1/providers/Microsoft.Authorization/policyDefinitions/p',
    ],
    [
      "[managementGroupResourceId('Microsoft.Authorization/policyDefinitions', 'p')]",
      id(
        ['/providers/Microsoft.Management/managementGroups/', deploymentValue('managementGroup().name'), '/providers/Microsoft.Authorization/policyDefinitions/p'],
        [deploymentOrigin('managementGroup().name')],
      ),
    ],
    [
      "[extensionResourceId(resourceGroup().id, 'Microsoft.Authorization/locks', 'lock1')]",
      id([deploymentValue('resourceGroup().id'), '/providers/Microsoft.Authorization/locks/lock1'], [deploymentOrigin('resourceGroup().id')]),
    ],
    [
      "[extensionResourceId('/subscriptions/s/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/sa', 'Microsoft.Insights/diagnosticSettings', 'd')]",
      '/subscriptions/s/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/sa/providers/Microsoft.Insights/diagnosticSettings/d',
    ],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it.each([
    [
      "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')]",
      "[format('/subscriptions/{0}/resourceGroups/{1}/providers/Microsoft.Network/virtualNetworks/{2}/subnets/{3}', subscription().subscriptionId, resourceGroup().name, 'vnet', 'default')]",
    ],
    [
      "[resourceId('Microsoft.Storage/storageAccounts', parameters('prefix'))]",
      "[concat('/subscriptions/', subscription().subscriptionId, '/resourceGroups/', resourceGroup().name, '/providers/Microsoft.Storage/storageAccounts/', parameters('prefix'))]",
    ],
  ])('%s equals the same ID built by format or concat', (viaResourceId, viaText) => {
    expect(run(viaResourceId)).toEqual(run(viaText));
    expect(run(`[equals(${viaResourceId.slice(1, -1)}, ${viaText.slice(1, -1)})]`)).toBe(true);
  });

  it('tells IDs of different resources apart', () => {
    expect(run("[equals(resourceId('Microsoft.Storage/storageAccounts', 'a'), resourceId('Microsoft.Storage/storageAccounts', 'b'))]")).toBe(false);
  });

  it.each([
    ["[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet')]", "resourceId: the type 'Microsoft.Network/virtualNetworks/subnets' takes 2 names, one per type segment, not 1"],
    ["[tenantResourceId('Microsoft.Management/managementGroups', 'a', 'b')]", "tenantResourceId: the type 'Microsoft.Management/managementGroups' takes 1 name, one per type segment, not 2"],
    ["[resourceId('a', 'b', 'c', 'd')]", "resourceId: none of the first 3 arguments is a resource type such as 'Microsoft.Storage/storageAccounts'"],
    ["[resourceId('Microsoft.Storage/storageAccounts', 1)]", 'resourceId: a resource name must be a string, not 1'],
    ["[extensionResourceId('/x', 'locks', 'l')]", "extensionResourceId: the second argument must be a resource type, not 'locks'"],
  ])('%s fails: %s', (expression, message) => {
    expectEvaluationError(expression, message);
  });
});
