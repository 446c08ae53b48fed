import type { BicepCompiler, CompileOutput } from './compile-output';
import { BicepCliError, BicepTimeoutError } from './errors';
import type { ReferenceMemo } from './reference-memo';

/**
 * Up to `jobs` warm Bicep CLI processes, each reused for many files. A process that times out on
 * a file is killed and replaced, and the file fails; one that crashes is replaced and the file is
 * tried once more on a fresh process.
 */
export class CompilerPool implements BicepCompiler {
  private readonly idle: BicepCompiler[] = [];
  private readonly waiting: ((worker: BicepCompiler) => void)[] = [];
  private live = 0;
  /** Processes started in the run (replacements included). */
  started = 0;

  constructor(
    readonly cliPath: string,
    readonly version: string,
    readonly mode: BicepCompiler['mode'],
    private readonly jobs: number,
    /** Shared with the processes, which fill it. */
    private readonly references: ReferenceMemo,
    private readonly startWorker: () => BicepCompiler,
  ) {}

  compile(file: string): Promise<CompileOutput> {
    return this.withWorker((worker) => worker.compile(file));
  }

  /** A known answer needs no process; the process that asks records its answer for the others. */
  fileReferences(file: string): Promise<readonly string[]> {
    return this.references.known(file) ?? this.withWorker((worker) => worker.fileReferences(file));
  }

  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((worker) => worker.close()));
  }

  private async withWorker<T>(task: (worker: BicepCompiler) => Promise<T>, attempt = 1): Promise<T> {
    const worker = await this.acquire();
    try {
      const result = await task(worker);
      this.release(worker);
      return result;
    } catch (error) {
      if (!(error instanceof BicepCliError)) {
        this.release(worker);
        throw error;
      }
      // A process that timed out or crashed is not trusted with another file.
      await this.replace(worker);
      if (error instanceof BicepTimeoutError || attempt > 1) throw error;
      return this.withWorker(task, attempt + 1);
    }
  }

  private acquire(): Promise<BicepCompiler> {
    const idle = this.idle.pop();
    if (idle) return Promise.resolve(idle);
    if (this.live < this.jobs) return Promise.resolve(this.startOne());
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(worker: BicepCompiler): void {
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idle.push(worker);
  }

  private async replace(worker: BicepCompiler): Promise<void> {
    await worker.close();
    this.live -= 1;
    const next = this.waiting.shift();
    if (next) next(this.startOne());
  }

  private startOne(): BicepCompiler {
    this.live += 1;
    this.started += 1;
    return this.startWorker();
  }
}
