import { compareViews } from './compare-views';
import type { DeploymentView } from './deployment-view';
import { snapshotView } from './snapshot-view';

const RG = '/subscriptions/s/resourceGroups/rg/providers';
const ACR = `${RG}/Microsoft.ContainerRegistry/registries`;
const VAULTS = `${RG}/Microsoft.KeyVault/vaults`;
const FIREWALLS = `${RG}/Microsoft.Network/azureFirewalls`;
const CLUSTERS = `${RG}/Microsoft.ContainerService/managedClusters`;
const WORKSPACE = '/subscriptions/s/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/w';

const resource = (collection: string, name: string) => ({ id: `${collection}/${name}`, type: collection.split('/providers/')[1]!.split('/').slice(0, 2).join('/'), name });
const setting = (collection: string, targetName: string, name: string, properties: Record<string, unknown>) => ({
  id: `${collection}/${targetName}/providers/Microsoft.Insights/diagnosticSettings/${name}`,
  type: 'Microsoft.Insights/diagnosticSettings',
  name,
  properties,
});
const log = (kind: 'category' | 'categoryGroup', name: string, enabled = true) => ({ [kind]: name, enabled });
const toWorkspace = (...logs: Record<string, unknown>[]) => ({ workspaceId: WORKSPACE, logs });

describe("the oracle's reading of Azure's snapshot", () => {
  const targets = snapshotView([
    resource(ACR, 'both'),
    setting(ACR, 'both', 'a', toWorkspace(log('category', 'ContainerRegistryLoginEvents'))),
    setting(ACR, 'both', 'b', { storageAccountId: 'x', logs: [log('category', 'ContainerRegistryRepositoryEvents')] }),
    resource(ACR, 'audit'),
    setting(ACR, 'audit', 'a', { eventHubAuthorizationRuleId: 'x', logs: [log('categoryGroup', 'audit')] }),
    resource(ACR, 'alllogs'),
    setting(ACR, 'alllogs', 'a', { marketplacePartnerId: 'x', logs: [log('categoryGroup', 'AllLogs')] }),
    resource(ACR, 'disabled'),
    setting(ACR, 'disabled', 'a', toWorkspace(log('categoryGroup', 'audit', false))),
    resource(ACR, 'nowhere'),
    setting(ACR, 'nowhere', 'a', { eventHubName: 'only-a-name', logs: [log('categoryGroup', 'audit')] }),
    resource(ACR, 'half'),
    setting(ACR, 'half', 'a', toWorkspace(log('category', 'ContainerRegistryLoginEvents'))),
    resource(ACR, 'none'),
    // A key vault of the same name as a registry: its setting counts for the vault only.
    resource(VAULTS, 'none'),
    setting(VAULTS, 'none', 'a', toWorkspace(log('category', 'auditevent'))),
    resource(FIREWALLS, 'legacy'),
    setting(FIREWALLS, 'legacy', 'a', toWorkspace(log('category', 'AzureFirewallNetworkRule'), log('category', 'AZFWApplicationRule'))),
    resource(FIREWALLS, 'audit'),
    setting(FIREWALLS, 'audit', 'a', toWorkspace(log('categoryGroup', 'audit'))),
    resource(FIREWALLS, 'network'),
    setting(FIREWALLS, 'network', 'a', toWorkspace(log('category', 'AZFWNetworkRule'), log('category', 'AzureFirewallNetworkRule'))),
    resource(CLUSTERS, 'admin'),
    setting(CLUSTERS, 'admin', 'a', toWorkspace(log('category', 'kube-audit-admin'), log('category', 'guard'))),
    resource(CLUSTERS, 'audit'),
    setting(CLUSTERS, 'audit', 'a', toWorkspace(log('categoryGroup', 'audit'))),
    resource(CLUSTERS, 'noguard'),
    setting(CLUSTERS, 'noguard', 'a', toWorkspace(log('category', 'kube-audit'))),
  ]).targets;

  it.each([
    [ACR, 'both', 'pass'],
    [ACR, 'audit', 'pass'],
    [ACR, 'alllogs', 'pass'],
    [ACR, 'disabled', 'fail'],
    [ACR, 'nowhere', 'fail'],
    [ACR, 'half', 'fail'],
    [ACR, 'none', 'fail'],
    [VAULTS, 'none', 'pass'],
    [FIREWALLS, 'legacy', 'pass'],
    [FIREWALLS, 'audit', 'fail'],
    [FIREWALLS, 'network', 'fail'],
    [CLUSTERS, 'admin', 'pass'],
    [CLUSTERS, 'audit', 'fail'],
    [CLUSTERS, 'noguard', 'fail'],
  ])('%s/%s: %s', (collection, name, verdict) => {
    expect(targets.get(`${collection}/${name}`.toLowerCase())?.verdict).toBe(verdict);
  });
});

describe('comparing the two views', () => {
  const type = 'microsoft.containerregistry/registries' as const;
  const id = `${ACR}/r`.toLowerCase();
  const settingId = `${id}/providers/microsoft.insights/diagnosticsettings/a`;
  const azure: DeploymentView = {
    targets: new Map([[id, { type, verdict: 'pass' }]]),
    settings: new Map([[settingId, { logs: ['categoryGroup:audit=true'], destinations: [`workspaceId=${WORKSPACE}`] }]]),
    unknowns: [],
  };

  it('finds nothing when both agree', () => {
    expect(compareViews(azure, azure)).toEqual([]);
  });

  it('names every difference: verdicts, missing resources, logs, destinations and unknowns', () => {
    const engine: DeploymentView = {
      targets: new Map([
        [id, { type, verdict: 'review' }],
        [`${VAULTS}/extra`.toLowerCase(), { type: 'microsoft.keyvault/vaults', verdict: 'fail' }],
      ]),
      settings: new Map([[settingId, { logs: ['categoryGroup:audit=false'], destinations: [] }]]),
      unknowns: ['engine problem (evaluation): x'],
    };
    expect(compareViews(azure, engine)).toEqual([
      'engine problem (evaluation): x',
      `microsoft.keyvault/vaults only the engine deploys: ${VAULTS.toLowerCase()}/extra`,
      `setting ${settingId}: logs are [categoryGroup:audit=true] in Azure, [categoryGroup:audit=false] in the engine`,
      `setting ${settingId}: destinations are [workspaceId=${WORKSPACE}] in Azure, [] in the engine`,
      `${type} ${id}: pass by Azure's settings, review by the engine`,
    ]);
  });

  it('names what only Azure deploys', () => {
    const empty: DeploymentView = { targets: new Map(), settings: new Map(), unknowns: [] };
    expect(compareViews(azure, empty)).toEqual([`${type} only Azure deploys: ${id}`, `setting only Azure deploys: ${settingId}`]);
  });
});
