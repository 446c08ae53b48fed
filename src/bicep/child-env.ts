/**
 * The environment of every Bicep CLI process: .NET's diagnostic IPC is off, so no
 * `dotnet-diagnostic-*` or `clr-debug-pipe-*` files are left in the temp folder.
 */
export function bicepProcessEnv(): NodeJS.ProcessEnv {
  return { ...process.env, DOTNET_EnableDiagnostics: '0' };
}
