import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { RULES } from '../src/rules/index';

const ROOT = path.resolve(__dirname, '..');

describe('the package', () => {
  it('packs no source map (they would point at sources it does not ship), and the Bicep grammar as a WASM file with its license instead of tree-sitter-bicep (needs `npm run build`)', () => {
    const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    const files = (JSON.parse(packed.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.includes('tree-sitter-bicep')).sort()).toEqual(['dist/tree-sitter-bicep.LICENSE', 'dist/tree-sitter-bicep.wasm']);
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies)).not.toContain('tree-sitter-bicep');
  });

  it('exposes its public API through the exports map (needs `npm run build`)', () => {
    const script = "const api = require('bicep-audit'); console.log(JSON.stringify([typeof api.analyze, typeof api.expandTemplate, typeof api.formatSarif, api.RULES.map((r) => r.id)]));";
    const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(['function', 'function', 'function', RULES.map((r) => r.id)]);
    expect(RULES.length).toBeGreaterThanOrEqual(20);
  });
});
