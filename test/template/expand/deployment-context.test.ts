import { describeValue } from '../../../src/template/describe-value';
import { expandTemplate } from '../../../src/template/expand/expand-template';
import type { DeploymentContext } from '../../../src/template/expand/deployment-scope';
import { parseJsonWithPositions } from '../../../src/template/parse-json';

const CONTEXT: DeploymentContext = {
  subscriptionId: '00000000-0000-0000-0000-0000000000aa',
  resourceGroup: 'rg-prod',
  location: 'westeurope',
  tenantId: '00000000-0000-0000-0000-0000000000bb',
  deploymentName: 'release-42',
};

/** What the one registry of a template holds in `properties.seen`, as text, after expanding it on `context`. */
function seenBy(template: object, context?: DeploymentContext): string {
  const doc = parseJsonWithPositions('/t/main.json', JSON.stringify(template));
  const expansion = expandTemplate(doc, context ? { deployment: context } : {});
  expect(expansion.problems).toEqual([]);
  const properties = expansion.instances.find((i) => i.type === 'Microsoft.ContainerRegistry/registries')!.body.properties as { seen: never };
  return describeValue(properties.seen);
}

const registry = (seen: string) => ({ type: 'Microsoft.ContainerRegistry/registries', apiVersion: '2023-07-01', name: 'acr', location: 'x', properties: { seen } });
const RG_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const SUB_SCHEMA = 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#';
const TENANT_SCHEMA = 'https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#';

describe('the deployment context (where the entry template deploys)', () => {
  const named = (expression: string) => ({ $schema: RG_SCHEMA, resources: [registry(expression)] });

  it.each([
    ["[resourceGroup().location]", 'westeurope'],
    ["[resourceGroup().name]", 'rg-prod'],
    ["[resourceGroup().id]", '/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-prod'],
    ["[subscription().subscriptionId]", '00000000-0000-0000-0000-0000000000aa'],
    ["[tenant().tenantId]", '00000000-0000-0000-0000-0000000000bb'],
    ["[deployment().name]", 'release-42'],
  ])('%s is the given value', (expression, value) => {
    expect(seenBy(named(expression), CONTEXT)).toBe(value);
  });

  it('leaves each value unknown when it is not given', () => {
    expect(seenBy(named("[format('{0}-{1}', resourceGroup().location, deployment().name)]"))).toBe('{resourceGroup().location}-{deployment().name}');
  });

  it('gives deployment().location at subscription scope, and to a module there, which Bicep passes it to', () => {
    const module = {
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: 'inner',
      location: '[deployment().location]',
      properties: {
        mode: 'Incremental',
        expressionEvaluationOptions: { scope: 'inner' },
        template: { $schema: SUB_SCHEMA, resources: [registry("[format('{0}-{1}', deployment().location, deployment().name)]")] },
      },
    };
    // A registry at subscription scope is not deployable, but it shows what the module sees.
    expect(seenBy({ $schema: SUB_SCHEMA, resources: [module] }, CONTEXT)).toBe('westeurope-inner');
    expect(seenBy({ $schema: TENANT_SCHEMA, resources: [registry('[deployment().location]')] }, CONTEXT)).toBe('westeurope');
  });

  it("keeps the resource group's location in a module to the same resource group, not in one to another", () => {
    const moduleTo = (group: string) => ({
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: 'inner',
      resourceGroup: group,
      properties: {
        mode: 'Incremental',
        expressionEvaluationOptions: { scope: 'inner' },
        template: { $schema: RG_SCHEMA, resources: [registry('[resourceGroup().location]')] },
      },
    });
    expect(seenBy({ $schema: RG_SCHEMA, resources: [moduleTo('rg-prod')] }, CONTEXT)).toBe('westeurope');
    expect(seenBy({ $schema: RG_SCHEMA, resources: [moduleTo('rg-other')] }, CONTEXT)).toBe('{resourceGroup().location}');
  });
});
