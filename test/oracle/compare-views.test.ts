import { compareViews } from './compare-views';
import type { DeploymentView } from './deployment-view';
import { snapshotView } from './snapshot-view';

const ACR = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries';
const WORKSPACE = '/subscriptions/s/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/w';

const registry = (name: string) => ({ id: `${ACR}/${name}`, type: 'Microsoft.ContainerRegistry/registries', name });
const setting = (registryName: string, name: string, properties: Record<string, unknown>) => ({
  id: `${ACR}/${registryName}/providers/Microsoft.Insights/diagnosticSettings/${name}`,
  type: 'Microsoft.Insights/diagnosticSettings',
  name,
  properties,
});
const log = (kind: 'category' | 'categoryGroup', name: string, enabled = true) => ({ [kind]: name, enabled });

describe("the oracle's reading of Azure's snapshot", () => {
  const verdicts = snapshotView([
    registry('both'),
    setting('both', 'a', { workspaceId: WORKSPACE, logs: [log('category', 'ContainerRegistryLoginEvents')] }),
    setting('both', 'b', { storageAccountId: 'x', logs: [log('category', 'ContainerRegistryRepositoryEvents')] }),
    registry('audit'),
    setting('audit', 'a', { eventHubAuthorizationRuleId: 'x', logs: [log('categoryGroup', 'audit')] }),
    registry('alllogs'),
    setting('alllogs', 'a', { marketplacePartnerId: 'x', logs: [log('categoryGroup', 'allLogs')] }),
    registry('disabled'),
    setting('disabled', 'a', { workspaceId: WORKSPACE, logs: [log('categoryGroup', 'audit', false)] }),
    registry('nowhere'),
    setting('nowhere', 'a', { eventHubName: 'only-a-name', logs: [log('categoryGroup', 'audit')] }),
    registry('half'),
    setting('half', 'a', { workspaceId: WORKSPACE, logs: [log('category', 'ContainerRegistryLoginEvents')] }),
    registry('none'),
  ]).registries;

  it.each([
    ['both', 'pass'],
    ['audit', 'pass'],
    ['alllogs', 'pass'],
    ['disabled', 'fail'],
    ['nowhere', 'fail'],
    ['half', 'fail'],
    ['none', 'fail'],
  ])('registry %s: %s', (name, verdict) => {
    expect(verdicts.get(`${ACR}/${name}`.toLowerCase())).toBe(verdict);
  });
});

describe('comparing the two views', () => {
  const id = `${ACR}/r`.toLowerCase();
  const settingId = `${id}/providers/microsoft.insights/diagnosticsettings/a`;
  const azure: DeploymentView = {
    registries: new Map([[id, 'pass']]),
    settings: new Map([[settingId, { logs: ['categoryGroup:audit=true'], destinations: [`workspaceId=${WORKSPACE}`] }]]),
    unknowns: [],
  };

  it('finds nothing when both agree', () => {
    expect(compareViews(azure, azure)).toEqual([]);
  });

  it('names every difference: verdicts, missing resources, logs, destinations and unknowns', () => {
    const engine: DeploymentView = {
      registries: new Map([[id, 'review'], [`${ACR}/extra`.toLowerCase(), 'fail']]),
      settings: new Map([[settingId, { logs: ['categoryGroup:audit=false'], destinations: [] }]]),
      unknowns: ['engine problem (evaluation): x'],
    };
    expect(compareViews(azure, engine)).toEqual([
      'engine problem (evaluation): x',
      `registry only the engine deploys: ${ACR.toLowerCase()}/extra`,
      `setting ${settingId}: logs are [categoryGroup:audit=true] in Azure, [categoryGroup:audit=false] in the engine`,
      `setting ${settingId}: destinations are [workspaceId=${WORKSPACE}] in Azure, [] in the engine`,
      `registry ${id}: pass by Azure's settings, review by the engine`,
    ]);
  });

  it('names what only Azure deploys', () => {
    const empty: DeploymentView = { registries: new Map(), settings: new Map(), unknowns: [] };
    expect(compareViews(azure, empty)).toEqual([`registry only Azure deploys: ${id}`, `setting only Azure deploys: ${settingId}`]);
  });
});
