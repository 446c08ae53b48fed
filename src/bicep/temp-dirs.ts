import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const live = new Set<string>();
let hooksInstalled = false;

function removeAll(): void {
  for (const dir of live) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeAll();
  // Re-raise with the default handler so that the process ends with the signal's usual status.
  process.removeListener(signal, onSignal);
  process.kill(process.pid, signal);
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.once('exit', removeAll);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

/** A fresh folder under the OS temp folder, removed at exit, on Ctrl-C and on SIGTERM. */
export function makeTempDir(prefix: string): string {
  installHooks();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bicep-audit-${prefix}-`));
  live.add(dir);
  return dir;
}

/** Removes a folder made by makeTempDir now rather than at exit. */
export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  live.delete(dir);
}
