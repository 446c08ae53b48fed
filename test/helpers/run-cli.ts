import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { main } from '../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliInvocation {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  homeDir: string;
}

const BIN = path.resolve(__dirname, '..', '..', 'bin', 'bicep-audit.js');

/** Runs the CLI in-process through main(). */
export async function runInProcess(invocation: CliInvocation): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv: invocation.argv,
    env: invocation.env,
    cwd: invocation.cwd,
    homeDir: invocation.homeDir,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** Runs the built binary as a child process (needs `npm run build`). */
export function runSpawned(invocation: CliInvocation): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...invocation.argv], {
    cwd: invocation.cwd,
    env: { ...invocation.env, HOME: invocation.homeDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export const RUNNERS: [string, (invocation: CliInvocation) => Promise<CliRun> | CliRun][] = [
  ['in-process', runInProcess],
  ['spawned', runSpawned],
];

/** An environment in which only node is on PATH, so that no real Bicep CLI is found by accident. */
export function isolatedEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: path.dirname(process.execPath), ...extra };
}
