import type { BicepCompiler, CompileOutput } from './compile-output';
import { BicepCliError, BicepFileFailure, BicepTimeoutError } from './errors';

/** One process of the pool (or the way one file is compiled, for `bicep build`). */
export interface PoolWorker {
  compile(file: string): Promise<CompileOutput>;
  filesRead(file: string): Promise<string[]>;
  close(): Promise<void>;
  /** Its resident memory now, where the system tells (a server's grows with what it has compiled). */
  residentBytes?(): number | undefined;
}

/** How the pool compiles, and how it starts a process for it. */
export interface PoolKind {
  mode: 'jsonrpc' | 'build';
  startWorker: () => PoolWorker;
  /** The files a compile reads, where they are known without a process (by parsing); else undefined. */
  filesReadWithoutWorker?(file: string): Promise<string[] | undefined>;
  /** The part of a compile that needs no process (finding and copying the files it reads), done before one is taken. */
  beforeCompile(file: string): Promise<void>;
  /** At most this many at once. */
  maxWorkers: number;
  /** A worker beyond the first starts only while more than this many files per running one wait (what its start costs, in compiles). */
  filesPerExtraWorker: number;
  /** How many files one worker takes at once: a server answers requests side by side. */
  compilesPerWorker: number;
  /**
   * A worker is ended once it has been given this many files, or once its resident memory is past
   * `bytesPerWorker`, and another takes its place: what a server keeps grows with what it compiles.
   */
  filesPerWorkerLife: number;
  bytesPerWorker?: number;
}

/** A Bicep server takes about as long to start as this many compiles on a warm one. */
export const FILES_PER_EXTRA_SERVER = 80;

/**
 * Requests about files (which files one reads, a compile) a Bicep server is given before another
 * takes its place. A fresh server costs about 2 s (its start, and its first compiles while .NET
 * compiles its code): after 1,000 requests, about 50 s of work, that is at most 4%. Measured on the
 * scale corpus (npm run bench:scale), one server's resident memory went from 220 MB to 310 MB over
 * its first 100 entries and stayed there over 200 more; on Azure Verified Modules it grew to
 * 3.4 GB, which the bound on memory below catches first.
 */
export const FILES_PER_SERVER_LIFE = 1000;

/** What the Bicep servers of a run may hold together before one past its share is replaced (node keeps about 0.5 GB beside them). */
export const BYTES_FOR_SERVERS = 1.5 * 2 ** 30;

/** Requests a Bicep server is given at once: side by side it uses the cores node leaves idle (100 files took 20% less time than one at a time). */
export const COMPILES_PER_SERVER = 4;

/**
 * Reads the CLI's version, from the first process the pool starts where it can; it may switch the
 * pool to another kind (a CLI too old for the JSON-RPC server), closing the processes started.
 */
export type IdentifyCli = (first: PoolWorker, switchTo: (kind: PoolKind) => Promise<void>) => Promise<string>;

/**
 * Up to `maxWorkers` warm Bicep CLI processes, each reused for many files and given up to
 * `compilesPerWorker` at once, started only when a file needs one (or when `prepare` is told one
 * will): the first at once, each further one only while enough files per running process are still
 * to compile to pay for its start. A process that times out on a file is killed and replaced, and
 * the file fails, while the other files it had go to another process as if untried; one that
 * crashes is replaced and each file it had is tried once more on a fresh process, and fails alone
 * (BicepFileFailure) when it crashes that one too.
 */
export class CompilerPool implements BicepCompiler {
  /** A worker's free places: it is here once for each further file it can take now. */
  private idle: PoolWorker[] = [];
  private readonly retired = new WeakSet<PoolWorker>();
  /** Files given to each worker so far, and how many it has now. */
  private readonly given = new Map<PoolWorker, number>();
  private readonly busy = new Map<PoolWorker, number>();
  /** Workers given their last file: they end once they have answered what they have. */
  private readonly spent = new WeakSet<PoolWorker>();
  /** Spent workers ending meanwhile. */
  private readonly ending = new Set<Promise<void>>();
  /** Workers started, for reports and tests. */
  private startedCount = 0;
  /** Workers ended because a file timed out on them. */
  private readonly endedForTimeout = new WeakSet<PoolWorker>();
  private readonly waiting: ((worker: PoolWorker) => void)[] = [];
  private live = 0;
  private identified: Promise<string> | undefined;
  private settledVersion: string | undefined;
  /** Files the run said it will compile, and how many are compiled so far. */
  private readonly expected = new Set<string>();
  private compiled = 0;
  /** Told files whose compile is over (answered or failed), compiles under way, and whether the run has told them all. */
  private readonly over = new Set<string>();
  private underWay = 0;
  private allTold = false;
  /** The processes ended once every told file was compiled, while the run still works. */
  private retiring: Promise<unknown> | undefined;
  /** Told files whose part before the compile is still to do ahead of it, and the loop doing it. */
  private readonly ahead: string[] = [];
  private workingAhead: Promise<void> | undefined;
  private closing = false;

  constructor(
    readonly cliPath: string,
    private kind: PoolKind,
    private readonly identify: IdentifyCli,
    /** Called once every process has answered its last request and been told to end, e.g. to remove a temp folder they read. */
    private readonly afterClose: () => void = () => undefined,
  ) {}

  get mode(): BicepCompiler['mode'] {
    return this.kind.mode;
  }

  /** How many processes the pool has started so far. */
  get processesStarted(): number {
    return this.startedCount;
  }

  /** The CLI's version, once a compile has asked for it; `unknown` before. */
  get version(): string {
    return this.settledVersion ?? 'unknown';
  }

  /**
   * Starts a process for each file to come (at most `jobs`), so that they boot while other work
   * goes on, and meanwhile does the part of each compile that needs no process.
   */
  prepare(files: readonly string[]): void {
    const told = files.filter((file) => !this.expected.has(file));
    if (told.length === 0) return;
    for (const file of told) this.expected.add(file);
    while (this.worthAnotherProcess()) this.idle.push(this.startOne());
    // A failure here is the first compile's to report.
    this.ready().catch(() => undefined);
    this.ahead.push(...told);
    this.workingAhead ??= this.workAhead();
  }

  /** No file beyond those told will be compiled: the processes end as soon as the last is. */
  allPrepared(): void {
    this.allTold = true;
    this.retireWhenAllOver();
  }

  async compile(file: string): Promise<CompileOutput> {
    this.underWay += 1;
    try {
      await this.ready();
      // So that a process never waits on node between two files.
      await this.kind.beforeCompile(file);
      const output = await this.withWorker((worker) => worker.compile(file));
      this.compiled += 1;
      return output;
    } finally {
      this.underWay -= 1;
      if (this.expected.has(file)) this.over.add(file);
      this.retireWhenAllOver();
    }
  }

  async filesRead(file: string): Promise<string[]> {
    const known = await this.kind.filesReadWithoutWorker?.(file);
    if (known) return known;
    await this.ready();
    return this.withWorker((worker) => worker.filesRead(file));
  }

  /** Processes that have compiled every told file exit while node analyses the last of them (an exit takes about 15 ms). */
  private retireWhenAllOver(): void {
    if (!this.allTold || this.retiring || this.underWay > 0 || this.over.size < this.expected.size) return;
    this.retiring = this.retireIdle();
  }

  private worthAnotherProcess(): boolean {
    if (this.live >= this.kind.maxWorkers) return false;
    return this.live === 0 || (this.expected.size - this.compiled) / this.live > this.kind.filesPerExtraWorker;
  }

  /**
   * The part before each told file's compile, one file a turn while a process boots (a second of
   * one idle core): done there, it no longer takes node's core from Bicep's compiles.
   */
  private async workAhead(): Promise<void> {
    for (let next = 0; next < this.ahead.length && !this.closing; next += 1) {
      // A failure is the file's compile's to report, when it does this part again.
      await this.kind.beforeCompile(this.ahead[next]!).catch(() => undefined);
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.ahead.length = 0;
    this.workingAhead = undefined;
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.workingAhead;
    // A process being asked its version is idle again (or gone) once it has answered.
    await this.identified?.catch(() => undefined);
    const ending = this.retireIdle();
    // Every process has answered its last request: what they read goes while they exit.
    this.afterClose();
    await Promise.all([ending, this.retiring, ...this.ending]);
  }

  /** The version, asked once of the first process; every compile waits for it, since it decides how to compile. */
  private ready(): Promise<string> {
    this.identified ??= this.identifyWith(this.idle.pop() ?? this.startOne());
    return this.identified;
  }

  private async identifyWith(first: PoolWorker): Promise<string> {
    const kind = this.kind;
    let version: string;
    try {
      version = await this.identify(first, (next) => this.switchTo(next));
    } catch (error) {
      await this.retire(first);
      throw error;
    }
    // The first process goes to work, unless the pool switched to another kind.
    if (this.kind === kind) this.offer(first);
    else await this.retire(first);
    this.settledVersion = version;
    return version;
  }

  private async switchTo(kind: PoolKind): Promise<void> {
    this.kind = kind;
    await this.retireIdle();
  }

  /** Ends every worker with a free place now (a worker is in `idle` once per free place). */
  private retireIdle(): Promise<unknown> {
    return Promise.all([...new Set(this.idle)].map((worker) => this.retire(worker)));
  }

  /** Ends a worker once, however many of its files fail: its free places go with it. */
  private async retire(worker: PoolWorker): Promise<void> {
    if (this.retired.has(worker)) return;
    this.retired.add(worker);
    this.idle = this.idle.filter((free) => free !== worker);
    // A spent worker no longer counts as live.
    if (!this.spent.has(worker)) this.live -= 1;
    this.given.delete(worker);
    this.busy.delete(worker);
    await worker.close();
  }

  private async withWorker<T>(task: (worker: PoolWorker) => Promise<T>, attempt = 1): Promise<T> {
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
      // Ended because another file timed out on it: this one is not to blame, and goes to another process.
      if (error instanceof BicepTimeoutError) this.endedForTimeout.add(worker);
      const endedForAnother = this.endedForTimeout.has(worker) && !(error instanceof BicepTimeoutError);
      // A process that timed out or crashed is not trusted with another file.
      await this.replace(worker);
      if (endedForAnother) return this.withWorker(task, attempt);
      if (error instanceof BicepTimeoutError) throw error;
      if (attempt > 1) throw new BicepFileFailure(error.summary, error.command, error.exit, error.outputExcerpt, { cause: error });
      return this.withWorker(task, attempt + 1);
    }
  }

  private acquire(): Promise<PoolWorker> {
    const idle = this.idle.pop();
    const worker = idle ?? (this.worthAnotherProcess() ? this.startOne() : undefined);
    if (worker) return Promise.resolve(this.counted(worker));
    return new Promise((resolve) => this.waiting.push((freed) => resolve(this.counted(freed))));
  }

  /**
   * Counts a file given to a worker. With its last file the worker is spent: its free places go,
   * it no longer counts as live (so the next file starts its successor) and it ends once idle.
   */
  private counted(worker: PoolWorker): PoolWorker {
    const given = (this.given.get(worker) ?? 0) + 1;
    this.given.set(worker, given);
    this.busy.set(worker, (this.busy.get(worker) ?? 0) + 1);
    const full = given >= this.kind.filesPerWorkerLife || (this.kind.bytesPerWorker !== undefined && (worker.residentBytes?.() ?? 0) > this.kind.bytesPerWorker);
    if (full && !this.spent.has(worker)) {
      this.spent.add(worker);
      this.live -= 1;
      this.idle = this.idle.filter((free) => free !== worker);
      // Files that were waiting for a place on it get a fresh process.
      while (this.waiting.length > 0 && this.worthAnotherProcess()) this.offer(this.startOne());
    }
    return worker;
  }

  private release(worker: PoolWorker): void {
    if (this.retired.has(worker)) return;
    const busy = (this.busy.get(worker) ?? 1) - 1;
    this.busy.set(worker, busy);
    if (this.spent.has(worker)) {
      if (busy <= 0) this.endSpent(worker);
      return;
    }
    this.offer(worker);
  }

  /** A free place of a worker goes to a file that waits, or into `idle`. */
  private offer(worker: PoolWorker): void {
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idle.push(worker);
  }

  private endSpent(worker: PoolWorker): void {
    const ended = this.retire(worker);
    this.ending.add(ended);
    void ended.finally(() => this.ending.delete(ended));
  }

  private async replace(worker: PoolWorker): Promise<void> {
    await this.retire(worker);
    if (this.waiting.length > 0 && this.worthAnotherProcess()) this.offer(this.startOne());
  }

  /** Starts a worker: one of its places is returned, the others are free at once. */
  private startOne(): PoolWorker {
    this.live += 1;
    this.startedCount += 1;
    const worker = this.kind.startWorker();
    for (let place = 1; place < this.kind.compilesPerWorker; place += 1) this.offer(worker);
    return worker;
  }
}
