import fs from 'node:fs';
import path from 'node:path';
import { originsOf } from '../../../src/template/expressions/symbolic';
import { ARM_FIXTURES, expandFixture, summarize } from '../../helpers/expand-fixture';

/** The span of a piece of text in a fixture, found by searching for it. */
function spanOf(fixture: string, snippet: string) {
  const file = path.join(ARM_FIXTURES, fixture);
  const offset = fs.readFileSync(file, 'utf8').indexOf(snippet);
  expect(offset).toBeGreaterThan(0);
  return { file, offset, length: snippet.length };
}

const RG = '/subscriptions/{subscription().subscriptionId}/resourceGroups/{resourceGroup().name}';
const ACR = `${RG}/providers/Microsoft.ContainerRegistry/registries`;

describe('expandTemplate on ARM fixtures', () => {
  it('a registry and a setting in one file: the setting scope is the registry ID', () => {
    const expansion = expandFixture('same-file.json');
    expect(expansion.problems).toEqual([]);
    expect(summarize(expansion)).toEqual([
      { symbolicName: 'registry', type: 'Microsoft.ContainerRegistry/registries', id: `${ACR}/acrprod`, condition: true, existing: false, chain: [] },
      {
        symbolicName: 'audit',
        type: 'Microsoft.Insights/diagnosticSettings',
        id: `${ACR}/acrprod/providers/Microsoft.Insights/diagnosticSettings/audit`,
        scope: `${ACR}/acrprod`,
        condition: true,
        existing: false,
        chain: [],
      },
    ]);
    const workspaceId = (expansion.instances[1]!.body.properties as { workspaceId: never }).workspaceId;
    expect(originsOf(workspaceId)).toEqual([
      { kind: 'parameter', name: 'workspaceId', declaredAt: spanOf('same-file.json', '"workspaceId": { "type": "string" }') },
    ]);
  });

  it("the seed example's relative scope resolves against the resource group", () => {
    expect(summarize(expandFixture('relative-scope.json'))[1]).toEqual({
      symbolicName: 'resources[1]',
      type: 'Microsoft.Insights/diagnosticSettings',
      id: `${ACR}/acrseed/providers/Microsoft.Insights/diagnosticSettings/logs`,
      scope: `${ACR}/acrseed`,
      condition: true,
      existing: false,
      chain: [],
    });
  });

  it('a classic nested providers/diagnosticSettings child becomes an extension of its parent', () => {
    expect(summarize(expandFixture('nested-child.json'))).toEqual([
      { symbolicName: 'resources[0]', type: 'Microsoft.ContainerRegistry/registries', id: `${ACR}/acrclassic`, condition: true, existing: false, chain: [] },
      {
        symbolicName: 'resources[0].resources[0]',
        type: 'Microsoft.Insights/diagnosticSettings',
        id: `${ACR}/acrclassic/providers/Microsoft.Insights/diagnosticSettings/audit`,
        scope: `${ACR}/acrclassic`,
        condition: true,
        existing: false,
        chain: [],
      },
    ]);
  });

  it('a module that looks the registry up with existing gets the value passed in', () => {
    expect(summarize(expandFixture('module-existing.json'))).toEqual([
      { symbolicName: 'registry', type: 'Microsoft.ContainerRegistry/registries', id: `${ACR}/acrshared`, condition: true, existing: false, chain: [] },
      {
        symbolicName: 'diagnostics',
        type: 'Microsoft.Resources/deployments',
        id: `${RG}/providers/Microsoft.Resources/deployments/registry-diagnostics`,
        condition: true,
        existing: false,
        chain: [],
      },
      { symbolicName: 'registry', type: 'Microsoft.ContainerRegistry/registries', id: `${ACR}/acrshared`, condition: true, existing: true, chain: ['diagnostics'] },
      {
        symbolicName: 'audit',
        type: 'Microsoft.Insights/diagnosticSettings',
        id: `${ACR}/acrshared/providers/Microsoft.Insights/diagnosticSettings/audit`,
        scope: `${ACR}/acrshared`,
        condition: true,
        existing: false,
        chain: ['diagnostics'],
      },
    ]);
  });

  it('loops: one registry per name, one looped setting indexed into them', () => {
    const summary = summarize(expandFixture('loops.json'));
    expect(summary.map((s) => [s.symbolicName, s.loopIndex, s.id])).toEqual([
      ['registries', 0, `${ACR}/acra`],
      ['registries', 1, `${ACR}/acrb`],
      ['registries', 2, `${ACR}/acrc`],
      ['audit', 0, `${ACR}/acra/providers/Microsoft.Insights/diagnosticSettings/audit-0`],
      ['audit', 1, `${ACR}/acrb/providers/Microsoft.Insights/diagnosticSettings/audit-1`],
    ]);
  });

  it('a loop count from an override changes the instances', () => {
    const summary = summarize(expandFixture('loops.json', { names: ['one'], auditedCount: 1 }));
    expect(summary.map((s) => [s.symbolicName, s.loopIndex, s.id])).toEqual([
      ['registries', 0, `${ACR}/one`],
      ['audit', 0, `${ACR}/one/providers/Microsoft.Insights/diagnosticSettings/audit-0`],
    ]);
  });

  it('a loop whose count is unknown gives one instance for every index', () => {
    const summary = summarize(expandFixture('unknown-count.json'));
    expect(summary.map((s) => [s.symbolicName, s.loopIndex, s.id])).toEqual([
      ['registries', "copyIndex('registries')", `${ACR}/{parameters('names')[copyIndex('registries')]}`],
    ]);
  });

  it('a condition from a parameter with a default is false; a parameter value flips it', () => {
    expect(summarize(expandFixture('condition.json'))[1]!.condition).toBe(false);
    expect(summarize(expandFixture('condition.json', { enableAudit: true }))[1]!.condition).toBe(true);
  });

  it('an enabled flag from a parameter with no value stays unknown and names the parameter', () => {
    const setting = expandFixture('condition.json', { enableAudit: true }).instances[1]!;
    const logs = (setting.body.properties as { logs: { enabled: never }[] }).logs;
    expect(logs[1]!.enabled).toBe(true);
    expect(originsOf(logs[0]!.enabled)).toEqual([
      { kind: 'parameter', name: 'exportLogins', declaredAt: spanOf('condition.json', '"exportLogins": { "type": "bool" }') },
    ]);
  });

  it("a module's output names the registry the parent's setting targets", () => {
    const [, registry, setting] = expandFixture('module-output.json').instances;
    expect(registry!.deploymentChain.map((l) => l.symbolicName)).toEqual(['registryModule']);
    expect(setting!.scope).toEqual(registry!.id);
  });
});
