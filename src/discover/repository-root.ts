import fs from 'node:fs';
import path from 'node:path';

/** Whether the folder is the root of a repository: it holds a `.git` entry (a folder, or a file in worktrees). */
export function isRepositoryRoot(folder: string): boolean {
  return fs.existsSync(path.join(folder, '.git'));
}

/** The nearest folder at or above `folder` that is a repository root. */
export function findRepositoryRoot(folder: string): string | undefined {
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    if (isRepositoryRoot(current)) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

/** `file` relative to `folder` when it lies below it, else undefined. */
export function relativeInside(file: string, folder: string): string | undefined {
  const relative = path.relative(folder, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : undefined;
}
