import fs from 'node:fs';
import path from 'node:path';
import { auditJson, auditWithRealBicep, BICEP_FIXTURES, seen, type JsonReport } from '../helpers/real-bicep';
import { makeTree } from '../helpers/temp-tree';

const NO_SETTING = "has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group";

const NO_LOCK =
  "has no delete lock, so a single delete of the registry or of its resource group removes it with every image in it; add a Microsoft.Authorization/locks with level 'CanNotDelete' and scope the registry (or deploy one at its resource group)";

describe('valid Bicep the source grammar cannot parse', () => {
  it('places each finding on its declaration (the compiler’s range) and applies its suppression comment', async () => {
    const { code, report } = await auditJson(['grammar-gaps/main.bicep']);
    expect(seen(report)).toEqual([
      { at: 'grammar-gaps/main.bicep:8:1', ruleId: 'Azure.ACR.DeleteLock', level: 'note', message: `registry 'crgrammarunaudited' ${NO_LOCK}` },
      { at: 'grammar-gaps/main.bicep:16:1', ruleId: 'Azure.ACR.DeleteLock', level: 'note', message: `registry 'crgrammarscratch' ${NO_LOCK}` },
      { at: 'grammar-gaps/main.bicep:8:1', ruleId: 'Azure.ACR.Logs', level: 'error', message: `registry 'crgrammarunaudited' ${NO_SETTING}` },
      { at: 'grammar-gaps/main.bicep:16:1', ruleId: 'Azure.ACR.Logs', level: 'error', message: `registry 'crgrammarscratch' ${NO_SETTING}`, suppressed: true },
    ]);
    expect(code).toBe(1);
  }, 60_000);

  it('a resource-derived parameter type: the registry is found at its declaration', async () => {
    const { report } = await auditJson(['structure/typeless-parameter/main.bicep']);
    expect(seen(report).map((r) => `${r.at} ${r.ruleId}`)).toEqual([
      'structure/typeless-parameter/main.bicep:13:29 no-deployments-resources',
      'structure/typeless-parameter/main.bicep:6:1 Azure.ACR.DeleteLock',
      'structure/typeless-parameter/main.bicep:6:1 Azure.ACR.Logs',
    ]);
  }, 60_000);

  it('a folder: its local module is known from the compiler, and a cold and a warm run choose the same one entry', async () => {
    const folder = path.join(BICEP_FIXTURES, 'grammar-gaps', 'folder');
    const root = makeTree({
      '.git/HEAD': '',
      'infra/main.bicep': fs.readFileSync(path.join(folder, 'main.bicep'), 'utf8'),
      'infra/mods/child.bicep': fs.readFileSync(path.join(folder, 'mods', 'child.bicep'), 'utf8'),
    });
    const env = { XDG_CACHE_HOME: path.join(root, 'cache') };
    const runs: { inputs: string[]; at: string[] }[] = [];
    for (const _run of ['cold', 'warm']) {
      const run = await auditWithRealBicep(['infra', '--format', 'json'], { cwd: root, env });
      const report = JSON.parse(run.stdout) as JsonReport;
      runs.push({ inputs: report.inputs.map((i) => `${path.relative(root, i.file)} ${i.status}`), at: seen(report, root).map((r) => r.at) });
    }
    expect(runs[0]).toEqual({ inputs: ['infra/main.bicep analysed'], at: ['infra/mods/child.bicep:2:1', 'infra/mods/child.bicep:2:1'] });
    expect(runs[1]).toEqual(runs[0]);
  }, 120_000);
});
