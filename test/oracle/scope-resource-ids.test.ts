import fs from 'node:fs';
import path from 'node:path';
import type { DeploymentContext } from '../../src/template/expand/deployment-scope';
import { BICEP_FIXTURES, realBicep } from '../helpers/real-bicep';
import { makeTree } from '../helpers/temp-tree';
import { ORACLE_CONTEXT } from './deployment-context';
import { engineView } from './engine-view';
import { withCompiler } from './run-oracle';
import { runSnapshot } from './snapshot';

const FIXTURE = path.join(BICEP_FIXTURES, 'oracle', 'scope-resource-ids');
const { tenantId, location, deploymentName, subscriptionId } = ORACLE_CONTEXT;

describe('resourceId() at each deployment scope against Azure’s own engine (bicep snapshot)', () => {
  it.each<[string, DeploymentContext, string]>([
    ['management-group', { managementGroupId: 'mg-oracle', tenantId, location, deploymentName }, '/providers/Microsoft.Management/managementGroups/mg-child'],
    ['subscription', { subscriptionId, tenantId, location, deploymentName }, `/subscriptions/${subscriptionId}/providers/Microsoft.Management/managementGroups/mg-child`],
    ['tenant', { tenantId, location, deploymentName }, '/providers/Microsoft.Management/managementGroups/mg-child'],
  ])('gives the outputs of %s.bicep the IDs Azure gives them', async (name, context, firstId) => {
    const cli = realBicep();
    const copy = makeTree(Object.fromEntries(fs.readdirSync(FIXTURE).map((file) => [file, fs.readFileSync(path.join(FIXTURE, file), 'utf8')])));
    const entry = path.join(copy, `${name}.bicepparam`);
    const [azure, engine] = await Promise.all([runSnapshot(cli, entry, context), withCompiler(cli, 1, (compiler) => engineView(compiler, entry, context))]);
    if (!azure.ok) throw new Error(azure.reason);
    if (!engine.ok) throw new Error(engine.reason);
    expect(engine.view.unknowns).toEqual([]);
    expect((azure.outputs.ids as string[])[0]).toBe(firstId);
    expect(engine.outputs).toEqual(azure.outputs);
  }, 120_000);
});
