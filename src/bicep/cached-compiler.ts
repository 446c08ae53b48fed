import type { CompileCache } from './compile-cache';
import type { BicepCompiler, CompileOutput } from './compile-output';
import type { CompilerPool } from './compiler-pool';
import { registryModules } from '../discover/local-files';

/**
 * Whether a compile's outcome follows from the files it read alone, so that it can be kept between
 * runs: a failed fetch of a registry module may go through next time with no file changed.
 */
export async function followsFromFilesRead(file: string, output: CompileOutput): Promise<boolean> {
  return output.success || (await registryModules(file)).length === 0;
}

/**
 * Serves compiles from the cache, and starts the Bicep CLI only for files that miss: an
 * unchanged repository is audited without starting Bicep at all. The first miss starts a process
 * while the rest of the cache is still being read.
 */
export class CachedCompiler implements BicepCompiler {
  private pool: CompilerPool | undefined;
  private cachedVersion: string | undefined;
  private readonly lookups = new Map<string, ReturnType<CompileCache['lookup']>>();

  constructor(
    readonly cliPath: string,
    private readonly cache: CompileCache,
    /** Starts the pool, given the version this binary reported before, if the cache remembers one. */
    private readonly startPool: (knownVersion: string | undefined) => CompilerPool,
  ) {}

  get version(): string {
    return this.pool && this.pool.version !== 'unknown' ? this.pool.version : (this.cachedVersion ?? 'unknown');
  }

  get mode(): BicepCompiler['mode'] {
    return this.pool?.mode ?? 'cache';
  }

  prepare(files: readonly string[]): void {
    for (const file of files) if (!this.lookup(file)) this.startedPool().prepare([file]);
  }

  allPrepared(): void {
    this.pool?.allPrepared();
  }

  async compile(file: string): Promise<CompileOutput> {
    const cached = this.lookup(file);
    if (cached) {
      this.cachedVersion = cached.cliVersion;
      return cached.output;
    }
    const pool = this.startedPool();
    const output = await pool.compile(file);
    if (await followsFromFilesRead(file, output)) this.cache.store(file, pool.version, output);
    return output;
  }

  async filesRead(file: string): Promise<string[]> {
    return this.lookup(file)?.output.filesRead ?? this.startedPool().filesRead(file);
  }

  /** One look in the cache per file and run: `prepare` and the compile both ask. */
  private lookup(file: string): ReturnType<CompileCache['lookup']> {
    if (!this.lookups.has(file)) this.lookups.set(file, this.cache.lookup(file));
    return this.lookups.get(file);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }

  private startedPool(): CompilerPool {
    this.pool ??= this.startPool(this.cache.knownCliVersion());
    return this.pool;
  }
}
