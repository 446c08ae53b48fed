import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { atExit } from './exit-hooks';

const withdraw = new Map<string, () => void>();

/** A fresh folder under the OS temp folder, removed at exit, on Ctrl-C and on SIGTERM. */
export function makeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bicep-audit-${prefix}-`));
  withdraw.set(
    dir,
    atExit(() => fs.rmSync(dir, { recursive: true, force: true })),
  );
  return dir;
}

/** Removes a folder made by makeTempDir now rather than at exit. */
export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  withdraw.get(dir)?.();
  withdraw.delete(dir);
}
