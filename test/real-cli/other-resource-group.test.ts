import fs from 'node:fs';
import path from 'node:path';
import { auditJson, BICEP_FIXTURES, realBicep, seen, type Seen } from '../helpers/real-bicep';
import { makeTree } from '../helpers/temp-tree';
import { ORACLE_CONTEXT } from '../oracle/deployment-context';
import { runSnapshot } from '../oracle/snapshot';

/** The registries' missing locks (test/rules/control-plane.test.ts) are left out: these tests are about the audit-log rule's findings. */
const withoutLocks = (results: Seen[]) => results.filter((r) => r.ruleId !== 'Azure.ACR.DeleteLock');

const FIXTURE = 'scope/other-resource-group';
const REVIEW = {
  at: `${FIXTURE}/main.bicep:22:1`,
  ruleId: 'Azure.ACR.Logs',
  level: 'warning',
  message:
    "whether registry 'acrother' exports ContainerRegistryLoginEvents is decided at deployment by parameter 'category' (declared at main.bicep:5:1), which has no value; settle it in the template or check it before deploying",
};

/** The fixture with its parameter given, in a temp folder, for bicep snapshot. */
function withParams(): string {
  const folder = path.join(BICEP_FIXTURES, FIXTURE);
  return makeTree({
    'main.bicep': fs.readFileSync(path.join(folder, 'main.bicep'), 'utf8'),
    'mods/audit.bicep': fs.readFileSync(path.join(folder, 'mods', 'audit.bicep'), 'utf8'),
    'main.bicepparam': "using 'main.bicep'\nparam category = 'ContainerRegistryLoginEvents'\n",
  });
}

/** The IDs of the registries Azure's engine deploys and of the resources its settings are on. */
async function azureTargets(resourceGroup: string) {
  const azure = await runSnapshot(realBicep(), path.join(withParams(), 'main.bicepparam'), { ...ORACLE_CONTEXT, resourceGroup });
  if (!azure.ok) throw new Error(azure.reason);
  const registries = azure.resources.filter((r) => r.type === 'Microsoft.ContainerRegistry/registries').map((r) => r.id.toLowerCase());
  const settingsOn = azure.resources.filter((r) => r.type === 'Microsoft.Insights/diagnosticSettings').map((r) => r.id.toLowerCase().split('/providers/microsoft.insights/')[0]);
  return { registries, settingsOn };
}

describe('settings attached to a registry of the same name in a resource group the template names', () => {
  it('with no --resource-group, that group is taken for another one: a fail on the local registry that says so and how to change it; the review stays on its registry', async () => {
    const { code, report } = await auditJson([`${FIXTURE}/main.bicep`]);
    expect(withoutLocks(seen(report))).toStrictEqual([
      {
        at: `${FIXTURE}/main.bicep:7:1`,
        ruleId: 'Azure.ACR.Logs',
        level: 'error',
        message:
          "registry 'acrshared' has no diagnostic setting (diagnostic setting 'audit' of module 'sharedAudit' is on a resource of that name in resource group 'shared-rg', taken to be another resource group than the deployment's; if the deployment goes to 'shared-rg', run with --resource-group shared-rg), so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group",
      },
      REVIEW,
    ]);
    expect(report.results.find((r) => r.ruleId === 'Azure.ACR.Logs')!).toMatchObject({ relatedLocations: [{ message: "diagnostic setting 'audit', taken to be in another resource group", file: path.join(BICEP_FIXTURES, FIXTURE, 'mods', 'audit.bicep'), line: 8, column: 1 }] });
    expect(code).toBe(1);
  }, 60_000);

  it('with --resource-group shared-rg, the settings are on the local registry: only the review remains', async () => {
    const { code, report } = await auditJson([`${FIXTURE}/main.bicep`, '--resource-group', 'shared-rg']);
    expect(withoutLocks(seen(report))).toStrictEqual([REVIEW]);
    expect(code).toBe(0);
  }, 60_000);

  it.each([
    ['another group', 'rg-oracle', false],
    ["the deployment's own group", 'shared-rg', true],
  ])("Azure's engine agrees (bicep snapshot): deployed to %s (%s), the setting is on the local registry: %s", async (_name, resourceGroup, onLocal) => {
    const { registries, settingsOn } = await azureTargets(resourceGroup);
    const local = `/subscriptions/${ORACLE_CONTEXT.subscriptionId}/resourcegroups/${resourceGroup}/providers/microsoft.containerregistry/registries/acrshared`;
    expect(registries).toContain(local);
    expect(settingsOn.includes(local)).toBe(onLocal);
    expect(settingsOn).toContain(`/subscriptions/${ORACLE_CONTEXT.subscriptionId}/resourcegroups/shared-rg/providers/microsoft.containerregistry/registries/acrshared`);
  }, 120_000);
});
