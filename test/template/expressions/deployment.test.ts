import { Symbolic, type Value } from '../../../src/template/expressions/value';
import { deploymentOrigin, deploymentValue, parameterOrigin, parameterValue, run, expectEvaluationError } from './test-context';

const scopeOrigins = [deploymentOrigin('subscription().subscriptionId'), deploymentOrigin('resourceGroup().name')];
const storageId = new Symbolic(
  "concat('/subscriptions/', subscription().subscriptionId, '/resourceGroups/', resourceGroup().name, '/providers/Microsoft.Storage/storageAccounts/sa')",
  'string',
  scopeOrigins,
  ['/subscriptions/', deploymentValue('subscription().subscriptionId'), '/resourceGroups/', deploymentValue('resourceGroup().name'), '/providers/Microsoft.Storage/storageAccounts/sa'],
);

describe('deployment functions', () => {
  it.each<[string, Value]>([
    ["[parameters('location')]", 'westeurope'],
    ["[parameters('prefix')]", parameterValue('prefix', 'string')],
    ["[parameters(concat('loc', 'ation'))]", 'westeurope'],
    [
      "[parameters(parameters('prefix'))]",
      new Symbolic("parameters(parameters('prefix'))", 'any', [parameterOrigin('prefix')]),
    ],
    ["[variables('greeting')]", 'hello'],
    ["[variables('nested').inner]", ['westeurope', '[literal]']],
    ['[copyIndex()]', 4],
    ['[copyIndex(1)]', 5],
    ["[copyIndex('disks')]", 10],
    ["[copyIndex('disks', 2)]", 12],
    ['[resourceGroup().type]', 'Microsoft.Resources/resourceGroups'],
    ['[resourceGroup().location]', deploymentValue('resourceGroup().location')],
    ['[subscription().subscriptionId]', deploymentValue('subscription().subscriptionId')],
    ['[tenant().tenantId]', deploymentValue('tenant().tenantId')],
    ['[deployment().name]', 'main-deploy'],
    ['[environment().suffixes.storage]', 'core.windows.net'],
    [
      "[reference('sa').primaryEndpoints]",
      new Symbolic("reference('sa').primaryEndpoints", 'any', [{ kind: 'runtime', name: 'reference()' }]),
    ],
    [
      "[reference(resourceId('Microsoft.Storage/storageAccounts', 'sa'), '2023-01-01', 'Full').properties]",
      new Symbolic(`reference(${storageId.key}, '2023-01-01', 'Full').properties`, 'any', [{ kind: 'runtime', name: 'reference()' }, ...scopeOrigins]),
    ],
    [
      "[listKeys(resourceId('Microsoft.Storage/storageAccounts', 'sa'), '2023-01-01').keys[0].value]",
      new Symbolic(`listKeys(${storageId.key}, '2023-01-01').keys[0].value`, 'any', [{ kind: 'runtime', name: 'listKeys' }, ...scopeOrigins]),
    ],
    ["[listSecrets('id', '2020-01-01')]", new Symbolic("listSecrets('id', '2020-01-01')", 'any', [{ kind: 'runtime', name: 'listSecrets' }])],
    ['[utcNow()]', new Symbolic('utcNow()', 'string', [{ kind: 'runtime', name: 'utcNow()' }])],
    ["[utcNow('yyyy')]", new Symbolic("utcNow('yyyy')", 'string', [{ kind: 'runtime', name: 'utcNow()' }])],
    [
      "[references('vms')]",
      new Symbolic("references('vms')", 'array', [{ kind: 'runtime', name: 'references()' }]),
    ],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it('gives every newGuid() its own key', () => {
    const [first, second] = [run('[newGuid()]') as Symbolic, run('[newGuid()]') as Symbolic];
    expect(first.type).toBe('string');
    expect(first.origins).toEqual([{ kind: 'runtime', name: 'newGuid()' }]);
    expect(first.key).not.toBe(second.key);
    expect(run("[equals(parameters('prefix'), parameters('prefix'))]")).toBe(true);
  });

  it.each([
    ['[parameters(1)]', 'parameters: the parameter name must be a string, not 1', 0],
    ["[variables('missing')]", "the template has no variable 'missing'", 0],
    ["[copyIndex('vms')]", "there is no copy loop 'vms'", 0],
    ["[copyIndex('disks', 'x')]", "copyIndex: the offset must be an integer, not 'x'", 0],
    ["[reference('sa', '2020-01-01', 'Partial')]", "reference: the third argument must be 'Full', not 'Partial'", 0],
    ["[concat('a', resourceGroup('x'))]", 'resourceGroup takes 0 arguments, not 1', 12],
  ])('%s fails: %s', (expression, message, offset) => {
    expectEvaluationError(expression, message, offset);
  });
});
