import { spawn, type ChildProcess } from 'node:child_process';
import { bicepProcessEnv } from './child-env';
import { atExit } from './exit-hooks';

/** A `bicep jsonrpc --stdio` server process (never through a shell), speaking JSON-RPC on its standard streams. */
export function spawnBicepServer(cliPath: string): ChildProcess {
  return spawn(cliPath, ['jsonrpc', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: bicepProcessEnv() });
}

/** A server started before the run knew it needed one: the run takes it once, or it is ended. */
export interface PrestartedServer {
  /** The process, once, when it runs this CLI and is still running; else undefined (the run starts its own). */
  take(cliPath: string): ChildProcess | undefined;
  /** Ends the process unless the run took it. */
  discard(): void;
}

export function prestartBicepServer(cliPath: string): PrestartedServer {
  let child: ChildProcess | undefined = spawnBicepServer(cliPath);
  let failed = false;
  // A CLI that cannot start is the run's to report, with its own process.
  child.once('error', () => (failed = true));
  const withdraw = atExit(() => child?.kill('SIGKILL'));
  const release = () => {
    const taken = child;
    child = undefined;
    withdraw();
    return taken;
  };
  return {
    take(path) {
      if (!child || path !== cliPath) return undefined;
      const running = !failed && child.exitCode === null && child.signalCode === null;
      const taken = release();
      if (running) return taken;
      taken?.kill('SIGKILL');
      return undefined;
    },
    discard() {
      release()?.kill('SIGKILL');
    },
  };
}
