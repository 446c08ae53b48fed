import fs from 'node:fs';
import path from 'node:path';
import { auditJson, BICEP_FIXTURES, realBicep, seen } from '../helpers/real-bicep';
import { makeTree } from '../helpers/temp-tree';
import { runSnapshot } from '../oracle/snapshot';

/** A copy of a fixture folder with a `.bicepparam` for its main.bicep, for bicep snapshot. */
function copyWithParams(folder: string): string {
  const files: Record<string, string> = { 'main.bicepparam': "using 'main.bicep'\n" };
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(folder, full)] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(folder);
  return makeTree(files);
}

const NO_SETTING = "has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group";

describe('the files a compile reads, as the Bicep server names them', () => {
  it('load*() of a variable, of a literal in parentheses and of a variable in a module: each file is read, the names come from them', async () => {
    const { code, report } = await auditJson(['load-paths/main.bicep']);
    expect(report.inputs.map((i) => i.status)).toEqual(['analysed']);
    expect(seen(report).filter((r) => r.ruleId === 'Azure.ACR.Logs')).toEqual([
      { at: 'load-paths/main.bicep:6:1', ruleId: 'Azure.ACR.Logs', level: 'error', message: `registry 'crloadedsettings' ${NO_SETTING}` },
      { at: 'load-paths/modules/registry.bicep:3:1', ruleId: 'Azure.ACR.Logs', level: 'error', message: `registry 'crloadedtext' in module 'second' ${NO_SETTING}` },
    ]);
    expect(code).toBe(1);
  }, 60_000);

  it('Azure’s engine gives the registries the same names (bicep snapshot)', async () => {
    const azure = await runSnapshot(realBicep(), path.join(copyWithParams(path.join(BICEP_FIXTURES, 'load-paths')), 'main.bicepparam'));
    if (!azure.ok) throw new Error(azure.reason);
    expect(azure.resources.map((r) => r.name).sort()).toEqual(['crloadedsettings', 'crloadedtext']);
  }, 120_000);

  it('a local ARM JSON module under an entry that compiles to symbolic names and that the source grammar cannot parse', async () => {
    const { code, report } = await auditJson(['json-module-symbolic/main.bicep']);
    expect(report.inputs.map((i) => i.status)).toEqual(['analysed']);
    expect(seen(report).filter((r) => r.ruleId === 'Azure.ACR.Logs')).toEqual([
      { at: 'json-module-symbolic/mods/registry.json:8:5', ruleId: 'Azure.ACR.Logs', level: 'error', message: `registry 'crjsonmodule' in module 'registry' ${NO_SETTING}` },
    ]);
    expect(code).toBe(1);
  }, 60_000);
});

describe('a nested deployment whose template is loaded from a file', () => {
  it('is expanded: loadJsonContent() and json(loadTextContent()) each deploy their registry, which is checked', async () => {
    const { code, report } = await auditJson(['inline-template-expression/main.bicep']);
    expect(seen(report).filter((r) => r.ruleId === 'Azure.ACR.Logs')).toEqual([
      { at: 'inline-template-expression/main.bicep:3:1', ruleId: 'Azure.ACR.Logs', level: 'error', message: `registry 'crloadjson' in module 'fromJson' ${NO_SETTING}` },
      { at: 'inline-template-expression/main.bicep:11:1', ruleId: 'Azure.ACR.Logs', level: 'error', message: `registry 'crloadtext' in module 'fromText' ${NO_SETTING}` },
    ]);
    expect(code).toBe(1);
  }, 60_000);

  it('Azure’s engine deploys the same two registries (bicep snapshot)', async () => {
    const azure = await runSnapshot(realBicep(), path.join(copyWithParams(path.join(BICEP_FIXTURES, 'inline-template-expression')), 'main.bicepparam'));
    if (!azure.ok) throw new Error(azure.reason);
    expect(azure.resources.map((r) => r.name).sort()).toEqual(['crloadjson', 'crloadtext']);
  }, 120_000);
});
