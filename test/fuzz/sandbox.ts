import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Reply, SandboxFailure, Task } from './protocol';

/**
 * A worker's stack as deep as the main thread's, where the CLI runs (V8's default 984 KB, plus
 * the 192 KB Node keeps back in a worker; a worker's default is 4 MB), so that a stack overflow
 * the CLI would meet shows here too.
 */
const MAIN_THREAD_STACK_MB = (984 + 192) / 1024;

/**
 * Runs fuzz cases in a worker thread. The engine is synchronous, so a case that loops forever
 * would also stop the test's own timers; from here it can be stopped: a case that has not
 * answered within `timeoutMs` ends the worker, is reported, and the next case gets a new one.
 */
export class Sandbox {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private nextId = 0;
  private pending: { id: number; settle: (result: Reply | SandboxFailure) => void } | undefined;

  constructor(
    private readonly timeoutMs: number,
    private readonly memoryMb: number,
  ) {}

  private start(): Promise<void> {
    const worker = new Worker(path.join(__dirname, 'worker.js'), {
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, stackSizeMb: MAIN_THREAD_STACK_MB },
      stdout: true,
      stderr: true,
    });
    this.worker = worker;
    // Each worker has its own promise: a late event of a stopped worker must not settle the next case.
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (message: { ready?: true; id?: number; reply?: Reply }) => {
        if (message.ready) resolve();
        else if (this.worker === worker && this.pending?.id === message.id) this.settle(message.reply!);
      });
      worker.on('error', (error) => {
        reject(error);
        if (this.worker === worker) this.stop({ kind: 'crashed', message: `${error.name}: ${error.message}` });
      });
      worker.on('exit', (code) => {
        reject(new Error(`the fuzz worker exited with code ${code} before it was ready`));
        if (this.worker === worker) this.stop({ kind: 'crashed', message: `the worker exited with code ${code}` });
      });
    });
  }

  private settle(result: Reply | SandboxFailure): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.settle(result);
  }

  private stop(failure: SandboxFailure): void {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    void worker?.terminate();
    this.settle(failure);
  }

  /** Runs one task; `timeoutMs` overrides the sandbox's own for this task. */
  async run(task: Task, timeoutMs = this.timeoutMs): Promise<Reply | SandboxFailure> {
    if (!this.ready) this.ready = this.start();
    await this.ready;
    const id = (this.nextId += 1);
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.stop({ kind: 'timeout', ms: timeoutMs }), timeoutMs);
      this.pending = {
        id,
        settle: (result) => {
          clearTimeout(timer);
          resolve(result);
        },
      };
      this.worker!.postMessage({ id, task });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    await worker?.terminate();
  }
}
