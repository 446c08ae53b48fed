import type { ExecaReturnValue } from 'execa';

/**
 * The environment of every Bicep CLI process: .NET's diagnostic IPC is off, so no
 * `dotnet-diagnostic-*` or `clr-debug-pipe-*` files are left in the temp folder.
 */
export function bicepProcessEnv(): NodeJS.ProcessEnv {
  return { ...process.env, DOTNET_EnableDiagnostics: '0' };
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
