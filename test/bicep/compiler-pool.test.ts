import { BicepCliError } from '../../src/bicep/errors';
import { CompilerPool, FILES_PER_EXTRA_SERVER, type IdentifyCli, type PoolKind, type PoolWorker } from '../../src/bicep/compiler-pool';

/** A pool whose processes are stand-ins that compile nothing: what is counted here is how many the pool starts. */
function pool(jobs: number) {
  let started = 0;
  const worker = (): PoolWorker => {
    started += 1;
    return { compile: async (file) => ({ file, success: true, diagnostics: [], filesRead: [file] }), filesRead: async (file) => [file], close: async () => undefined };
  };
  const kind = { mode: 'jsonrpc' as const, startWorker: worker, beforeCompile: async () => undefined, maxWorkers: jobs, filesPerExtraWorker: FILES_PER_EXTRA_SERVER, compilesPerWorker: 4, filesPerWorkerLife: Infinity };
  const compilers = new CompilerPool('bicep', kind, async () => '0.49.2');
  return { compilers, started: () => started };
}

const files = (count: number) => Array.from({ length: count }, (_, i) => `/repo/f${i}.bicep`);

describe('the pool starts a process beyond the first only for a backlog worth its start', () => {
  it.each([
    [1, 3, 1],
    [FILES_PER_EXTRA_SERVER, 3, 1],
    [FILES_PER_EXTRA_SERVER + 1, 3, 2],
    [2 * FILES_PER_EXTRA_SERVER + 1, 3, 3],
    [10 * FILES_PER_EXTRA_SERVER, 2, 2],
  ])('%i files, at most %i: %i processes', async (count, jobs, processes) => {
    const { compilers, started } = pool(jobs);
    compilers.prepare(files(count));
    await Promise.all(files(count).map((f) => compilers.compile(f)));
    await compilers.close();
    expect(started()).toBe(processes);
  });

  it('starts none for no file', () => {
    const { compilers, started } = pool(2);
    compilers.prepare([]);
    expect(started()).toBe(0);
  });
});

/** Stand-in processes that hold each file until told, so that what is in flight at once can be counted. */
function heldPool(crashFirst = false) {
  let started = 0;
  let inFlight = 0;
  let mostInFlight = 0;
  const held: (() => void)[] = [];
  const worker = (): PoolWorker => {
    const crashes = crashFirst && started === 0;
    started += 1;
    return {
      compile: async (file) => {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await new Promise<void>((resolve) => held.push(resolve));
        inFlight -= 1;
        if (crashes) throw new BicepCliError('the process crashed', 'bicep jsonrpc', 1, '');
        return { file, success: true, diagnostics: [], filesRead: [file] };
      },
      filesRead: async (file) => [file],
      close: async () => undefined,
    };
  };
  const kind = { mode: 'jsonrpc' as const, startWorker: worker, beforeCompile: async () => undefined, maxWorkers: 2, filesPerExtraWorker: FILES_PER_EXTRA_SERVER, compilesPerWorker: 4, filesPerWorkerLife: Infinity };
  const compilers = new CompilerPool('bicep', kind, async () => '0.49.2');
  /** Lets every held file go until all are done. */
  const drain = async (all: Promise<unknown>) => {
    let done = false;
    void all.finally(() => (done = true)).catch(() => undefined);
    while (!done) {
      held.splice(0).forEach((resolve) => resolve());
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { compilers, drain, started: () => started, mostInFlight: () => mostInFlight };
}

describe('a process takes up to four files at once', () => {
  it('gives one process four of six files at once, and the rest as it frees places', async () => {
    const { compilers, drain, started, mostInFlight } = heldPool();
    compilers.prepare(files(6));
    const all = Promise.all(files(6).map((f) => compilers.compile(f)));
    await drain(all);
    const outputs = await all;
    await compilers.close();
    expect({ started: started(), mostInFlight: mostInFlight(), files: outputs.map((o) => o.file) }).toEqual({
      started: 1,
      mostInFlight: 4,
      files: files(6),
    });
  });

  it('replaces a process that crashed with four files once, and tries each of them again there', async () => {
    const { compilers, drain, started } = heldPool(true);
    compilers.prepare(files(4));
    const all = Promise.all(files(4).map((f) => compilers.compile(f)));
    await drain(all);
    const outputs = await all;
    await compilers.close();
    expect({ started: started(), files: outputs.map((o) => o.success && o.file) }).toEqual({ started: 2, files: files(4) });
  });
});

const ticks = async (count: number) => {
  for (let i = 0; i < count; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

/** A pool whose processes log what they are asked and when they end, and whose first process says its version when the test says. */
function loggingPool(events: string[], options: { beforeCompile?: (file: string) => Promise<void>; exitMs?: number } = {}) {
  const kind: PoolKind = {
    mode: 'jsonrpc',
    startWorker: () => ({
      compile: async (file) => {
        events.push(`compiles ${file}`);
        return { file, success: true, diagnostics: [], filesRead: [file] };
      },
      filesRead: async (file) => [file],
      close: async () => {
        events.push('process told to end');
        await new Promise((resolve) => setTimeout(resolve, options.exitMs ?? 0));
        events.push('process exited');
      },
    }),
    beforeCompile: options.beforeCompile ?? (async () => undefined),
    maxWorkers: 1,
    filesPerExtraWorker: FILES_PER_EXTRA_SERVER,
    compilesPerWorker: 4,
    filesPerWorkerLife: Infinity,
  };
  let answer: (version: string) => void = () => undefined;
  const identify: IdentifyCli = () => {
    events.push('version asked');
    return new Promise((resolve) => {
      answer = (version) => {
        events.push('version answered');
        resolve(version);
      };
    });
  };
  const compilers = new CompilerPool('bicep', kind, identify, () => events.push('mirror removed'));
  return { compilers, answerVersion: (version: string) => answer(version) };
}

describe('the part of each compile that needs no process is done while the first process boots', () => {
  it('does it for every file the run tells of, once each, before any is compiled', async () => {
    const events: string[] = [];
    const { compilers, answerVersion } = loggingPool(events, { beforeCompile: async (file) => void events.push(`ready ${file}`) });
    compilers.prepare(files(2));
    compilers.prepare(files(3));
    await ticks(10);
    answerVersion('0.49.2');
    await compilers.close();
    expect(events).toEqual([
      'version asked',
      'ready /repo/f0.bicep',
      'ready /repo/f1.bicep',
      'ready /repo/f2.bicep',
      'version answered',
      'process told to end',
      'mirror removed',
      'process exited',
    ]);
  });

  it('stops when the pool closes, before what it made is removed', async () => {
    const events: string[] = [];
    const { compilers, answerVersion } = loggingPool(events, { beforeCompile: async (file) => void events.push(`ready ${file}`) });
    compilers.prepare(files(1000));
    await ticks(2);
    answerVersion('0.49.2');
    await compilers.close();
    const removed = events.indexOf('mirror removed');
    expect(events.filter((e) => e.startsWith('ready')).length).toBeLessThan(10);
    expect(events.slice(removed).some((e) => e.startsWith('ready'))).toBe(false);
  });
});

describe('closing', () => {
  it('removes what the processes read while they exit, and resolves once they have', async () => {
    const events: string[] = [];
    const { compilers, answerVersion } = loggingPool(events, { exitMs: 50 });
    compilers.prepare(['/repo/main.bicep']);
    answerVersion('0.49.2');
    await compilers.compile('/repo/main.bicep');
    await compilers.close();
    expect(events.slice(-3)).toEqual(['process told to end', 'mirror removed', 'process exited']);
  });

  it('ends the processes once every told file is compiled, when the run has told them all, and still resolves once they have exited', async () => {
    const events: string[] = [];
    const { compilers, answerVersion } = loggingPool(events, { exitMs: 50 });
    compilers.prepare(['/repo/a.bicep', '/repo/b.bicep']);
    compilers.allPrepared();
    answerVersion('0.49.2');
    await compilers.compile('/repo/a.bicep');
    expect(events).not.toContain('process told to end');
    await compilers.compile('/repo/b.bicep');
    expect(events.slice(-1)).toEqual(['process told to end']);
    await compilers.close();
    expect(events.slice(-3)).toEqual(['process told to end', 'mirror removed', 'process exited']);
  });

  it('keeps them while the run may still tell of files', async () => {
    const events: string[] = [];
    const { compilers, answerVersion } = loggingPool(events);
    compilers.prepare(['/repo/a.bicep']);
    answerVersion('0.49.2');
    await compilers.compile('/repo/a.bicep');
    await ticks(5);
    expect(events).not.toContain('process told to end');
    await compilers.close();
    expect(events.slice(-3)).toEqual(['process told to end', 'mirror removed', 'process exited']);
  });
});

describe('a process is replaced once it has been given its budget of files', () => {
  /** Stand-ins that count the files each is given and whether it was told to end; `resident` is what each says it holds. */
  function budgetPool(filesPerWorkerLife: number, resident?: (files: number) => number, bytesPerWorker?: number) {
    const workers: { files: number; closed: boolean }[] = [];
    const worker = (): PoolWorker => {
      const counts = { files: 0, closed: false };
      workers.push(counts);
      return {
        compile: async (file) => {
          counts.files += 1;
          await new Promise((resolve) => setImmediate(resolve));
          return { file, success: true, diagnostics: [], filesRead: [file] };
        },
        filesRead: async (file) => [file],
        close: async () => void (counts.closed = true),
        ...(resident ? { residentBytes: () => resident(counts.files) } : {}),
      };
    };
    const kind: PoolKind = {
      mode: 'jsonrpc',
      startWorker: worker,
      beforeCompile: async () => undefined,
      maxWorkers: 1,
      filesPerExtraWorker: FILES_PER_EXTRA_SERVER,
      compilesPerWorker: 4,
      filesPerWorkerLife,
      ...(bytesPerWorker === undefined ? {} : { bytesPerWorker }),
    };
    return { compilers: new CompilerPool('bicep', kind, async () => '0.49.2'), workers };
  }

  it.each([
    [10, 3, [3, 3, 3, 1]],
    [6, 3, [3, 3]],
    [5, 100, [5]],
  ])('%i files, %i per process: processes given %j', async (count, budget, given) => {
    const { compilers, workers } = budgetPool(budget);
    compilers.prepare(files(count));
    const outputs = await Promise.all(files(count).map((f) => compilers.compile(f)));
    await compilers.close();
    expect(outputs.map((o) => o.file)).toEqual(files(count));
    expect(workers.map((w) => w.files)).toEqual(given);
    expect(workers.every((w) => w.closed)).toBe(true);
    expect(compilers.processesStarted).toBe(given.length);
  });

  it('replaces a process whose resident memory is past the bound when it is given a file', async () => {
    // 100 bytes a file: past 250 bytes once it has had 3 files, so the 4th it is given is its last.
    const { compilers, workers } = budgetPool(Infinity, (filesDone) => 100 * filesDone, 250);
    for (const file of files(9)) await compilers.compile(file);
    await compilers.close();
    expect(workers.map((w) => w.files)).toEqual([4, 4, 1]);
    expect(workers.every((w) => w.closed)).toBe(true);
  });
});
