import { Session } from 'node:inspector';
import { PerformanceObserver } from 'node:perf_hooks';
import path from 'node:path';

/**
 * How much work a case took, counted rather than timed, so that a busy machine changes nothing:
 * `steps`, how many times a block of src/ code ran (V8's precise coverage counts each function
 * call and each branch and loop body); `collections`, how many garbage collections ran, a measure
 * of memory allocated, which also counts the work done inside built-ins (spreading or copying an
 * array is one step but allocates its whole length).
 */
export interface Work {
  steps: number;
  collections: number;
}

const SRC = `${path.resolve(__dirname, '..', '..', 'src')}${path.sep}`;

/** A work meter for the current thread: one at a time; `measure` runs a body and counts its work. */
export class WorkMeter {
  private readonly session = new Session();
  private collections = 0;
  private readonly observer = new PerformanceObserver((list) => {
    this.collections += list.getEntries().length;
  });

  constructor() {
    this.session.connect();
    this.post('Profiler.enable');
    // On for the thread's life: starting it again for each case would recompile all code each time (15 ms a case).
    this.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
    this.observer.observe({ entryTypes: ['gc'] });
  }

  private post(method: string, params?: object): unknown {
    // A session on the thread's own inspector answers synchronously.
    let answer: unknown;
    let failure: Error | null = null;
    this.session.post(method, params ?? {}, (error, result) => {
      failure = error;
      answer = result;
    });
    if (failure) throw failure;
    return answer;
  }

  async measure<T>(body: () => Promise<T> | T): Promise<{ value: T; work: Work }> {
    await settled();
    this.observer.takeRecords();
    const collectionsBefore = this.collections;
    // Taking the counts resets them, so that the next take counts the body alone.
    this.post('Profiler.takePreciseCoverage');
    const value = await body();
    const coverage = this.post('Profiler.takePreciseCoverage') as { result: ScriptCoverage[] };
    // Entries of the collections during the body arrive on a later turn of the event loop.
    await settled();
    this.collections += this.observer.takeRecords().length;
    return { value, work: { steps: stepsIn(coverage.result), collections: this.collections - collectionsBefore } };
  }
}

function settled(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

interface ScriptCoverage {
  url: string;
  functions: { ranges: { count: number }[] }[];
}

function stepsIn(scripts: readonly ScriptCoverage[]): number {
  let steps = 0;
  for (const script of scripts) {
    const file = script.url.startsWith('file://') ? decodeURIComponent(new URL(script.url).pathname) : script.url;
    if (!file.startsWith(SRC)) continue;
    for (const fn of script.functions) for (const range of fn.ranges) steps += range.count;
  }
  return steps;
}
