import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../report/write-atomic';
import type { CompileOutput } from './compile-output';
import { bicepConfigsAbove } from '../discover/local-files';

/** Bumped whenever an entry's shape or meaning changes, so old entries are simply missed. */
// 2: compiled in a symbolic-name mirror, references include the local files found by parsing.
const FORMAT = 2;

interface Entry {
  format: number;
  cliVersion: string;
  /** Every file the compilation read, with the hash of its content then. */
  references: { file: string; sha256: string }[];
  /** The bicepconfig.json files from the entry's folder up: a new one would change the merged config. */
  configs: string[];
  output: CompileOutput;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function hashOf(file: string): string | undefined {
  try {
    return sha256(fs.readFileSync(file));
  } catch {
    return undefined;
  }
}

function isEntry(value: unknown): value is Entry {
  const entry = value as Partial<Entry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    entry.format === FORMAT &&
    typeof entry.cliVersion === 'string' &&
    Array.isArray(entry.references) &&
    Array.isArray(entry.configs) &&
    typeof entry.output === 'object' &&
    entry.output !== null &&
    entry.output.success === true
  );
}

/** Where compiled templates are kept: `node_modules/.cache/bicep-audit` of the project, else the XDG cache folder. */
export function cacheFolder(cwd: string, env: Record<string, string | undefined>, homeDir: string): string {
  for (let folder = path.resolve(cwd); ; folder = path.dirname(folder)) {
    if (fs.existsSync(path.join(folder, 'node_modules'))) return path.join(folder, 'node_modules', '.cache', 'bicep-audit');
    if (path.dirname(folder) === folder) break;
  }
  return path.join(env.XDG_CACHE_HOME || path.join(homeDir, '.cache'), 'bicep-audit');
}

/** Who compiles: the CLI binary (its real path, size and change time) and how it is asked. */
export function cliIdentity(cliPath: string, noRestore: boolean): string {
  const real = fs.realpathSync(cliPath);
  const stat = fs.statSync(real);
  return JSON.stringify([real, stat.size, stat.mtimeMs, noRestore]);
}

/**
 * Compiled templates on disk, one file per entry and CLI. An entry is used only while every file
 * the compilation read hashes the same and the bicepconfig.json files around it are the same
 * ones; anything unreadable or unexpected in the cache is a miss, and is rewritten.
 */
export class CompileCache {
  constructor(
    private readonly folder: string,
    private readonly cli: string,
  ) {}

  /** The stored compile of `file`, when nothing it read has changed. */
  lookup(file: string): { output: CompileOutput; cliVersion: string; references: string[] } | undefined {
    let entry: unknown;
    try {
      entry = JSON.parse(fs.readFileSync(this.pathFor(file), 'utf8'));
    } catch {
      return undefined;
    }
    if (!isEntry(entry) || entry.output.file !== file) return undefined;
    if (entry.references.some((r) => hashOf(r.file) !== r.sha256)) return undefined;
    if (JSON.stringify(bicepConfigsAbove(file)) !== JSON.stringify(entry.configs)) return undefined;
    return { output: entry.output, cliVersion: entry.cliVersion, references: entry.references.map((r) => r.file) };
  }

  /** Keeps a successful compile; failures are not kept (a missing module may appear without any read file changing). */
  store(file: string, references: readonly string[], cliVersion: string, output: CompileOutput): void {
    if (!output.success || references.length === 0) return;
    const hashed = [...new Set([file, ...references])].map((r) => ({ file: r, sha256: hashOf(r) }));
    if (hashed.some((r) => r.sha256 === undefined)) return;
    const entry: Entry = { format: FORMAT, cliVersion, references: hashed as Entry['references'], configs: bicepConfigsAbove(file), output };
    try {
      fs.mkdirSync(this.folder, { recursive: true });
      // Renamed into place: a run reading at the same time sees the old entry or the new one, whole.
      writeFileAtomic(this.pathFor(file), JSON.stringify(entry));
    } catch {
      // The cache only saves time: a folder that cannot be written costs a compile, nothing else.
    }
  }

  private pathFor(file: string): string {
    return path.join(this.folder, `${sha256(JSON.stringify([FORMAT, this.cli, file]))}.json`);
  }
}
