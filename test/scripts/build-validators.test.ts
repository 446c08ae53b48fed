import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { makeTree } from '../helpers/temp-tree';

const REPO = path.resolve(__dirname, '..', '..');

describe('scripts/build-validators.js', () => {
  it('wrote src/template/schema-validators.ts from the schemas as they are now, byte for byte (else run node scripts/build-validators.js)', () => {
    const out = path.join(makeTree({}), 'schema-validators.ts');
    const build = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build-validators.js'), out], { encoding: 'utf8', timeout: 60_000 });
    expect({ code: build.status, stderr: build.stderr }).toEqual({ code: 0, stderr: '' });
    expect(fs.readFileSync(out, 'utf8') === fs.readFileSync(path.join(REPO, 'src', 'template', 'schema-validators.ts'), 'utf8')).toBe(true);
  });
});
