import os from 'node:os';
import { compileWithBuildCommand } from './build-command';
import { BicepCliError, BicepTimeoutError, rewriteCliError } from './errors';
import { toDiagnosticLevel, type CompiledDeclaration, type CompileOutput } from './compile-output';
import { BicepJsonRpcClient } from './jsonrpc-client';
import type { RpcDiagnostic } from './protocol';
import { BYTES_FOR_SERVERS, COMPILES_PER_SERVER, CompilerPool, FILES_PER_EXTRA_SERVER, FILES_PER_SERVER_LIFE, type IdentifyCli, type PoolKind, type PoolWorker } from './compiler-pool';
import { filesTheCompileReads } from './files-read';
import { SymbolicMirror } from './symbolic-mirror';
import { filesReadByParsing, localFilesRead, registryModules } from '../discover/local-files';
import { readBicepVersion, supportsJsonRpc } from './version';
import type { PrestartedServer } from './server-process';

export interface CompilerOptions {
  /** Never fetch `br:`/`ts:` modules from registries; only `bicep build --no-restore` promises that. */
  noRestore: boolean;
  /** Longest wait for one answer of the CLI. */
  timeoutMs: number;
  /** Longest wait for a file that fetches `br:`/`ts:` modules; at most `timeoutMs`. */
  restoreTimeoutMs: number;
  /** At most this many CLI processes at once (Bicep servers: one less than the cores, at least one). */
  jobs: number;
  /** The CLI's version when it is already known (remembered for this binary): `bicep build` then needs no `--version` process. */
  knownVersion?: string;
  /** A server already started for a CLI: the first server, if it runs this one. */
  prestarted?: PrestartedServer;
  /** Files a server compiles before another takes its place (FILES_PER_SERVER_LIFE unless given; tests give fewer). */
  filesPerServer?: number;
}

function toOutput(
  file: string,
  answer: { success: boolean; diagnostics: RpcDiagnostic[] },
  template: string | null | undefined,
  parameters: string | null | undefined,
): Omit<CompileOutput, 'filesRead'> {
  return {
    file,
    success: answer.success,
    diagnostics: answer.diagnostics.map((d) => ({
      file: d.source,
      range: {
        start: { line: d.range.start.line, character: d.range.start.char },
        end: { line: d.range.end.line, character: d.range.end.char },
      },
      level: toDiagnosticLevel(d.level),
      code: d.code,
      message: d.message,
    })),
    ...(template ? { template } : {}),
    ...(parameters ? { parameters } : {}),
  };
}

type CompileAt = (mirrored: string) => Promise<Omit<CompileOutput, 'filesRead'>>;

/**
 * Compiles the entry inside the run's symbolic-name mirror of the files it reads, so that the
 * entry and every module come out in symbolic-name form whatever the user's config says, and
 * reports the diagnostics on the user's own paths.
 */
async function compileInMirror(mirror: SymbolicMirror, file: string, filesRead: readonly string[], compileAt: CompileAt): Promise<CompileOutput> {
  mirror.add(filesRead);
  const output = await compileAt(mirror.toMirror(file)).catch((error: unknown) => {
    // The command is shown as it would run on the user's files: the mirror is gone by the time it is read.
    throw error instanceof BicepCliError ? rewriteCliError(error, (text) => mirror.toOriginalText(text)) : error;
  });
  return {
    ...output,
    file,
    diagnostics: output.diagnostics.map((d) => {
      const original = mirror.toOriginal(d.file);
      const level = d.level === 'warning' && mirror.wasLowered(original, d.code) ? 'error' : d.level;
      return { ...d, file: original, level, message: mirror.toOriginalText(d.message) };
    }),
    filesRead: [...filesRead],
  };
}

/** The files each entry's compile reads, found by parsing once per run (`bicep build` cannot say). */
type FilesOf<T = string[]> = (file: string) => Promise<T>;

function once<T>(find: (file: string) => Promise<T>): FilesOf<T> {
  const known = new Map<string, Promise<T>>();
  return (file) => {
    if (!known.has(file)) known.set(file, find(file));
    return known.get(file)!;
  };
}

/** What the server said a file's compile reads, with the paths its source names. */
interface FilesAsked {
  files: string[];
  declarations: Record<string, CompiledDeclaration[]>;
}

/** One `bicep jsonrpc --stdio` process of the pool. */
class JsonRpcCompiler implements PoolWorker {
  constructor(
    readonly client: BicepJsonRpcClient,
    private readonly mirror: SymbolicMirror,
    private readonly filesOf: FilesOf,
    private readonly restoreTimeoutMs: number,
    /** Whether each file fetches registry modules, worked out once per run for every process of the pool. */
    private readonly fetching: Map<string, Promise<boolean>>,
    /** The files each file's compile reads, asked once per run of any process of the pool. */
    private readonly filesAsked: Map<string, Promise<FilesAsked>>,
    /** The files each file's compile reads where parsing tells them all, parsed once per run. */
    private readonly parsedFiles: FilesOf<string[] | undefined>,
  ) {}

  /**
   * The files the compile reads are known first, so that each is in the mirror before the
   * mirrored file is compiled: a server remembers a file it once found missing. Parsing tells them
   * where every path is a plain local string; else the server is asked, and the paths the source
   * names are added: the server leaves out a module file that does not exist, whose appearing must
   * change the compile.
   */
  async compile(file: string): Promise<CompileOutput> {
    const { files, declarations } = await this.asked(file);
    // Its modules are in the cache by now: the compile gets the usual wait.
    return { ...(await compileInMirror(this.mirror, file, files, (mirrored) => this.compileAt(file, mirrored))), declarations };
  }

  async filesRead(file: string): Promise<string[]> {
    return (await this.asked(file)).files;
  }

  /** Asked once per run and file, by whichever server comes first; asked again after a failure. */
  private asked(file: string): Promise<FilesAsked> {
    let asked = this.filesAsked.get(file);
    if (!asked) {
      asked = this.askFiles(file);
      this.filesAsked.set(file, asked);
      asked.catch(() => this.filesAsked.delete(file));
    }
    return asked;
  }

  private async askFiles(file: string): Promise<FilesAsked> {
    const parsed = await this.parsedFiles(file);
    if (parsed) return { files: parsed, declarations: {} };
    const fetchTimeoutMs = (await this.fetches(file)) ? this.restoreTimeoutMs : undefined;
    const { files, declarations } = await filesTheCompileReads(this.client, file, fetchTimeoutMs);
    return { files: [...new Set([...files, ...(await this.filesOf(file))])], declarations };
  }

  private async compileAt(file: string, mirrored: string): Promise<Omit<CompileOutput, 'filesRead'>> {
    if (file.endsWith('.bicepparam')) {
      const answer = await this.client.compileParams({ path: mirrored, parameterOverrides: {} });
      return toOutput(file, answer, answer.template, answer.parameters);
    }
    const answer = await this.client.compile({ path: mirrored });
    return toOutput(file, answer, answer.contents, undefined);
  }

  /** The server fetches `br:`/`ts:` modules as it compiles, retrying for minutes: such files get the shorter wait. */
  private fetches(file: string): Promise<boolean> {
    let fetches = this.fetching.get(file);
    if (!fetches) this.fetching.set(file, (fetches = registryModules(file).then((modules) => modules.length > 0)));
    return fetches;
  }

  residentBytes(): number | undefined {
    return this.client.residentBytes();
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

/** One `bicep build` process per file: `bicep build` does not report the files it reads, so they are found by parsing. */
class BuildCommandCompiler implements PoolWorker {
  constructor(
    private readonly cliPath: string,
    private readonly mirror: SymbolicMirror,
    private readonly filesOf: FilesOf,
    private readonly options: CompilerOptions,
  ) {}

  async compile(file: string): Promise<CompileOutput> {
    return compileInMirror(this.mirror, file, await this.filesOf(file), (mirrored) => compileWithBuildCommand(this.cliPath, mirrored, this.options));
  }

  filesRead(file: string): Promise<string[]> {
    return this.filesOf(file);
  }

  async close(): Promise<void> {}
}

/**
 * The pool of processes that serves the whole run. No process starts here: the first one the pool
 * starts is asked its version over JSON-RPC (a `bicep --version` process costs as much as a server).
 * A CLI too old for the server, whose first process fails, falls back to `bicep build`; so does
 * `--no-restore`, whose version is read once unless it is known.
 */
export function startBicepCompiler(cliPath: string, options: CompilerOptions): CompilerPool {
  const mirror = new SymbolicMirror();
  const filesOf = once(localFilesRead);
  // Where parsing tells every file, no server is asked: it would spend about half a compile on it.
  const parsedFiles = once(filesReadByParsing);
  const beforeCompile = async (file: string) => mirror.add(await filesOf(file));
  // `bicep build` starts a process per file anyway: as many at once as the jobs.
  const build: PoolKind = {
    mode: 'build',
    startWorker: () => new BuildCommandCompiler(cliPath, mirror, filesOf, options),
    beforeCompile,
    maxWorkers: options.jobs,
    filesPerExtraWorker: 0,
    compilesPerWorker: 1,
    filesPerWorkerLife: Infinity,
  };
  const removeMirror = () => mirror.remove();
  if (options.noRestore) {
    const version = options.knownVersion ?? readBicepVersion(cliPath, options.timeoutMs).then((v) => v.text);
    return new CompilerPool(cliPath, build, () => Promise.resolve(version), removeMirror);
  }
  const fetching = new Map<string, Promise<boolean>>();
  const filesAsked = new Map<string, Promise<FilesAsked>>();
  const startServer = () => new JsonRpcCompiler(BicepJsonRpcClient.start(cliPath, options.timeoutMs, options.prestarted?.take(cliPath)), mirror, filesOf, options.restoreTimeoutMs, fetching, filesAsked, parsedFiles);
  const identify: IdentifyCli = async (first, switchTo) => {
    try {
      return (await (first as JsonRpcCompiler).client.version()).version;
    } catch (error) {
      if (!(error instanceof BicepCliError)) throw error;
      // Why did the server fail? A CLI that cannot say its version is reported as such.
      const printed = await readBicepVersion(cliPath, options.timeoutMs);
      // A server that cannot say its version fails the run, not one file: no longer a file's timeout.
      if (supportsJsonRpc(printed)) throw error instanceof BicepTimeoutError ? new BicepCliError(error.summary, error.command, error.exit, error.outputExcerpt, { cause: error }) : error;
      await switchTo(build);
      return printed.text;
    }
  };
  // bicep-audit itself keeps one core busy: on two cores, a second server slows the run down.
  const maxServers = Math.max(1, Math.min(options.jobs, os.availableParallelism() - 1));
  const servers: PoolKind = {
    mode: 'jsonrpc',
    startWorker: startServer,
    filesReadWithoutWorker: parsedFiles,
    beforeCompile,
    maxWorkers: maxServers,
    filesPerExtraWorker: FILES_PER_EXTRA_SERVER,
    compilesPerWorker: COMPILES_PER_SERVER,
    filesPerWorkerLife: options.filesPerServer ?? FILES_PER_SERVER_LIFE,
    bytesPerWorker: BYTES_FOR_SERVERS / maxServers,
  };
  return new CompilerPool(cliPath, servers, identify, removeMirror);
}
