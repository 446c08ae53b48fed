import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'jsonc-parser';
import { SymbolicMirror, withSymbolicNames } from '../../src/bicep/symbolic-mirror';
import { makeTree } from '../helpers/temp-tree';

describe('withSymbolicNames', () => {
  it('adds the switch and keeps comments and other settings', () => {
    const config = '{\n  // linter settings stay\n  "analyzers": { "core": { "rules": { "no-unused-params": { "level": "error" } } } }\n}\n';
    const edited = withSymbolicNames(config);
    expect(edited).toContain('// linter settings stay');
    expect(parse(edited)).toEqual({
      analyzers: { core: { rules: { 'no-unused-params': { level: 'error' } } } },
      experimentalFeaturesEnabled: { symbolicNameCodegen: true },
    });
  });

  it.each([['null', 'null'], ['a string', '"none"'], ['an array', '[]']])('replaces experimentalFeaturesEnabled that is %s and keeps comments', (_name, value) => {
    const edited = withSymbolicNames(`{\n  // keep\n  "experimentalFeaturesEnabled": ${value}\n}`);
    expect(edited).toContain('// keep');
    expect(parse(edited)).toEqual({ experimentalFeaturesEnabled: { symbolicNameCodegen: true } });
  });

  it('turns on a switch the user turned off', () => {
    const edited = withSymbolicNames('{ "experimentalFeaturesEnabled": { "symbolicNameCodegen": false, "extensibility": true } }');
    expect(JSON.parse(edited)).toEqual({ experimentalFeaturesEnabled: { symbolicNameCodegen: true, extensibility: true } });
  });
});

describe('SymbolicMirror', () => {
  it('copies exactly the referenced files, edits configs, maps paths back and leaves the source alone', () => {
    const tree = makeTree({
      'infra/main.bicep': "module m 'modules/m.bicep' = { name: 'm' }\n",
      'infra/modules/m.bicep': 'output x string = \'x\'\n',
      'infra/bicepconfig.json': '{ /* keep */ "cloud": { "currentProfile": "AzureCloud" } }',
      'infra/unrelated.txt': 'not referenced',
    });
    const before = fs.readFileSync(path.join(tree, 'infra/bicepconfig.json'), 'utf8');
    let root = '';
    const references = ['infra/main.bicep', 'infra/modules/m.bicep', 'infra/bicepconfig.json'].map((p) => path.join(tree, p));
    const mirror = new SymbolicMirror();
    mirror.add(references);
    try {
      root = mirror.root;
      const copiedMain = mirror.toMirror(path.join(tree, 'infra/main.bicep'));
      expect(copiedMain.startsWith(mirror.root + path.sep)).toBe(true);
      expect(fs.readFileSync(copiedMain, 'utf8')).toBe("module m 'modules/m.bicep' = { name: 'm' }\n");
      expect(fs.existsSync(mirror.toMirror(path.join(tree, 'infra/unrelated.txt')))).toBe(false);
      const config = fs.readFileSync(mirror.toMirror(path.join(tree, 'infra/bicepconfig.json')), 'utf8');
      expect(config).toContain('/* keep */');
      expect(config).toContain('"symbolicNameCodegen": true');
      // Files outside the user's config folder (a module elsewhere) get the switch from one at the root.
      expect(JSON.parse(fs.readFileSync(path.join(mirror.root, 'bicepconfig.json'), 'utf8'))).toEqual({ experimentalFeaturesEnabled: { symbolicNameCodegen: true } });
      expect(mirror.toOriginal(copiedMain)).toBe(path.join(tree, 'infra/main.bicep'));
      expect(mirror.toOriginal('/elsewhere/x.bicep')).toBe('/elsewhere/x.bicep');
      expect(fs.readFileSync(path.join(tree, 'infra/bicepconfig.json'), 'utf8')).toBe(before);
    } finally {
      mirror.remove();
    }
    expect(fs.existsSync(root)).toBe(false);
  });

  it('writes a config with only the switch at its root when the user has none', () => {
    const tree = makeTree({ 'main.bicep': "param p string = 'x'\n" });
    const mirror = new SymbolicMirror();
    mirror.add([path.join(tree, 'main.bicep')]);
    try {
      expect(JSON.parse(fs.readFileSync(path.join(mirror.root, 'bicepconfig.json'), 'utf8'))).toEqual({
        experimentalFeaturesEnabled: { symbolicNameCodegen: true },
      });
    } finally {
      mirror.remove();
    }
  });

  it('serves a whole run: files of several entries in one folder, each copied once, all removed at the end', () => {
    const tree = makeTree({ 'a.bicep': "module m 'm.bicep' = { name: 'm' }\n", 'b.bicep': "module m 'm.bicep' = { name: 'm' }\n", 'm.bicep': '// first\n' });
    const [a, b, m] = ['a.bicep', 'b.bicep', 'm.bicep'].map((p) => path.join(tree, p));
    const mirror = new SymbolicMirror();
    mirror.add([a!, m!]);
    const root = mirror.root;
    fs.writeFileSync(m!, '// changed after the first copy\n');
    mirror.add([b!, m!, path.join(tree, 'missing.bicep')]);
    expect([mirror.root, fs.readFileSync(mirror.toMirror(m!), 'utf8'), fs.existsSync(mirror.toMirror(b!)), fs.existsSync(mirror.toMirror(path.join(tree, 'missing.bicep')))]).toEqual([
      root,
      '// first\n',
      true,
      false,
    ]);
    mirror.remove();
    expect(fs.existsSync(root)).toBe(false);
  });
});
