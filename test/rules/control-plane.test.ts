import fs from 'node:fs';
import path from 'node:path';
import type { DeploymentContext } from '../../src/template/expand/deployment-scope';
import { expandTemplate } from '../../src/template/expand/expand-template';
import { deployedAtScope, resourceIdKey } from '../../src/template/expand/resource-ids';
import { readParameterValues } from '../../src/template/parameter-file';
import { parseJsonWithPositions } from '../../src/template/parse-json';
import { ORACLE_CONTEXT } from '../oracle/deployment-context';
import { withCompiler } from '../oracle/run-oracle';
import { runSnapshot } from '../oracle/snapshot';
import { auditJson, auditWithRealBicep, BICEP_FIXTURES, realBicep, seen, type Seen } from '../helpers/real-bicep';
import { makeTree } from '../helpers/temp-tree';

const FIXTURES = path.join(BICEP_FIXTURES, 'control-plane');
const NO_LOCK = "has no delete lock, so a single delete of the registry or of its resource group removes it with every image in it; add a Microsoft.Authorization/locks with level 'CanNotDelete' and scope the registry (or deploy one at its resource group)";
/** A registry with no lock, alone in a file. */
const UNLOCKED = "resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'crnolock'\n  location: 'westeurope'\n  sku: { name: 'Basic' }\n}\n";
const NO_EXPORT =
  "has no diagnostic setting, so who created, changed or deleted its resources (a registry's registries/write and registries/delete) is kept 90 days and no detection in a workspace sees it; add one that enables Administrative, Security, Policy and Alert";

/**
 * The control-plane rules on the fixtures of bicep-fixtures/control-plane/, compiled by the real
 * Bicep CLI. Templates and registries that pass have no finding: a subscription that exports every
 * category (itself, through a module at the same subscription, or through a management-group setting
 * above it), a registry locked on itself (CanNotDelete or ReadOnly), at its resource group, or
 * through an AVM-style module given a lock. Resource-group templates are never judged by the
 * subscription rule.
 */
const EXPECTED: Record<string, Omit<Seen, 'ruleId'>[]> = {
  'Azure.ACR.DeleteLock': [
    { at: 'control-plane/registry-locks.bicep:31:1', level: 'note', message: `registry 'crunlocked' ${NO_LOCK}` },
    { at: 'control-plane/registry-locks.bicep:37:1', level: 'note', message: `registry 'crnotspecified' ${NO_LOCK}` },
    {
      at: 'control-plane/registry-locks.bicep:61:5',
      level: 'note',
      message:
        "whether registry 'crlevelparam' is locked against deletion is decided at deployment by parameter 'lockLevel' (declared at registry-locks.bicep:1:1), which has no value; settle it in the template or check it before deploying",
    },
    { at: 'control-plane/registry-locks.bicep:81:1', level: 'note', message: `registry 'crsuppressed' ${NO_LOCK}`, suppressed: true },
    {
      at: 'control-plane/registry-locks.bicep:89:1',
      level: 'note',
      message:
        "whether registry 'crconditional' is deployed is decided at deployment by parameter 'deployConditional' (declared at registry-locks.bicep:87:1), which has no value; if it is, it has no delete lock: add a Microsoft.Authorization/locks with level 'CanNotDelete' and scope the registry (or deploy one at its resource group)",
    },
    { at: 'control-plane/mods/locked-registry.bicep:8:1', level: 'note', message: `registry 'cravmunlocked' in module 'avmUnlocked' ${NO_LOCK}` },
  ],
  'Azure.Subscription.ActivityLogExport': [
    { at: 'control-plane/management-group-subscriptions.bicep:8:1', level: 'warning', message: `subscription '00000000-0000-0000-0000-00000000000b' ${NO_EXPORT}` },
    {
      at: 'control-plane/subscription-category-group.bicep:10:9',
      level: 'warning',
      message:
        "subscription that the template deploys to does not export Administrative or Security or Policy or Alert (Microsoft.Resources/subscriptions has no documented category group, so 'allLogs' exports nothing; use the categories Administrative, Security, Policy and Alert); enable them",
    },
    { at: 'control-plane/subscription-missing-category.bicep:11:31', level: 'warning', message: 'subscription that the template deploys to does not export Security or Alert; enable them' },
    { at: 'control-plane/subscription-no-export.bicep:2:1', level: 'warning', message: `subscription that the template deploys to ${NO_EXPORT}` },
    { at: 'control-plane/subscription-suppressed.bicep:2:1', level: 'warning', message: `subscription that the template deploys to ${NO_EXPORT}`, suppressed: true },
  ],
};

let results: Seen[];
let code: number;

beforeAll(async () => {
  const run = await auditJson(['control-plane']);
  code = run.code;
  results = seen(run.report);
}, 180_000);

describe('the control-plane rules on real Bicep', () => {
  it.each(Object.entries(EXPECTED))('%s: exactly the findings of its table, at their file, line and column', (id, expected) => {
    expect(results.filter((r) => r.ruleId === id).map(({ ruleId: _ruleId, ...rest }) => rest)).toEqual(expected);
  });

  it('exits 1 on the folder only for the registries without audit logs, errors of another rule', () => {
    expect(code).toBe(1);
    expect([...new Set(results.filter((r) => r.level === 'error').map((r) => r.ruleId))]).toEqual(['Azure.ACR.Logs']);
  });
});

describe('levels and exit codes', () => {
  it('a subscription without an export is a warning: exit 0, and exit 1 with --fail-on warning', async () => {
    expect((await auditWithRealBicep(['control-plane/subscription-no-export.bicep', '--no-cache'])).code).toBe(0);
    expect((await auditWithRealBicep(['control-plane/subscription-no-export.bicep', '--no-cache', '--fail-on', 'warning'])).code).toBe(1);
  }, 60_000);

  it('a registry without a lock is a note; raised by the config it fails the run', async () => {
    const root = makeTree({
      'main.bicep': UNLOCKED,
      'bicep-audit.json': JSON.stringify({ rules: { 'Azure.ACR.Logs': 'off', 'Azure.ACR.Lock': 'error' } }),
    });
    const run = await auditJson(['main.bicep'], { cwd: root });
    expect(run.code).toBe(1);
    expect(seen(run.report, root)).toEqual([{ at: 'main.bicep:1:1', ruleId: 'Azure.ACR.DeleteLock', level: 'error', message: `registry 'crnolock' ${NO_LOCK}` }]);
  }, 60_000);
});

describe('suggestions', () => {
  it('add the Activity Log export to a subscription template, which then passes', async () => {
    const root = makeTree({ 'main.bicep': fs.readFileSync(path.join(FIXTURES, 'subscription-no-export.bicep'), 'utf8') });
    const fixed = await auditWithRealBicep(['main.bicep', '--fix', '--suggestions', '--no-cache'], { cwd: root });
    expect(fixed.code).toBe(0);
    expect(fs.readFileSync(path.join(root, 'main.bicep'), 'utf8')).toBe(
      [
        '// A subscription template that exports nothing.',
        "targetScope = 'subscription'",
        '',
        "@description('Log Analytics workspace that receives the Activity Log of the subscription')",
        'param activityLogWorkspaceId string',
        '',
        "resource shared 'Microsoft.Resources/resourceGroups@2024-03-01' = {",
        "  name: 'rg-shared'",
        "  location: 'westeurope'",
        '}',
        '',
        "resource activityLogExport 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {",
        "  name: 'activity-log'",
        '  properties: {',
        '    workspaceId: activityLogWorkspaceId',
        '    logs: [',
        "      { category: 'Administrative', enabled: true }",
        "      { category: 'Security', enabled: true }",
        "      { category: 'Policy', enabled: true }",
        "      { category: 'Alert', enabled: true }",
        '    ]',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    const after = await auditJson(['main.bicep'], { cwd: root });
    expect(seen(after.report, root)).toEqual([]);
  }, 120_000);

  it('reuse a workspace another setting of the deployment names in full', async () => {
    const workspace = '/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/law-central';
    const root = makeTree({
      'main.bicep': [
        "targetScope = 'subscription'",
        '',
        "module logs 'logs.bicep' = {",
        "  name: 'logs'",
        "  scope: resourceGroup('rg-logs')",
        '}',
        '',
      ].join('\n'),
      'logs.bicep': [
        "resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {",
        "  name: 'kv-logs'",
        '}',
        '',
        "resource vaultLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {",
        "  name: 'audit'",
        '  scope: vault',
        '  properties: {',
        `    workspaceId: '${workspace}'`,
        "    logs: [ { categoryGroup: 'audit', enabled: true } ]",
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    const run = await auditWithRealBicep(['main.bicep', '--fix-dry-run', '--suggestions', '--no-cache'], { cwd: root });
    expect(run.stdout).toContain(
      ["+resource activityLogExport 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {", "+  name: 'activity-log'", '+  properties: {', `+    workspaceId: '${workspace}'`, '+    logs: ['].join('\n'),
    );
    expect(run.stdout).not.toContain('param activityLogWorkspaceId');
  }, 120_000);

  it('lock a registry that has no lock, which then passes', async () => {
    const root = makeTree({
      'main.bicep': UNLOCKED,
      'bicep-audit.json': JSON.stringify({ rules: { 'Azure.ACR.Logs': 'off' } }),
    });
    const fixed = await auditWithRealBicep(['main.bicep', '--fix', '--suggestions', '--no-cache'], { cwd: root });
    expect(fixed.code).toBe(0);
    expect(fs.readFileSync(path.join(root, 'main.bicep'), 'utf8')).toBe(
      [
        "resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {",
        "  name: 'crnolock'",
        "  location: 'westeurope'",
        "  sku: { name: 'Basic' }",
        '}',
        '',
        "resource registryLock 'Microsoft.Authorization/locks@2020-05-01' = {",
        "  name: 'registry-no-delete'",
        '  scope: registry',
        '  properties: {',
        "    level: 'CanNotDelete'",
        "    notes: 'Deleting this registry deletes everything in it.'",
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(seen((await auditJson(['main.bicep'], { cwd: root })).report, root)).toEqual([]);
  }, 120_000);
});

/** What each lock and diagnostic setting is on, by its ID: from the engine (its `scope`, else where it is deployed) and from Azure's IDs. */
const EXTENSIONS = ['/providers/microsoft.authorization/locks/', '/providers/microsoft.insights/diagnosticsettings/'];

function azureTargets(resources: readonly { id: string }[]): Record<string, string> {
  const targets: Record<string, string> = {};
  for (const { id } of resources) {
    const lower = id.toLowerCase();
    const segment = EXTENSIONS.find((e) => lower.includes(e));
    if (segment) targets[lower] = lower.slice(0, lower.lastIndexOf(segment));
  }
  return targets;
}

async function engineTargets(cli: string, paramFile: string, deployment: DeploymentContext): Promise<Record<string, string>> {
  const output = await withCompiler(cli, 1, (compiler) => compiler.compile(paramFile));
  if (!output.success || output.template === undefined) throw new Error(output.diagnostics.map((d) => d.message).join('; '));
  const parameters = output.parameters === undefined ? new Map() : readParameterValues(paramFile, output.parameters);
  const expansion = expandTemplate(parseJsonWithPositions(paramFile, output.template), { parameters, deployment });
  const targets: Record<string, string> = {};
  for (const instance of expansion.instances) {
    const segment = EXTENSIONS.find((e) => instance.type.toLowerCase() === e.split('/').slice(2, 4).join('/'));
    if (!segment || instance.existing || instance.condition !== true) continue;
    const target = instance.scope ?? deployedAtScope(instance.id, segment);
    if (typeof instance.id !== 'string' || typeof target !== 'string') throw new Error(`unknown ID for ${instance.symbolicName}`);
    targets[instance.id.toLowerCase()] = resourceIdKey(target);
  }
  return targets;
}

describe('what a lock or a setting is on, against Azure’s own engine (bicep snapshot)', () => {
  const { subscriptionId, resourceGroup, tenantId, location, deploymentName } = ORACLE_CONTEXT;
  it.each<[string, string, DeploymentContext]>([
    ['registry-locks', "param lockLevel = 'ReadOnly'\nparam deployConditional = true\n", { subscriptionId, resourceGroup, tenantId, location, deploymentName }],
    ['registry-group-lock', '', { subscriptionId, resourceGroup, tenantId, location, deploymentName }],
    ['subscription-export-in-module', "param workspaceId = '/subscriptions/0/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/law'\n", { subscriptionId, tenantId, location, deploymentName }],
    ['management-group-export', '', { managementGroupId: 'mg-platform', tenantId, location, deploymentName }],
  ])('%s.bicep: the same ID and the same target for each', async (name, values, context) => {
    const cli = realBicep();
    const root = makeTree({ [`${name}.bicepparam`]: `using '${name}.bicep'\n${values}` });
    fs.cpSync(FIXTURES, root, { recursive: true });
    const paramFile = path.join(root, `${name}.bicepparam`);
    const [azure, engine] = await Promise.all([runSnapshot(cli, paramFile, context), engineTargets(cli, paramFile, context)]);
    if (!azure.ok) throw new Error(azure.reason);
    expect(Object.keys(engine).length).toBeGreaterThan(0);
    expect(engine).toEqual(azureTargets(azure.resources));
  }, 120_000);
});
