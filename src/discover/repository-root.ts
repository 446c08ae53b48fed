import fs from 'node:fs';
import path from 'node:path';

/** The nearest folder at or above `folder` that holds a `.git` entry (a folder, or a file in worktrees). */
export function findRepositoryRoot(folder: string): string | undefined {
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}
