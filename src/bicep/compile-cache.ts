import fs from 'node:fs';
import path from 'node:path';
import { HashedEntries, sha256 } from '../files/hashed-entries';
import type { CompileOutput } from './compile-output';
import { bicepConfigsAbove } from '../discover/local-files';

/** Bumped whenever an entry's shape or meaning changes, so old entries are simply missed. */
// 3: failed compiles are kept too, and the files a compile looked for in vain.
const FORMAT = 3;

interface Entry {
  format: number;
  cliVersion: string;
  /** The bicepconfig.json files from the entry's folder up: a new one would change the merged config. */
  configs: string[];
  output: CompileOutput;
}

function isEntry(value: unknown): value is Entry {
  const entry = value as Partial<Entry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    entry.format === FORMAT &&
    typeof entry.cliVersion === 'string' &&
    Array.isArray(entry.configs) &&
    typeof entry.output === 'object' &&
    entry.output !== null &&
    typeof entry.output.success === 'boolean' &&
    Array.isArray(entry.output.diagnostics) &&
    Array.isArray(entry.output.filesRead)
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
 * the compilation read (or looked for) hashes the same and the bicepconfig.json files around it
 * are the same ones.
 */
export class CompileCache {
  private readonly entries: HashedEntries;

  constructor(
    folder: string,
    private readonly cli: string,
  ) {
    this.entries = new HashedEntries(folder);
  }

  /** The stored compile of `file`, when nothing it read (or looked for) has changed. */
  lookup(file: string): { output: CompileOutput; cliVersion: string } | undefined {
    const entry = this.entries.read(this.keyFor(file));
    if (!isEntry(entry) || entry.output.file !== file) return undefined;
    if (JSON.stringify(bicepConfigsAbove(file)) !== JSON.stringify(entry.configs)) return undefined;
    return { output: entry.output, cliVersion: entry.cliVersion };
  }

  /**
   * Keeps a compile, failed or not: its diagnostics follow from the files it read as surely as a
   * template does. Not kept when the files it read cannot be told or read.
   */
  store(file: string, cliVersion: string, output: CompileOutput): void {
    if (output.filesRead.length === 0) return;
    const entry: Entry = { format: FORMAT, cliVersion, configs: bicepConfigsAbove(file), output };
    if (!this.entries.write(this.keyFor(file), [file, ...output.filesRead], entry)) return;
    if (this.knownCliVersion() !== cliVersion) this.entries.writeJson(this.versionKey(), JSON.stringify({ format: FORMAT, cliVersion }));
  }

  /** The version this CLI binary reported last time, so that a run need not start it to ask. */
  knownCliVersion(): string | undefined {
    const known = this.entries.readJson(this.versionKey()) as { format?: unknown; cliVersion?: unknown } | undefined;
    return known?.format === FORMAT && typeof known.cliVersion === 'string' ? known.cliVersion : undefined;
  }

  private keyFor(file: string): string {
    return sha256(JSON.stringify([FORMAT, this.cli, file]));
  }

  private versionKey(): string {
    return `cli-${sha256(JSON.stringify([FORMAT, this.cli]))}`;
  }
}
