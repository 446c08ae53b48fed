import path from 'node:path';
import { analyzeArmTemplate } from '../../src/analyze/arm-input';
import type { Value } from '../../src/template/expressions/value';
import { ARM_FIXTURES } from '../helpers/expand-fixture';
import { positionOf } from '../helpers/fixture-position';

interface Expected {
  kind: 'fail' | 'review';
  level: 'error' | 'warning';
  /** Where the finding starts: a snippet of the fixture (and which occurrence). */
  at: string;
  occurrence?: number;
  message: string;
}

interface Case {
  name: string;
  fixture: string;
  parameters?: Record<string, Value>;
}

const valid: Case[] = [
  { name: 'both categories enabled', fixture: 'same-file.json' },
  { name: "the 'audit' category group (classic nested providers/diagnosticSettings child)", fixture: 'nested-child.json' },
  { name: "the 'allLogs' group from a module that looks the registry up with existing", fixture: 'module-existing.json' },
  { name: 'an existing registry is not judged', fixture: 'existing-only.json' },
  { name: 'coverage split over two settings, names in another letter case', fixture: 'two-settings.json' },
  { name: 'categories from a variable copy loop', fixture: 'variable-loop.json' },
  { name: 'categories from a for-expression (map and lambda)', fixture: 'lambda-logs.json' },
  { name: 'a looped setting for every looped registry', fixture: 'loops.json', parameters: { auditedCount: 3 } },
  { name: 'a condition true from a parameter value, enabled given', fixture: 'condition.json', parameters: { enableAudit: true, exportLogins: true } },
  { name: 'a classic child setting inside a looped registry, once per registry', fixture: 'review-child-loop.json' },
  { name: 'outer evaluation scope: resourceGroup() answers for the parent template', fixture: 'review-outer-rg.json' },
];

const invalid: (Case & { findings: Expected[] })[] = [
  {
    name: 'no setting: reported on the registry declaration',
    fixture: 'no-setting.json',
    findings: [
      {
        kind: 'fail',
        level: 'error',
        at: '"registry": {',
        message:
          "registry 'acrbare' has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group",
      },
    ],
  },
  {
    name: "one category only (the seed example's relative scope)",
    fixture: 'relative-scope.json',
    findings: [
      {
        kind: 'fail',
        level: 'error',
        at: '[\n          { "category": "ContainerRegistryLoginEvents"',
        message: "registry 'acrseed' does not export ContainerRegistryRepositoryEvents; enable it or the 'audit' category group",
      },
    ],
  },
  {
    name: 'an entry disabled: reported on its enabled value; the registry comes from a module output',
    fixture: 'module-output.json',
    findings: [
      {
        kind: 'fail',
        level: 'error',
        at: 'false }',
        message:
          "registry 'registry' (named 'teamacr${uniqueString(resourceGroup().id)}') in module 'registryModule' does not export ContainerRegistryRepositoryEvents; enable it or the 'audit' category group",
      },
    ],
  },
  {
    name: 'loops: the one registry without a setting instance',
    fixture: 'loops.json',
    findings: [
      {
        kind: 'fail',
        level: 'error',
        at: '"registries": {',
        message:
          "registry 'acrc' [loop index 2] has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group",
      },
    ],
  },
  {
    name: 'a condition false by default: the setting counts for nothing, and the message says which and why',
    fixture: 'condition.json',
    findings: [
      {
        kind: 'fail',
        level: 'error',
        at: '"registry": {',
        message:
          "registry 'acrcond' has no diagnostic setting that is deployed: diagnostic setting 'audit' is not, because its condition is false (parameter 'enableAudit' is false, its default), so nobody can tell who logged in or pushed and pulled images; make the condition true or add a setting that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group",
      },
    ],
  },
  {
    name: 'enabled from a parameter with no value: review, naming the parameter and where it is declared',
    fixture: 'condition.json',
    parameters: { enableAudit: true },
    findings: [
      {
        kind: 'review',
        level: 'warning',
        at: '{ "category": "ContainerRegistryLoginEvents"',
        message:
          "whether registry 'acrcond' exports ContainerRegistryLoginEvents is decided at deployment by parameter 'exportLogins' (declared at condition.json:7:5), which has no value; settle it in the template or check it before deploying",
      },
    ],
  },
  {
    name: 'a misspelt category: reported on the name, with a hint',
    fixture: 'typo.json',
    findings: [
      {
        kind: 'fail',
        level: 'error',
        at: '"ContainerRegistryRepositoryEvent"',
        message:
          "registry 'acrtypo' does not export ContainerRegistryRepositoryEvents ('ContainerRegistryRepositoryEvent' is not a container registry log category; did you mean 'ContainerRegistryRepositoryEvents'?); enable it or the 'audit' category group",
      },
    ],
  },
  {
    name: 'a setting with no destination',
    fixture: 'no-destination.json',
    findings: [
      {
        kind: 'fail',
        level: 'error',
        at: '{\n        "logs"',
        message:
          "diagnostic setting 'audit' of registry 'acrnowhere' has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId",
      },
    ],
  },
  {
    name: 'a verified-module-style module used twice, settings passed as data: only the instance without them fails',
    fixture: 'avm-style.json',
    findings: [
      {
        kind: 'fail',
        level: 'error',
        at: '"registry": {',
        occurrence: 2,
        message:
          "registry 'acrunaudited' in module 'unaudited' has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group",
      },
    ],
  },
  {
    name: 'a registry whose own condition is unknown: review, naming what decides it',
    fixture: 'conditional-registry.json',
    findings: [
      {
        kind: 'review',
        level: 'warning',
        at: '"registry": {',
        message:
          "whether registry 'acrmaybe' is deployed is decided at deployment by parameter 'deployRegistry' (declared at conditional-registry.json:6:5), which has no value; if it is: registry 'acrmaybe' has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group",
      },
    ],
  },
  {
    name: 'a setting whose scope is a parameter with no value: review',
    fixture: 'scope-from-parameter.json',
    findings: [
      {
        kind: 'review',
        level: 'warning',
        at: '{ "categoryGroup": "audit"',
        message:
          "whether registry 'acrtarget' exports ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents is decided at deployment by parameter 'targetId' (declared at scope-from-parameter.json:6:5), which has no value; settle it in the template or check it before deploying",
      },
    ],
  },
  {
    name: 'loops of unknown length on both sides: review, not a guess',
    fixture: 'unknown-count-settings.json',
    findings: [
      {
        kind: 'review',
        level: 'warning',
        at: '{ "categoryGroup": "audit"',
        message:
          "whether registry 'registries' [every loop index] (named names[…]) exports ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents is decided at deployment by parameter 'names' (declared at unknown-count-settings.json:6:5), which has no value; the number of instances of loop 'audit' (declared at unknown-count-settings.json:18:15); the number of instances of loop 'registries' (declared at unknown-count-settings.json:10:15); settle it in the template or check it before deploying",
      },
    ],
  },
  {
    name: 'a setting loop over a parameter array with no value may deploy nothing: review, not a pass',
    fixture: 'setting-loop-unknown-count.json',
    findings: [
      {
        kind: 'review',
        level: 'warning',
        at: '{ "categoryGroup": "audit"',
        message:
          "whether registry 'acrlooped' exports ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents is decided at deployment by parameter 'diagnosticSettings' (declared at setting-loop-unknown-count.json:6:5), which has no value; the number of instances of loop 'audit' (declared at setting-loop-unknown-count.json:17:15); settle it in the template or check it before deploying",
      },
    ],
  },
  {
    name: 'IDs built from different unknowns (primaryName, backupName) are different registries: the setting is not on this one',
    fixture: 'two-unknown-names.json',
    findings: [
      {
        kind: 'fail',
        level: 'error',
        at: '"primary": {',
        message:
          "registry 'primary' (named primaryName) has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group",
      },
    ],
  },
  {
    name: "a scope named from a module's output through split(): it may be the registry, so review (on the registry, not in the other module), not a missing setting",
    fixture: 'scope-from-output-split.json',
    findings: [
      {
        kind: 'review',
        level: 'warning',
        at: '"registry": {',
        message:
          "whether registry 'registry' (named registryName) in module 'registryModule' exports ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents is decided at deployment by parameter 'registryName' (declared at scope-from-output-split.json:6:5), which has no value; settle it in the template or check it before deploying",
      },
    ],
  },
  {
    name: 'an existing reference to the registry in upper case (IDs ignore case), its name known only at deployment: review',
    fixture: 'existing-other-case.json',
    findings: [
      {
        kind: 'review',
        level: 'warning',
        at: '{ "categoryGroup": "allLogs"',
        message:
          "whether registry 'registry' (named 'acr${uniqueString(resourceGroup().id)}') exports ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents is decided at deployment by subscription().subscriptionId; resourceGroup().name; settle it in the template or check it before deploying",
      },
    ],
  },
  {
    name: 'a classic providers-form setting whose name is unknown: review, not a structure error',
    fixture: 'review-opaque-name2.json',
    findings: [
      {
        kind: 'review',
        level: 'warning',
        at: '{ "categoryGroup": "audit"',
        message:
          "whether registry 'acrprod' exports ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents is decided at deployment by parameter 'registry' (declared at review-opaque-name2.json:4:19), which has no value; settle it in the template or check it before deploying",
      },
    ],
  },
  {
    name: 'a looped nested deployment: one finding per instance, each named',
    fixture: 'review-loop-rg.json',
    findings: ['0', '1'].map((i) => ({
      kind: 'fail' as const,
      level: 'error' as const,
      at: '{ "type": "Microsoft.ContainerRegistry/registries"',
      message: `registry 'acrteam' in module 'registry-${i}' [loop index ${i}] has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group`,
    })),
  },
  {
    name: 'a resource of a Bicep extension is not an Azure resource and hides nothing',
    fixture: 'review-ext.json',
    findings: [
      {
        kind: 'fail',
        level: 'error',
        at: '"registry": {',
        message:
          "registry 'acrunaudited' has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group",
      },
    ],
  },
  {
    name: 'two settings with one name on one registry replace each other: review, on the registry rather than in a nested deployment',
    fixture: 'same-name-settings.json',
    findings: [
      {
        kind: 'review',
        level: 'warning',
        at: '"registry": {',
        message:
          "whether registry 'acrsame' exports ContainerRegistryRepositoryEvents is decided at deployment by which of the diagnostic settings named 'audit' is deployed last (they replace each other); settle it in the template or check it before deploying",
      },
    ],
  },
];

async function ruleFindings(fixture: string, parameters: Record<string, Value> = {}) {
  const result = await analyzeArmTemplate(path.join(ARM_FIXTURES, fixture), new Map(Object.entries(parameters)));
  expect(result.status).toBe('analysed');
  // No other rule's finding, but the lock rule's: a registry deployed to another resource group is not under the fixture's lock.
  expect(result.findings.filter((f) => f.ruleId !== 'Azure.ACR.Logs' && f.ruleId !== 'Azure.ACR.DeleteLock')).toEqual([]);
  return result.findings.filter((f) => f.ruleId === 'Azure.ACR.Logs').map((f) => ({
    kind: f.kind,
    level: f.level,
    file: f.location.file,
    line: f.location.range.start.line + 1,
    column: f.location.range.start.character + 1,
    message: f.message,
  }));
}

describe('Azure.ACR.Logs', () => {
  it.each(valid)('valid: $name', async ({ fixture, parameters }) => {
    expect(await ruleFindings(fixture, parameters)).toEqual([]);
  });

  it.each(invalid)('invalid: $name', async ({ fixture, parameters, findings }) => {
    const file = path.join(ARM_FIXTURES, fixture);
    expect(await ruleFindings(fixture, parameters)).toEqual(
      findings.map((f) => ({ kind: f.kind, level: f.level, file, ...positionOf(file, f.at, f.occurrence), message: f.message })),
    );
  });
});
