import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './write-atomic';

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** The hash of a file's content; null when there is no such file; undefined when it cannot be read. */
export function hashOf(file: string): string | null | undefined {
  try {
    return sha256(fs.readFileSync(file));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : undefined;
  }
}

interface StoredEntry {
  /** The files the value follows from, with the hash of each then; null for a file that did not exist. */
  dependsOn: { file: string; sha256: string | null }[];
  value: unknown;
}

function isStoredEntry(entry: unknown): entry is StoredEntry {
  const stored = entry as Partial<StoredEntry> | null;
  return typeof stored === 'object' && stored !== null && Array.isArray(stored.dependsOn) && 'value' in stored;
}

/**
 * JSON values on disk, one file per key, each given back only while the files it follows from
 * hash as they did when it was stored. Anything unreadable or unexpected is a miss; a folder that
 * cannot be written costs the next run the work, nothing else.
 */
export class HashedEntries {
  constructor(private readonly folder: string) {}

  /** The value stored under `key`, if every file it follows from is as it was. */
  read(key: string, reviver?: (key: string, value: unknown) => unknown): unknown {
    const entry = this.readJson(key, reviver);
    if (!isStoredEntry(entry) || entry.dependsOn.some((d) => hashOf(d.file) !== d.sha256)) return undefined;
    return entry.value;
  }

  /** Stores a value, unless a file it follows from cannot be read (then it could not be checked); says whether it did. */
  write(key: string, dependsOn: readonly string[], value: unknown, replacer?: (key: string, value: unknown) => unknown): boolean {
    const hashed = [...new Set(dependsOn)].map((file) => ({ file, sha256: hashOf(file) }));
    if (hashed.some((d) => d.sha256 === undefined)) return false;
    this.writeJson(key, JSON.stringify({ dependsOn: hashed, value }, replacer));
    return true;
  }

  /** A value that follows from no file (e.g. what a CLI binary reported), under `key`. */
  readJson(key: string, reviver?: (key: string, value: unknown) => unknown): unknown {
    try {
      return JSON.parse(fs.readFileSync(this.pathFor(key), 'utf8'), reviver);
    } catch {
      return undefined;
    }
  }

  writeJson(key: string, text: string): void {
    try {
      fs.mkdirSync(this.folder, { recursive: true });
      // Renamed into place: a run reading at the same time sees the old entry or the new one, whole.
      writeFileAtomic(this.pathFor(key), text);
    } catch {
      // The store only saves time.
    }
  }

  private pathFor(key: string): string {
    return path.join(this.folder, `${key}.json`);
  }
}
