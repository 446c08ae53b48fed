import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { Writable } from 'node:stream';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { BicepCliError, BicepTimeoutError, excerpt } from './errors';
import { atExit } from './exit-hooks';
import { spawnBicepServer } from './server-process';
import type {
  CompileParamsRequest,
  CompileParamsResponse,
  CompileRequest,
  CompileResponse,
  GetDeploymentGraphRequest,
  GetDeploymentGraphResponse,
  GetFileReferencesRequest,
  GetFileReferencesResponse,
  VersionRequest,
  VersionResponse,
} from './protocol';

const STDERR_KEEP = 4000;
/** How long a failed request waits for the process's exit to explain it. */
const EXIT_GRACE_MS = 1000;

/**
 * The process's stdin behind a stream whose writes never fail: vscode-jsonrpc turns a failed
 * write into an unhandled rejection, and a process that has gone away is reported by its exit.
 */
function forgivingSink(child: ChildProcess): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const stdin = child.stdin;
      if (stdin && stdin.writable) stdin.write(chunk, () => callback());
      else callback();
    },
  });
}

/**
 * One long-lived `bicep jsonrpc --stdio` process. Every call either resolves with the server's
 * answer or rejects with a BicepCliError naming the command, exit code and what it printed.
 */
export class BicepJsonRpcClient {
  private stderr = '';
  /** Rejects when the process ends, cannot start, or speaks something other than JSON-RPC. */
  private broken: Promise<never>;
  private exit: number | NodeJS.Signals | undefined;
  /** How many requests this process has answered, for callers that report reuse. */
  requestCount = 0;

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: MessageConnection,
    private readonly command: string,
    private readonly timeoutMs: number,
  ) {
    // Writing to a process that has ended fails; the exit handler below reports that instead.
    child.stdin?.on('error', () => undefined);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-STDERR_KEEP);
    });
    this.broken = new Promise<never>((_, reject) => {
      child.once('error', (error) => reject(this.failure('the Bicep CLI could not be started', error)));
      child.once('exit', (code, signal) => {
        this.exit = code ?? signal ?? undefined;
        reject(this.failure('the Bicep CLI JSON-RPC server ended unexpectedly'));
      });
      connection.onError(([error]) => reject(this.failure('the Bicep CLI sent something that is not JSON-RPC', error)));
      // A server that closes its output can never answer, even if the process lives on.
      // The exit, when it comes, explains more: wait a moment for it.
      connection.onClose(() => setTimeout(() => reject(this.failure('the Bicep CLI closed its output before answering')), EXIT_GRACE_MS).unref());
    });
    this.broken.catch(() => undefined);
  }

  /** Starts a server, or speaks to one already started for this CLI (`child`). */
  static start(cliPath: string, timeoutMs: number, child: ChildProcess = spawnBicepServer(cliPath)): BicepJsonRpcClient {
    // Loaded once a server is needed: a run served from the cache starts none, and requiring it costs about 35 ms.
    const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node') as typeof import('vscode-jsonrpc/node');
    // Killed with us if we are interrupted: a server must not outlive the run.
    const withdraw = atExit(() => child.kill('SIGKILL'));
    child.once('exit', withdraw);
    const reader = new StreamMessageReader(child.stdout!);
    // The reader re-arms its partial-message timer forever, keeping node alive after a half answer; requests time out on their own.
    reader.partialMessageTimeout = 0;
    const connection = createMessageConnection(reader, new StreamMessageWriter(forgivingSink(child)));
    connection.listen();
    return new BicepJsonRpcClient(child, connection, `${cliPath} jsonrpc --stdio`, timeoutMs);
  }

  get processId(): number | undefined {
    return this.child.pid;
  }

  /** The process's resident memory now, read from /proc; undefined where there is none, or once it has ended. */
  residentBytes(): number | undefined {
    try {
      const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8'))?.[1];
      return kilobytes === undefined ? undefined : Number(kilobytes) * 1024;
    } catch {
      return undefined;
    }
  }

  version(request: VersionRequest = {}): Promise<VersionResponse> {
    return this.request('bicep/version', request);
  }

  compile(request: CompileRequest, timeoutMs?: number): Promise<CompileResponse> {
    return this.request('bicep/compile', request, timeoutMs);
  }

  compileParams(request: CompileParamsRequest, timeoutMs?: number): Promise<CompileParamsResponse> {
    return this.request('bicep/compileParams', request, timeoutMs);
  }

  getFileReferences(request: GetFileReferencesRequest, timeoutMs?: number): Promise<GetFileReferencesResponse> {
    return this.request('bicep/getFileReferences', request, timeoutMs);
  }

  getDeploymentGraph(request: GetDeploymentGraphRequest, timeoutMs?: number): Promise<GetDeploymentGraphResponse> {
    return this.request('bicep/getDeploymentGraph', request, timeoutMs);
  }

  /**
   * Ends the process with SIGKILL and resolves once it has exited. A server keeps nothing to save
   * (an answer is complete when sent), and .NET's orderly exit on SIGTERM made every run wait about
   * 10 ms longer; a hung server may ignore SIGTERM anyway.
   */
  async close(): Promise<void> {
    this.connection.dispose();
    this.child.stdin?.end();
    if (!this.running()) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }

  private running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  private async request<Response>(method: string, params: object, timeoutMs = this.timeoutMs): Promise<Response> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(this.failure(`the Bicep CLI did not answer ${method} within ${timeoutMs} ms`, undefined, BicepTimeoutError)),
        timeoutMs,
      );
    });
    try {
      // An async wrapper turns a synchronous throw (a connection already closed) into a rejection.
      const answer = (async () => this.connection.sendRequest<Response>(method, params))().catch((error: unknown) =>
        this.explain(method, error),
      );
      // When the race is settled by `broken` or the timeout, a later rejection of `answer` is expected.
      answer.catch(() => undefined);
      const response = await Promise.race([answer, this.broken, timeout]);
      this.requestCount += 1;
      return response;
    } finally {
      clearTimeout(timer);
    }
  }

  /** A failed request usually means the process ended; its exit says more than the connection's error. */
  private async explain(method: string, error: unknown): Promise<never> {
    const ended = await Promise.race([
      this.broken.catch((reason: unknown) => reason),
      new Promise((resolve) => setTimeout(resolve, EXIT_GRACE_MS)),
    ]);
    throw ended instanceof BicepCliError ? ended : this.failure(`the Bicep CLI rejected ${method}`, error);
  }

  private failure(message: string, cause?: unknown, kind: typeof BicepCliError = BicepCliError): BicepCliError {
    const detail = cause instanceof Error ? `: ${cause.message}` : '';
    return new kind(`${message}${detail}`, this.command, this.exit, excerpt(this.stderr), {
      cause,
    });
  }
}
