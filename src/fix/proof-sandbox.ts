import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir, removeTempDir } from '../bicep/temp-dirs';
import { localFilesRead } from '../discover/local-files';
import { findRepositoryRoot } from '../discover/repository-root';

/**
 * A copy, in a temp folder, of the inputs of a run and every local file they read, at the same
 * absolute paths below its root (and a `.git` marker where the repository root is), so that
 * `--fix-dry-run` proves its edits as `--fix` does without writing into the user's tree.
 */
export class ProofSandbox {
  readonly root = makeTempDir('proof');

  /** The copy of a user's file. */
  inside(file: string): string {
    const absolute = path.resolve(file);
    return path.join(this.root, absolute.slice(path.parse(absolute).root.length));
  }

  /** A text with every path inside the sandbox turned back into the user's path. */
  outside(text: string): string {
    return text.split(this.root + path.sep).join(path.sep);
  }

  /** Copies each input and what it reads, found by parsing; a file that cannot be read is left out, as it is unusable in the user's tree too. */
  async copy(inputs: readonly string[]): Promise<void> {
    const files = new Set<string>();
    for (const input of inputs) {
      files.add(path.resolve(input));
      if (/\.bicep(param)?$/i.test(input)) for (const file of await localFilesRead(input).catch(() => [])) files.add(file);
      const repository = findRepositoryRoot(path.dirname(input));
      if (repository) fs.mkdirSync(path.join(this.inside(repository), '.git'), { recursive: true });
    }
    for (const file of files) {
      if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) continue;
      fs.mkdirSync(path.dirname(this.inside(file)), { recursive: true });
      try {
        fs.copyFileSync(file, this.inside(file));
      } catch {
        // Unreadable: the run reports it as it did.
      }
    }
  }

  remove(): void {
    removeTempDir(this.root);
  }
}

/** A copy of plain data (results of a run) with every string passed through `map`. */
export function mapStrings<T>(value: T, map: (text: string) => string): T {
  if (typeof value === 'string') return map(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, map)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, map)])) as T;
  }
  return value;
}
