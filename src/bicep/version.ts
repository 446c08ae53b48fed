import { runBicepCommand } from './child-env';
import { BicepCliError, excerpt } from './errors';

const VERSION_PATTERN = /Bicep CLI version (\d+)\.(\d+)\.(\d+)/;

export interface BicepVersion {
  text: string;
  major: number;
  minor: number;
  patch: number;
}

/** The first version whose JSON-RPC server is stable. */
export const JSONRPC_MIN_VERSION = { major: 0, minor: 29 } as const;

export function parseBicepVersion(output: string): BicepVersion | undefined {
  const match = VERSION_PATTERN.exec(output);
  if (!match) return undefined;
  const [major, minor, patch] = match.slice(1).map(Number) as [number, number, number];
  return { text: `${major}.${minor}.${patch}`, major, minor, patch };
}

export function supportsJsonRpc(version: BicepVersion): boolean {
  return (
    version.major > JSONRPC_MIN_VERSION.major ||
    (version.major === JSONRPC_MIN_VERSION.major && version.minor >= JSONRPC_MIN_VERSION.minor)
  );
}

/** Runs `bicep --version` once and reads the version it prints. */
export async function readBicepVersion(cliPath: string, timeoutMs: number): Promise<BicepVersion> {
  const command = `${cliPath} --version`;
  const result = await runBicepCommand(cliPath, ['--version'], { timeoutMs });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.timedOut) {
    throw new BicepCliError(`the Bicep CLI did not answer within ${timeoutMs} ms`, command, undefined, excerpt(output));
  }
  const version = result.exitCode === 0 ? parseBicepVersion(result.stdout) : undefined;
  if (!version) {
    throw new BicepCliError('the Bicep CLI did not report its version', command, result.exitCode ?? (result.signal as NodeJS.Signals | undefined), excerpt(output));
  }
  return version;
}
