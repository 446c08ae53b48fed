import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CompileCache } from '../../src/bicep/compile-cache';
import { cacheFolder, cliIdentity } from '../../src/bicep/cli-version-record';
import type { CompileOutput } from '../../src/bicep/compile-output';
import { makeExecutable, makeTree } from '../helpers/temp-tree';

const BUILT = path.resolve(__dirname, '..', '..', 'dist', 'bicep', 'compile-cache.js');
// A compiled template as the cache holds it; the cache stores and checks, it does not compile.
const TEMPLATE = '{"languageVersion": "2.0", "resources": {}}';

function project() {
  const tree = makeTree({
    'repo/main.bicep': "module acr 'modules/acr.bicep' = { name: 'acr' }\n",
    'repo/modules/acr.bicep': "param name string = 'acrone'\n",
    'repo/bicepconfig.json': '{}\n',
  });
  const main = path.join(tree, 'repo', 'main.bicep');
  const references = [main, path.join(tree, 'repo', 'modules', 'acr.bicep'), path.join(tree, 'repo', 'bicepconfig.json')];
  const output: CompileOutput = { file: main, success: true, diagnostics: [], template: TEMPLATE, filesRead: references };
  const folder = path.join(tree, 'cache');
  return { tree, main, references, output, folder, cache: new CompileCache(folder, 'cli-a') };
}

describe('the compile cache', () => {
  it('gives back a stored compile, with the CLI version and the files it read', () => {
    const { main, output, cache } = project();
    expect(cache.lookup(main)).toBeUndefined();
    cache.store(main, '0.37.4', output);
    expect(cache.lookup(main)).toEqual({ output, cliVersion: '0.37.4' });
  });

  it('keeps a failed compile, until a file it looked for in vain appears', () => {
    const { tree, main, references, cache } = project();
    const missing = path.join(tree, 'repo', 'modules', 'missing.bicep');
    const failed: CompileOutput = {
      file: main,
      success: false,
      diagnostics: [{ file: main, range: { start: { line: 0, character: 11 }, end: { line: 0, character: 27 } }, level: 'error', code: 'BCP091', message: 'An error occurred reading file.' }],
      filesRead: [...references, missing],
    };
    cache.store(main, '0.49.2', failed);
    expect(cache.lookup(main)).toEqual({ output: failed, cliVersion: '0.49.2' });
    fs.writeFileSync(missing, "param name string = 'acrthree'\n");
    expect(cache.lookup(main)).toBeUndefined();
  });

  it('remembers the version the CLI reported, by CLI', () => {
    const { main, output, folder, cache } = project();
    expect(cache.knownCliVersion()).toBeUndefined();
    cache.store(main, '0.49.2', output);
    expect([cache.knownCliVersion(), new CompileCache(folder, 'cli-b').knownCliVersion()]).toEqual(['0.49.2', undefined]);
  });

  it.each([
    ['the entry changes', (tree: string) => fs.appendFileSync(path.join(tree, 'repo', 'main.bicep'), '// edited\n')],
    ['a module it reads changes', (tree: string) => fs.writeFileSync(path.join(tree, 'repo', 'modules', 'acr.bicep'), "param name string = 'acrtwo'\n")],
    ['a module it reads is deleted', (tree: string) => fs.rmSync(path.join(tree, 'repo', 'modules', 'acr.bicep'))],
    ['its bicepconfig.json changes', (tree: string) => fs.writeFileSync(path.join(tree, 'repo', 'bicepconfig.json'), '{ "analyzers": {} }\n')],
    ['a new bicepconfig.json appears beside a module it reads, nearer to it than the one that applied', (tree: string) => fs.writeFileSync(path.join(tree, 'repo', 'modules', 'bicepconfig.json'), '{}\n')],
    ['its bicepconfig.json is removed', (tree: string) => fs.rmSync(path.join(tree, 'repo', 'bicepconfig.json'))],
  ])('misses when %s', (_name, change) => {
    const { tree, main, output, cache } = project();
    cache.store(main, '0.37.4', output);
    change(tree);
    expect(cache.lookup(main)).toBeUndefined();
  });

  it('keeps it when a bicepconfig.json appears above the one that applies, where Bicep does not look', () => {
    const { tree, main, output, cache } = project();
    cache.store(main, '0.37.4', output);
    fs.writeFileSync(path.join(tree, 'bicepconfig.json'), '{}\n');
    expect(cache.lookup(main)).toEqual({ output, cliVersion: '0.37.4' });
  });

  it('hashes the entry even when the CLI does not list it among the files it read', () => {
    const { tree, main, references, output, cache } = project();
    cache.store(main, '0.37.4', { ...output, filesRead: references.slice(1) });
    fs.appendFileSync(path.join(tree, 'repo', 'main.bicep'), '// edited\n');
    expect(cache.lookup(main)).toBeUndefined();
  });

  it('keeps entries apart by CLI', () => {
    const { main, output, folder, cache } = project();
    cache.store(main, '0.37.4', output);
    expect(new CompileCache(folder, 'cli-b').lookup(main)).toBeUndefined();
  });

  it('does not keep compiles whose files it cannot tell, or cannot read', () => {
    const { tree, main, output, folder, cache } = project();
    cache.store(main, '0.37.4', { ...output, filesRead: [] });
    cache.store(main, '0.37.4', { ...output, filesRead: [path.join(tree, 'repo')] });
    expect(fs.existsSync(folder)).toBe(false);
  });

  it('ignores a corrupt entry and rewrites it whole', () => {
    const { main, output, folder, cache } = project();
    cache.store(main, '0.37.4', output);
    const entry = fs.readdirSync(folder).find((f) => !f.startsWith('cli-'));
    for (const garbage of ['{"format": 1, "output"', '[]', '{"format": 1}', '']) {
      fs.writeFileSync(path.join(folder, entry!), garbage);
      expect(cache.lookup(main)).toBeUndefined();
    }
    cache.store(main, '0.37.4', output);
    expect(cache.lookup(main)?.output).toEqual(output);
    expect(fs.readdirSync(folder).filter((f) => !f.startsWith('cli-'))).toEqual([entry]);
  });

  it('runs writing and reading the same entry at once see it whole or not at all, and leave no temp files', async () => {
    const { main, output, folder } = project();
    // Four processes store the entry 200 times each while this one reads it.
    const script = `
      const { CompileCache } = require(${JSON.stringify(BUILT)});
      const cache = new CompileCache(${JSON.stringify(folder)}, 'cli-a');
      for (let i = 0; i < 200; i += 1) cache.store(${JSON.stringify(main)}, '0.37.4', ${JSON.stringify(output)});`;
    const writers = Array.from({ length: 4 }, () => spawn(process.execPath, ['-e', script], { stdio: 'inherit' }));
    const done = Promise.all(writers.map((w) => new Promise((resolve) => w.once('exit', resolve))));
    const reader = new CompileCache(folder, 'cli-a');
    const seen = new Set<string>();
    let finished = false;
    void done.then(() => (finished = true));
    while (!finished) {
      const found = reader.lookup(main);
      seen.add(found === undefined ? 'miss' : JSON.stringify(found.output) === JSON.stringify(output) ? 'whole' : 'torn');
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await done).toEqual([0, 0, 0, 0]);
    expect(seen.has('torn')).toBe(false);
    expect(fs.readdirSync(folder)).toHaveLength(2);
    expect(reader.lookup(main)?.output).toEqual(output);
  });

  it('a cache folder that cannot be written costs nothing but the cache', () => {
    const { tree, main, output } = project();
    fs.writeFileSync(path.join(tree, 'not-a-folder'), '');
    const cache = new CompileCache(path.join(tree, 'not-a-folder', 'cache'), 'cli-a');
    cache.store(main, '0.37.4', output);
    expect([cache.lookup(main), cache.knownCliVersion()]).toEqual([undefined, undefined]);
  });
});

describe('where the cache lives', () => {
  it("in the project's node_modules/.cache when there is a node_modules above the working folder", () => {
    const tree = makeTree({ 'node_modules/.keep': '', 'infra/app/main.bicep': '' });
    expect(cacheFolder(path.join(tree, 'infra', 'app'), {}, '/home/u')).toBe(path.join(tree, 'node_modules', '.cache', 'bicep-audit'));
  });

  it('else in XDG_CACHE_HOME, else in ~/.cache', () => {
    const tree = makeTree({ 'infra/main.bicep': '' });
    expect(cacheFolder(tree, { XDG_CACHE_HOME: '/xdg' }, '/home/u')).toBe(path.join('/xdg', 'bicep-audit'));
    expect(cacheFolder(tree, {}, '/home/u')).toBe(path.join('/home/u', '.cache', 'bicep-audit'));
  });

  it('the CLI is known by its real path, size and change time, and by --no-restore', () => {
    const tree = makeTree({});
    const cli = makeExecutable(path.join(tree, 'bin', 'bicep'));
    fs.symlinkSync(cli, path.join(tree, 'bicep-link'));
    const stat = fs.statSync(cli);
    expect(cliIdentity(path.join(tree, 'bicep-link'), false)).toBe(JSON.stringify([cli, stat.size, stat.mtimeMs, false]));
    expect(cliIdentity(cli, true)).not.toBe(cliIdentity(cli, false));
  });
});
