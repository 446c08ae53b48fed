import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { RULES } from '../src/rules/index';

const ROOT = path.resolve(__dirname, '..');

describe('the package', () => {
  it('exposes its public API through the exports map (needs `npm run build`)', () => {
    const script = "const api = require('bicep-audit'); console.log(JSON.stringify([typeof api.analyze, typeof api.expandTemplate, typeof api.formatSarif, api.RULES.map((r) => r.id)]));";
    const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(['function', 'function', 'function', RULES.map((r) => r.id)]);
    expect(RULES.length).toBeGreaterThanOrEqual(20);
  });
});
