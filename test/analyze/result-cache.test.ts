import fs from 'node:fs';
import path from 'node:path';
import { ResultCache } from '../../src/analyze/result-cache';
import { CompileCache } from '../../src/bicep/compile-cache';
import type { CompileOutput } from '../../src/bicep/compile-output';
import type { InputResult } from '../../src/rules/finding';
import { makeTree } from '../helpers/temp-tree';

// The result cache and the compile cache must miss on the same changes: a result follows from a
// compile, so a change that makes the compile stale makes the result stale too.

/** An entry with a local module in another folder, a config at the root, and the files a compile of it read. */
function project() {
  const root = path.join(
    makeTree({
      'repo/.git/HEAD': '',
      'repo/bicepconfig.json': '{}\n',
      'repo/infra/main.bicep': "module acr '../modules/acr.bicep' = { name: 'acr' }\n",
      'repo/modules/acr.bicep': "param name string = 'acrone'\n",
    }),
    'repo',
  );
  const main = path.join(root, 'infra', 'main.bicep');
  const filesRead = [main, path.join(root, 'modules', 'acr.bicep'), path.join(root, 'bicepconfig.json')];
  const output: CompileOutput = { file: main, success: true, diagnostics: [], template: '{"languageVersion": "2.0", "resources": {}}', filesRead };
  const result: InputResult = { file: main, status: 'analysed', findings: [] };
  const folder = path.join(root, '.cache');
  const compiles = new CompileCache(folder, 'cli');
  const results = new ResultCache(folder, 'tool');
  compiles.store(main, '0.49.2', output);
  results.store(main, 'context', filesRead, result);
  /** Whether each cache still gives back its entry. */
  const kept = () => ({ compile: compiles.lookup(main) !== undefined, result: results.lookup(main, 'context') !== undefined });
  return { root, kept };
}

const LINTER_ERROR = JSON.stringify({ analyzers: { core: { rules: { 'no-unused-params': { level: 'error' } } } } });

describe('the result cache and the compile cache', () => {
  it.each([
    ['nothing changes', () => undefined, true],
    ['a bicepconfig.json is added beside the entry, under the root one', (root: string) => fs.writeFileSync(path.join(root, 'infra', 'bicepconfig.json'), LINTER_ERROR), false],
    ['a bicepconfig.json is added beside the module', (root: string) => fs.writeFileSync(path.join(root, 'modules', 'bicepconfig.json'), LINTER_ERROR), false],
    ['the root bicepconfig.json changes', (root: string) => fs.writeFileSync(path.join(root, 'bicepconfig.json'), LINTER_ERROR), false],
    ['the root bicepconfig.json is removed', (root: string) => fs.rmSync(path.join(root, 'bicepconfig.json')), false],
    ['the module changes', (root: string) => fs.writeFileSync(path.join(root, 'modules', 'acr.bicep'), "param name string = 'acrtwo'\n"), false],
    ['a bicepconfig.json is added above the root one, where Bicep never looks', (root: string) => fs.writeFileSync(path.join(path.dirname(root), 'bicepconfig.json'), LINTER_ERROR), true],
  ])('agree when %s', (_change, change, keptAfter) => {
    const { root, kept } = project();
    expect(kept()).toEqual({ compile: true, result: true });
    change(root);
    expect(kept()).toEqual({ compile: keptAfter, result: keptAfter });
  });
});
