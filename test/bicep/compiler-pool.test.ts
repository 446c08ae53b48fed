import { CompilerPool, FILES_PER_EXTRA_SERVER, type PoolWorker } from '../../src/bicep/compiler-pool';

/** A pool whose processes are stand-ins that compile nothing: what is counted here is how many the pool starts. */
function pool(jobs: number) {
  let started = 0;
  const worker = (): PoolWorker => {
    started += 1;
    return { compile: async (file) => ({ file, success: true, diagnostics: [], filesRead: [file] }), close: async () => undefined };
  };
  const kind = { mode: 'jsonrpc' as const, startWorker: worker, beforeCompile: async () => undefined, maxWorkers: jobs, filesPerExtraWorker: FILES_PER_EXTRA_SERVER };
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
