import { expandTemplate } from '../../../src/template/expand/expand-template';
import type { JsonValue } from '../../../src/template/expressions/value';
import { parseJsonWithPositions } from '../../../src/template/parse-json';

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

function expandJson(template: JsonValue) {
  const text = JSON.stringify(template, null, 2);
  const expansion = expandTemplate(parseJsonWithPositions('/virtual/template.json', text));
  return { expansion, text };
}

function registry(extra: Record<string, JsonValue> = {}): Record<string, JsonValue> {
  return { type: 'Microsoft.ContainerRegistry/registries', apiVersion: '2023-07-01', name: 'acr', ...extra };
}

describe('bounds', () => {
  it('a copy loop over 800 instances is a limit problem on its count, not a hang', () => {
    const { expansion, text } = expandJson({
      $schema: SCHEMA,
      languageVersion: '2.0',
      resources: { many: registry({ copy: { name: 'many', count: 801 }, name: "[format('acr{0}', copyIndex())]" }) },
    });
    expect(expansion.instances).toEqual([]);
    expect(expansion.problems).toEqual([
      {
        kind: 'limit',
        message: "copy loop 'many' has 801 instances; Azure allows at most 800",
        at: { file: '/virtual/template.json', offset: text.indexOf('801'), length: 3 },
        jsonPath: ['resources', 'many', 'copy', 'count'],
      },
    ]);
  });

  it('a variable that refers to itself is an evaluation problem on the resource that reads it', () => {
    const { expansion } = expandJson({
      $schema: SCHEMA,
      languageVersion: '2.0',
      variables: { a: "[variables('b')]", b: "[concat(variables('a'), 'x')]" },
      resources: { acr: registry({ name: "[variables('a')]" }) },
    });
    expect(expansion.problems.map((p) => [p.kind, p.jsonPath])).toEqual([['evaluation', ['resources', 'acr', 'name']]]);
    expect(expansion.problems[0]!.message).toContain("variable 'a' refers to itself");
    expect(expansion.instances).toHaveLength(1);
  });

  it('modules nested deeper than 32 stop with a limit problem', () => {
    let template: Record<string, JsonValue> = { $schema: SCHEMA, languageVersion: '2.0', resources: { acr: registry() } };
    for (let depth = 0; depth < 40; depth += 1) {
      template = {
        $schema: SCHEMA,
        languageVersion: '2.0',
        resources: {
          inner: {
            type: 'Microsoft.Resources/deployments',
            apiVersion: '2022-09-01',
            name: `level${depth}`,
            properties: { expressionEvaluationOptions: { scope: 'inner' }, mode: 'Incremental', template },
          },
        },
      };
    }
    const { expansion } = expandJson(template);
    expect(expansion.problems.map((p) => [p.kind, p.message])).toEqual([['limit', 'modules are nested more than 32 deep']]);
    expect(expansion.instances).toHaveLength(33);
  });

  it('a string that grows past the limit is a limit problem, not an out-of-memory', () => {
    const doubling = Array.from({ length: 25 }, (_, i) => [`s${i + 1}`, `[concat(variables('s${i}'), variables('s${i}'))]`]);
    const { expansion } = expandJson({
      $schema: SCHEMA,
      languageVersion: '2.0',
      variables: { s0: 'xxxxxxxx', ...Object.fromEntries(doubling) },
      resources: { acr: registry({ tags: { big: "[variables('s25')]" } }) },
    });
    expect(expansion.problems.map((p) => [p.kind, p.jsonPath])).toEqual([['limit', ['resources', 'acr', 'tags']]]);
  });
});

describe('what cannot be seen into', () => {
  it('a linked template is a review-level evaluation problem, never a silent pass', () => {
    const { expansion } = expandJson({
      $schema: SCHEMA,
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'registry',
          properties: { mode: 'Incremental', templateLink: { relativePath: 'registry.json' } },
        },
      ],
    });
    expect(expansion.problems.map((p) => [p.kind, p.message, p.jsonPath])).toEqual([
      [
        'evaluation',
        "nested deployment 'registry' uses a linked template, which bicep-audit cannot read: the resources it deploys are not checked",
        ['resources', 0, 'properties'],
      ],
    ]);
  });

  it('a template given by an expression is expanded: from a variable (at the variable), or any other known value', () => {
    const nested = { $schema: SCHEMA, contentVersion: '1.0.0.0', resources: [registry({ name: '[[concat(\'acr\', \'var\')]' })] };
    const { expansion } = expandJson({
      $schema: SCHEMA,
      variables: { nested },
      resources: [
        { type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'fromVariable', properties: { mode: 'Incremental', template: "[variables('nested')]" } },
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'fromJson',
          properties: { mode: 'Incremental', template: `[json('${JSON.stringify({ ...nested, resources: [registry({ name: 'acrjson' })] })}')]` },
        },
      ],
    });
    expect(expansion.problems).toEqual([]);
    expect(expansion.instances.filter((i) => i.type.endsWith('registries')).map((i) => [i.name, i.jsonPath])).toEqual([
      ['acrvar', ['variables', 'nested', 'resources', 0]],
      ['acrjson', ['resources', 1, 'properties', 'template', 'resources', 0]],
    ]);
  });

  it('a template given by an expression it cannot evaluate is a review-level evaluation problem', () => {
    const { expansion } = expandJson({
      $schema: SCHEMA,
      parameters: { template: { type: 'object' } },
      resources: [{ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'given', properties: { mode: 'Incremental', template: "[parameters('template')]" } }],
    });
    expect(expansion.problems.map((p) => [p.kind, p.message, p.jsonPath])).toEqual([
      [
        'evaluation',
        "nested deployment 'given' takes its template from an expression bicep-audit cannot evaluate: the resources it deploys are not checked",
        ['resources', 0, 'properties', 'template'],
      ],
    ]);
  });

  it('a template given by an expression in the inner scope is not expanded: Azure cannot evaluate it there', () => {
    const { expansion } = expandJson({
      $schema: SCHEMA,
      variables: { nested: { $schema: SCHEMA, resources: [registry()] } },
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'inner',
          properties: { mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' }, template: "[variables('nested')]" },
        },
      ],
    });
    expect(expansion.instances.map((i) => i.type)).toEqual(['Microsoft.Resources/deployments']);
    expect(expansion.problems.map((p) => [p.kind, p.message])).toEqual([
      [
        'evaluation',
        "nested deployment 'inner' takes its template from an expression in the inner evaluation scope, where Azure's engine cannot evaluate it: the resources it deploys are not checked",
      ],
    ]);
  });

  it('a malformed resource is skipped alone; the others are still expanded', () => {
    const { expansion } = expandJson({ $schema: SCHEMA, resources: [registry({ name: 5 }), registry({ name: 'acrok' })] });
    expect(expansion.problems.map((p) => [p.kind, p.jsonPath])).toEqual([['structure', ['resources', 0, 'name']]]);
    expect(expansion.instances.map((i) => i.name)).toEqual(['acrok']);
  });

  it('a byte-order mark is not part of the JSON or of the columns', () => {
    const text = `\ufeff${JSON.stringify({ $schema: SCHEMA, resources: [registry()] })}`;
    const doc = parseJsonWithPositions('/virtual/bom.json', text);
    expect(expandTemplate(doc).instances.map((i) => i.declaredAt.offset)).toEqual([doc.text.indexOf('{"type"')]);
  });
});

describe('classic nested deployments', () => {
  it("a parent reads a nested deployment's output by resourceId() and by name", () => {
    const nested = (name: string) => ({
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name,
      properties: {
        mode: 'Incremental',
        expressionEvaluationOptions: { scope: 'inner' },
        template: {
          $schema: SCHEMA,
          resources: [registry({ name: `acr${name}` })],
          outputs: { registryName: { type: 'string', value: `acr${name}` } },
        },
      },
    });
    const setting = (scope: string) => ({
      type: 'Microsoft.Insights/diagnosticSettings',
      apiVersion: '2021-05-01-preview',
      name: 'audit',
      scope,
      properties: { workspaceId: '/x', logs: [{ categoryGroup: 'audit', enabled: true }] },
    });
    const { expansion } = expandJson({
      $schema: SCHEMA,
      resources: [
        setting("[resourceId('Microsoft.ContainerRegistry/registries', reference(resourceId('Microsoft.Resources/deployments', 'one'), '2022-09-01').outputs.registryName.value)]"),
        setting("[resourceId('Microsoft.ContainerRegistry/registries', reference('two').outputs.registryName.value)]"),
        nested('one'),
        nested('two'),
      ],
    });
    expect(expansion.problems).toEqual([]);
    const ids = expansion.instances.filter((i) => i.type === 'Microsoft.ContainerRegistry/registries').map((i) => i.id);
    const scopes = expansion.instances.filter((i) => i.type === 'Microsoft.Insights/diagnosticSettings').map((i) => i.scope);
    expect(scopes).toEqual(ids);
    expect(ids).toHaveLength(2);
  });
});

describe('placement', () => {
  it("an existing resource's own resourceGroup and subscriptionId place its ID", () => {
    const { expansion } = expandJson({
      $schema: SCHEMA,
      languageVersion: '2.0',
      resources: { shared: registry({ existing: true, name: 'acrshared', resourceGroup: 'platform', subscriptionId: '1111' }) },
    });
    expect(expansion.instances.map((i) => i.id)).toEqual(['/subscriptions/1111/resourceGroups/platform/providers/Microsoft.ContainerRegistry/registries/acrshared']);
  });
});

describe('structure', () => {
  it('a template without resources is a structure problem at the document', () => {
    const { expansion } = expandJson({ $schema: SCHEMA });
    expect(expansion.problems).toEqual([
      { kind: 'structure', message: "invalid template: the document must have required property 'resources'", at: expect.anything(), jsonPath: [] },
    ]);
  });

  // Azure's engine deploys either shape whatever the languageVersion (test/template/structure-oracle.test.ts).
  it.each([
    ['an array in a languageVersion 2.0 template', { languageVersion: '2.0', resources: [registry()] }],
    ['an object in a classic template', { resources: { registry: registry() } }],
  ])('resources as %s is expanded', (_shape, body) => {
    const { expansion } = expandJson({ $schema: SCHEMA, ...body } as Record<string, JsonValue>);
    expect(expansion.problems).toEqual([]);
    expect(expansion.instances.map((i) => i.type)).toEqual(['Microsoft.ContainerRegistry/registries']);
  });

  it('a parameter without a type takes its value as given', () => {
    const { expansion } = expandJson({
      $schema: SCHEMA,
      parameters: { customTags: { defaultValue: { team: 'platform' } } },
      resources: [registry({ tags: "[parameters('customTags')]" })],
    });
    expect(expansion.problems).toEqual([]);
    expect(expansion.instances.map((i) => i.body.tags)).toEqual([{ team: 'platform' }]);
  });

  it('a log entry with both category and categoryGroup is a structure problem at that entry', () => {
    const { expansion, text } = expandJson({
      $schema: SCHEMA,
      languageVersion: '2.0',
      resources: {
        acr: registry(),
        diag: {
          type: 'Microsoft.Insights/diagnosticSettings',
          apiVersion: '2021-05-01-preview',
          name: 'diag',
          scope: "[resourceId('Microsoft.ContainerRegistry/registries', 'acr')]",
          properties: { workspaceId: '/x', logs: [{ category: 'ContainerRegistryLoginEvents', categoryGroup: 'audit', enabled: true }] },
        },
      },
    });
    const entryOffset = text.indexOf('{', text.indexOf('"logs"'));
    expect(expansion.problems).toEqual([
      {
        kind: 'structure',
        message: "invalid diagnostic setting: /properties/logs/0 must have exactly one of 'category' or 'categoryGroup'",
        at: { file: '/virtual/template.json', offset: entryOffset, length: expect.any(Number) },
        jsonPath: ['resources', 'diag', 'properties', 'logs', 0],
      },
    ]);
  });

  it('an unknown category value is not a structure problem (it is skipped until deployment)', () => {
    const { expansion } = expandJson({
      $schema: SCHEMA,
      languageVersion: '2.0',
      parameters: { category: { type: 'string' } },
      resources: {
        diag: {
          type: 'Microsoft.Insights/diagnosticSettings',
          apiVersion: '2021-05-01-preview',
          name: 'diag',
          scope: "[resourceId('Microsoft.ContainerRegistry/registries', 'acr')]",
          properties: { workspaceId: '/x', logs: [{ category: "[parameters('category')]", enabled: true }] },
        },
      },
    });
    expect(expansion.problems).toEqual([]);
  });
});
