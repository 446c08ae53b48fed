import fs from 'node:fs';
import path from 'node:path';
import { HashedEntries, sha256 } from '../files/hashed-entries';

/** Bumped whenever a compile cache entry's shape or meaning changes, so old entries are simply missed. */
// 3: failed compiles are kept too, and the files a compile looked for in vain.
// 4: the places a bicepconfig.json would apply from are watched as files (watchedFiles).
export const COMPILE_CACHE_FORMAT = 4;

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

/** The version a CLI binary reported, kept beside its compiles so that a run need not start it to ask. */
export class CliVersionRecord {
  constructor(
    private readonly entries: HashedEntries,
    private readonly cli: string,
  ) {}

  known(): string | undefined {
    const known = this.entries.readJson(this.key()) as { format?: unknown; cliVersion?: unknown } | undefined;
    return known?.format === COMPILE_CACHE_FORMAT && typeof known.cliVersion === 'string' ? known.cliVersion : undefined;
  }

  remember(cliVersion: string): void {
    if (this.known() !== cliVersion) this.entries.writeJson(this.key(), JSON.stringify({ format: COMPILE_CACHE_FORMAT, cliVersion }));
  }

  private key(): string {
    return `cli-${sha256(JSON.stringify([COMPILE_CACHE_FORMAT, this.cli]))}`;
  }
}
