import type { ExecaReturnValue } from 'execa';

/**
 * Threads the .NET thread pool of a Bicep CLI process starts with. A server blocks pool threads
 * while it compiles; with the default of one per core, .NET adds a thread only after half a second,
 * which stalled every run of about 40 files or more on two cores for 0.6–0.9 s.
 */
const MIN_POOL_THREADS = '8';

/**
 * The environment of every Bicep CLI process: .NET's diagnostic IPC is off, so no
 * `dotnet-diagnostic-*` or `clr-debug-pipe-*` files are left in the temp folder; and the thread pool
 * starts with MIN_POOL_THREADS, unless the user set that knob.
 */
export function bicepProcessEnv(): NodeJS.ProcessEnv {
  return { DOTNET_ThreadPool_ForceMinWorkerThreads: MIN_POOL_THREADS, ...process.env, DOTNET_EnableDiagnostics: '0' };
}

/** Runs one Bicep CLI command to its end (never through a shell); a non-zero exit is the caller's to read. */
export function runBicepCommand(cliPath: string, args: readonly string[], options: { timeoutMs: number; stripFinalNewline?: boolean }): Promise<ExecaReturnValue> {
  // Loaded on first use, not at start: the JSON-RPC server needs no execa, and requiring it costs about 35 ms.
  const execa = require('execa') as typeof import('execa');
  return execa(cliPath, [...args], {
    reject: false,
    timeout: options.timeoutMs,
    stripFinalNewline: options.stripFinalNewline ?? true,
    env: bicepProcessEnv(),
    extendEnv: false,
  });
}
