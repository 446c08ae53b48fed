import fs from 'node:fs';
import path from 'node:path';
import { auditJson, BICEP_FIXTURES, realBicep } from '../helpers/real-bicep';
import { makeTree } from '../helpers/temp-tree';
import { ORACLE_CONTEXT } from '../oracle/deployment-context';
import { runSnapshot } from '../oracle/snapshot';

const FIXTURE = path.join(BICEP_FIXTURES, 'structure', 'typeless-parameter');

describe('Bicep that compiles to what Azure deploys but a stricter schema would refuse', () => {
  it('a typeless parameter (resourceInput<...> of an any-typed property) and resources: {} in an inline template: no structure error, the registry checked', async () => {
    const { code, report } = await auditJson(['structure/typeless-parameter/main.bicep']);
    expect(report.results.map((r) => [r.ruleId, r.message])).toEqual([
      ['no-deployments-resources', "Resource 'partnerAttribution' of type 'Microsoft.Resources/deployments@2024-03-01' should instead be declared as a Bicep module."],
      [
        'Azure.ACR.DeleteLock',
        "registry 'crtypeless' has no delete lock, so a single delete of the registry or of its resource group removes it with every image in it; add a Microsoft.Authorization/locks with level 'CanNotDelete' and scope the registry (or deploy one at its resource group)",
      ],
      [
        'Azure.ACR.Logs',
        "registry 'crtypeless' has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group",
      ],
    ]);
    expect(code).toBe(1);
  }, 60_000);

  it('Azure’s engine deploys the same file and predicts the registry (bicep snapshot)', async () => {
    const copy = makeTree(Object.fromEntries(fs.readdirSync(FIXTURE).map((name) => [name, fs.readFileSync(path.join(FIXTURE, name), 'utf8')])));
    const azure = await runSnapshot(realBicep(), path.join(copy, 'main.bicepparam'));
    if (!azure.ok) throw new Error(azure.reason);
    const { subscriptionId, resourceGroup } = ORACLE_CONTEXT;
    expect(azure.resources.map((r) => r.id)).toEqual([
      `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ContainerRegistry/registries/crtypeless`,
    ]);
  }, 120_000);
});
