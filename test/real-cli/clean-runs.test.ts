import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BICEP_FIXTURES, realBicep } from '../helpers/real-bicep';
import { makeTree } from '../helpers/temp-tree';

const BIN = path.resolve(__dirname, '..', '..', 'bin', 'bicep-audit.js');

describe('a run with the real Bicep CLI', () => {
  it.each([
    ['the server', [] as string[]],
    ['--no-restore', ['--no-restore']],
  ])('leaves its temp folder empty: no mirror, no .NET diagnostic pipes (%s)', (_how, flags) => {
    const tmp = makeTree({});
    const result = spawnSync(process.execPath, [BIN, 'demo/main.bicep', 'json-module/main.bicep', '--no-cache', '--format', 'json', ...flags], {
      cwd: BICEP_FIXTURES,
      env: { PATH: path.dirname(process.execPath), BICEP_PATH: realBicep(), TMPDIR: tmp, HOME: tmp },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    // The demo's two audit-log findings; the JSON module's registry lacks its audit logs and a lock.
    expect((JSON.parse(result.stdout).results as { ruleId: string }[]).map((r) => r.ruleId)).toEqual(['Azure.ACR.Logs', 'Azure.ACR.Logs', 'Azure.ACR.DeleteLock', 'Azure.ACR.Logs']);
    // HOME is the temp folder too: Bicep may keep its own settings there, never .NET's pipes or our mirrors.
    expect(fs.readdirSync(tmp).filter((name) => /^(dotnet-diagnostic-|clr-debug-pipe-|bicep-audit-)/.test(name))).toEqual([]);
  }, 60_000);
});
