import fs from 'node:fs';
import path from 'node:path';
import { isolatedEnv, runInProcess } from './helpers/run-cli';

const ROOT = path.resolve(__dirname, '..');

describe('README', () => {
  it('shows what the Quick start demo really prints', async () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const shown = /It prints two findings and exits 1[^\n]*\n\n```\n([\s\S]*?)```/.exec(readme)?.[1];
    const result = await runInProcess({ argv: ['bicep-fixtures/demo/registry.json'], cwd: ROOT, env: isolatedEnv(), homeDir: ROOT });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(shown);
  });

  it('runs the test command it names from .ci/run', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('npm ci && npm test');
    expect(fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8')).toContain('npm ci && npm test');
  });
});
