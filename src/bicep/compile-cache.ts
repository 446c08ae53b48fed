import { HashedEntries, sha256 } from '../files/hashed-entries';
import { CliVersionRecord, COMPILE_CACHE_FORMAT as FORMAT } from './cli-version-record';
import type { CompileOutput } from './compile-output';
import { watchedFiles } from '../discover/local-files';

interface Entry {
  format: number;
  cliVersion: string;
  output: CompileOutput;
}

function isEntry(value: unknown): value is Entry {
  const entry = value as Partial<Entry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    entry.format === FORMAT &&
    typeof entry.cliVersion === 'string' &&
    typeof entry.output === 'object' &&
    entry.output !== null &&
    typeof entry.output.success === 'boolean' &&
    Array.isArray(entry.output.diagnostics) &&
    Array.isArray(entry.output.filesRead)
  );
}

/**
 * Compiled templates on disk, one file per entry and CLI. An entry is used only while every file
 * it follows from (watchedFiles: those the compilation read or looked for, and the places a
 * bicepconfig.json would apply from) hashes the same.
 */
export class CompileCache {
  private readonly entries: HashedEntries;
  private readonly version: CliVersionRecord;

  constructor(
    folder: string,
    private readonly cli: string,
  ) {
    this.entries = new HashedEntries(folder);
    this.version = new CliVersionRecord(this.entries, cli);
  }

  /** The stored compile of `file`, when nothing it read (or looked for) has changed. */
  lookup(file: string): { output: CompileOutput; cliVersion: string } | undefined {
    const entry = this.entries.read(this.keyFor(file));
    if (!isEntry(entry) || entry.output.file !== file) return undefined;
    return { output: entry.output, cliVersion: entry.cliVersion };
  }

  /**
   * Keeps a compile, failed or not: its diagnostics follow from the files it read as surely as a
   * template does. Not kept when the files it read cannot be told or read.
   */
  store(file: string, cliVersion: string, output: CompileOutput): void {
    if (output.filesRead.length === 0) return;
    const entry: Entry = { format: FORMAT, cliVersion, output };
    if (!this.entries.write(this.keyFor(file), watchedFiles(file, output.filesRead), entry)) return;
    this.version.remember(cliVersion);
  }

  /** The version this CLI binary reported last time, so that a run need not start it to ask. */
  knownCliVersion(): string | undefined {
    return this.version.known();
  }

  private keyFor(file: string): string {
    return sha256(JSON.stringify([FORMAT, this.cli, file]));
  }
}
