import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const builtModule = path.resolve(__dirname, '..', '..', 'dist', 'bicep', 'temp-dirs.js');

/** Starts a process that makes a temp folder, prints its path and waits; returns the folder. */
function startHolder(): Promise<{ dir: string; child: ReturnType<typeof spawn> }> {
  const script = `const { makeTempDir } = require(${JSON.stringify(builtModule)}); console.log(makeTempDir('signal')); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => {
    child.stdout!.setEncoding('utf8').once('data', (line: string) => resolve({ dir: line.trim(), child }));
  });
}

function exited(child: ReturnType<typeof spawn>): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
}

describe('temp folders', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('are removed on %s and the process still ends by that signal', async (signal) => {
    const { dir, child } = await startHolder();
    expect(fs.existsSync(dir)).toBe(true);
    const ended = exited(child);
    child.kill(signal);
    expect(await ended).toBe(signal);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('are removed at a normal exit', async () => {
    const script = `const { makeTempDir } = require(${JSON.stringify(builtModule)}); console.log(makeTempDir('exit'));`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    await exited(child);
    expect(out.trim()).toMatch(/bicep-audit-exit-/);
    expect(fs.existsSync(out.trim())).toBe(false);
  });
});
