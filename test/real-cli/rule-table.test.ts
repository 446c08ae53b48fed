import { auditJson, realBicep, seen } from '../helpers/real-bicep';

// The rule's table on Bicep compiled by the real CLI, beside the same table on ARM fixtures (test/rules).
const valid = [
  'rule/valid-both-categories.bicep',
  'rule/valid-audit-group.bicep',
  'rule/valid-two-settings.bicep',
  'rule/valid-module-existing.bicep',
  'rule/valid-loops.bicep',
  'rule/valid-existing-only.bicep',
];

const invalid: [string, string, string][] = [
  [
    'rule/invalid-no-setting.bicep',
    'rule/invalid-no-setting.bicep:2:1',
    "registry 'acrbare' has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group",
  ],
  ['rule/invalid-one-category.bicep', 'rule/invalid-one-category.bicep:13:5', "registry 'acronecategory' does not export ContainerRegistryRepositoryEvents; enable it or the 'audit' category group"],
  ['rule/invalid-disabled.bicep', 'rule/invalid-disabled.bicep:15:56', "registry 'acrdisabled' does not export ContainerRegistryRepositoryEvents; enable it or the 'audit' category group"],
  [
    'rule/invalid-misspelt.bicep',
    'rule/invalid-misspelt.bicep:15:9',
    "registry 'acrtypo' does not export ContainerRegistryRepositoryEvents ('ContainerRegistryRepositoryEvent' is not a container registry log category; did you mean 'ContainerRegistryRepositoryEvents'?); enable it or the 'audit' category group",
  ],
  [
    'rule/invalid-no-destination.bicep',
    'rule/invalid-no-destination.bicep:11:3',
    "diagnostic setting 'audit' of registry 'acrnowhere' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId",
  ],
  [
    'rule/invalid-condition-false.bicep',
    'rule/invalid-condition-false.bicep:4:1',
    "registry 'acrconditional' has no diagnostic setting that is deployed: diagnostic setting 'audit' is not, because its condition is false (parameter 'exportAuditLogs' is false, its default), so nobody can tell who logged in or pushed and pulled images; make the condition true or add a setting that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group",
  ],
  [
    'rule/invalid-module-not-passed.bicep',
    'rule/mods/registry-optional-audit.bicep:5:1',
    "registry 'acrnotpassed' in module 'containerRegistry' has no diagnostic setting that is deployed: diagnostic setting 'audit' is not, because its condition is false (parameter 'workspaceId' is '', its default, which module 'containerRegistry' does not pass), so nobody can tell who logged in or pushed and pulled images; make the condition true or add a setting that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group",
  ],
  [
    'rule/invalid-module-condition-false.bicep',
    'rule/invalid-module-condition-false.bicep:4:1',
    "registry 'acrmoduleoff' has no diagnostic setting that is deployed: diagnostic setting 'audit' is not, because the condition of module 'audit' is false (parameter 'deployAudit' is false, its default), so nobody can tell who logged in or pushed and pulled images; make the condition true or add a setting that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group",
  ],
];

/** The table's rule alone: these registries lack a delete lock, which test/rules/control-plane.test.ts judges. */
const ofTheRule = (report: Parameters<typeof seen>[0]) => seen(report).filter((r) => r.ruleId !== 'Azure.ACR.DeleteLock');

beforeAll(() => {
  realBicep();
});

describe('Azure.ACR.Logs on compiled Bicep', () => {
  it.each(valid)('valid: %s', async (file) => {
    const { code, report } = await auditJson([file]);
    expect(report.inputs).toEqual([{ file: expect.stringMatching(new RegExp(`${file}$`)), status: 'analysed' }]);
    expect(ofTheRule(report)).toEqual([]);
    expect(code).toBe(0);
  });

  it.each(invalid)('invalid: %s at %s', async (file, at, message) => {
    const { code, report } = await auditJson([file]);
    expect(ofTheRule(report)).toEqual([{ at, ruleId: 'Azure.ACR.Logs', level: 'error', message }]);
    expect(code).toBe(1);
  });
});
