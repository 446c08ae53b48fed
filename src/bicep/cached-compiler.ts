import type { CompileCache } from './compile-cache';
import type { BicepCompiler, CompileOutput } from './compile-output';
import type { CompilerPool } from './compiler-pool';

/**
 * Serves compiles from the cache, and starts the Bicep CLI (its version check and its pool) only
 * when a file misses: an unchanged repository is audited without starting Bicep at all.
 */
export class CachedCompiler implements BicepCompiler {
  private pool: Promise<CompilerPool> | undefined;
  private started: CompilerPool | undefined;
  private cachedVersion: string | undefined;
  private readonly lookups = new Map<string, ReturnType<CompileCache['lookup']>>();
  /** Compiles answered from the cache, for reports of what the cache saved. */
  hits = 0;

  constructor(
    readonly cliPath: string,
    private readonly cache: CompileCache,
    private readonly startPool: () => Promise<CompilerPool>,
  ) {}

  get version(): string {
    return this.started?.version ?? this.cachedVersion ?? 'unknown';
  }

  get mode(): BicepCompiler['mode'] {
    return this.started?.mode ?? 'cache';
  }

  async compile(file: string): Promise<CompileOutput> {
    const cached = this.lookup(file);
    if (cached) {
      this.hits += 1;
      this.cachedVersion = cached.cliVersion;
      return cached.output;
    }
    const pool = await this.startedPool();
    const references = await pool.fileReferences(file);
    const output = await pool.compile(file);
    this.cache.store(file, references, pool.version, output);
    return output;
  }

  async fileReferences(file: string): Promise<readonly string[]> {
    return this.lookup(file)?.references ?? (await this.startedPool()).fileReferences(file);
  }

  /** One look in the cache per file and run: discovery and the compile both ask. */
  private lookup(file: string): ReturnType<CompileCache['lookup']> {
    if (!this.lookups.has(file)) this.lookups.set(file, this.cache.lookup(file));
    return this.lookups.get(file);
  }

  async close(): Promise<void> {
    await this.started?.close();
  }

  private startedPool(): Promise<CompilerPool> {
    this.pool ??= this.startPool().then((pool) => (this.started = pool));
    return this.pool;
  }
}
