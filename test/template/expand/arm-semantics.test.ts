import { describeValue } from '../../../src/template/describe-value';
import { expandTemplate } from '../../../src/template/expand/expand-template';
import type { Expansion } from '../../../src/template/expand/instance';
import { parseJsonWithPositions } from '../../../src/template/parse-json';

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

function expand(template: object): Expansion {
  return expandTemplate(parseJsonWithPositions('/t/main.json', JSON.stringify({ $schema: SCHEMA, languageVersion: '2.0', contentVersion: '1.0.0.0', ...template })));
}

/** A module (inner scope) that shows each listed parameter's value as a property of one storage account. */
function moduleShowing(parameters: Record<string, object>, passed: Record<string, object>, definitions: object = {}) {
  return {
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2022-09-01',
    name: 'shown',
    properties: {
      mode: 'Incremental',
      expressionEvaluationOptions: { scope: 'inner' },
      parameters: passed,
      template: {
        $schema: SCHEMA,
        languageVersion: '2.0',
        contentVersion: '1.0.0.0',
        definitions,
        parameters,
        resources: {
          shown: {
            type: 'Microsoft.Storage/storageAccounts',
            apiVersion: '2023-01-01',
            name: 'shown',
            properties: Object.fromEntries(Object.keys(parameters).map((name) => [name, `[parameters('${name}')]`])),
          },
        },
      },
    },
  };
}

/** The properties of the module's storage account, as text. */
function shown(expansion: Expansion): Record<string, string> {
  const account = expansion.instances.find((i) => i.symbolicName === 'shown' && i.type === 'Microsoft.Storage/storageAccounts')!;
  return Object.fromEntries(Object.entries(account.body.properties as object).map(([k, v]) => [k, describeValue(v)]));
}

describe('ARM semantics the engine follows', () => {
  it('a parameter whose type alias is nullable ($ref to a nullable definition) is null when not passed', () => {
    const expansion = expand({
      resources: { module: moduleShowing({ settings: { $ref: '#/definitions/settingsType' } }, {}, { settingsType: { type: 'array', nullable: true } }) },
    });
    expect(expansion.problems).toEqual([]);
    expect(shown(expansion)).toEqual({ settings: 'null' });
  });

  it('null passed to a parameter with a default gets the default', () => {
    const expansion = expand({
      resources: { module: moduleShowing({ audit: { type: 'bool', defaultValue: true } }, { audit: { value: null } }) },
    });
    expect(shown(expansion)).toEqual({ audit: 'true' });
  });

  it('a module parameter that cannot be evaluated leaves the others passed', () => {
    const expansion = expand({
      resources: {
        module: moduleShowing(
          { broken: { type: 'string', defaultValue: 'default' }, workspace: { type: 'string', defaultValue: 'default' } },
          { broken: { value: "[split('a')]" }, workspace: { value: 'given' } },
        ),
      },
    });
    expect(expansion.problems.map((p) => p.message)).toEqual(["parameter 'broken': split takes 2 arguments, not 1"]);
    expect(shown(expansion)).toEqual({ broken: '{not evaluated}', workspace: 'given' });
  });

  it('a property that cannot be evaluated (metrics) leaves the others (logs) known', () => {
    const expansion = expand({
      resources: {
        audit: {
          type: 'Microsoft.Insights/diagnosticSettings',
          apiVersion: '2021-05-01-preview',
          scope: "[resourceId('Microsoft.ContainerRegistry/registries', 'acr')]",
          name: 'audit',
          properties: { workspaceId: 'w', logs: [{ categoryGroup: 'audit', enabled: true }], metrics: "[split('a')]" },
        },
      },
    });
    expect(expansion.problems.map((p) => p.message)).toEqual(["'properties.metrics': split takes 2 arguments, not 1"]);
    const properties = expansion.instances[0]!.body.properties as Record<string, unknown>;
    expect(properties.logs).toEqual([{ categoryGroup: 'audit', enabled: true }]);
    expect(describeValue(properties.metrics as never)).toBe('{not evaluated}');
  });

  it('copyIndex() without a name inside a property loop is the resource loop’s index', () => {
    const expansion = expand({
      resources: {
        accounts: {
          copy: { name: 'accounts', count: 2 },
          type: 'Microsoft.Storage/storageAccounts',
          apiVersion: '2023-01-01',
          name: "[format('sa{0}', copyIndex())]",
          properties: { copy: [{ name: 'rules', count: 3, input: { resource: '[copyIndex()]', rule: "[copyIndex('rules')]" } }] },
        },
      },
    });
    expect(expansion.problems).toEqual([]);
    expect(expansion.instances.map((i) => (i.body.properties as { rules: unknown }).rules)).toEqual([
      [0, 1, 2].map((rule) => ({ resource: 0, rule })),
      [0, 1, 2].map((rule) => ({ resource: 1, rule })),
    ]);
  });

  it('an output copy loop is an array, and copyIndex() in it is its own index', () => {
    const withOutputs = expand({
      resources: {
        module: {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'outer',
          properties: {
            mode: 'Incremental',
            expressionEvaluationOptions: { scope: 'inner' },
            template: {
              $schema: SCHEMA,
              contentVersion: '1.0.0.0',
              resources: [],
              outputs: { names: { type: 'array', copy: { count: 2, input: "[format('n{0}', copyIndex())]" } } },
            },
          },
        },
        reader: {
          type: 'Microsoft.Storage/storageAccounts',
          apiVersion: '2023-01-01',
          name: 'reader',
          properties: { read: "[reference('module').outputs.names.value]" },
        },
      },
    });
    expect(withOutputs.problems).toEqual([]);
    expect(withOutputs.instances.find((i) => i.symbolicName === 'reader')!.body.properties).toEqual({ read: ['n0', 'n1'] });
  });

  it('nothing inside a resource or module whose condition is false is evaluated: no problems from it', () => {
    const broken = "[split('a')]";
    const expansion = expand({
      resources: {
        off: { condition: false, type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: 'off', properties: { x: broken } },
        module: { ...moduleShowing({ p: { type: 'string' } }, { p: { value: broken } }), condition: '[equals(1, 2)]' },
      },
    });
    expect(expansion.problems).toEqual([]);
    expect(expansion.instances.map((i) => [i.symbolicName, i.condition])).toEqual([
      ['off', false],
      ['module', false],
      ['shown', false],
    ]);
  });
});
