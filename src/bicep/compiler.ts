import { compileWithBuildCommand } from './build-command';
import { BicepCliError, rewriteCliError } from './errors';
import { toDiagnosticLevel, type BicepCompiler, type CompileOutput } from './compile-output';
import { BicepJsonRpcClient } from './jsonrpc-client';
import type { RpcDiagnostic } from './protocol';
import { CompilerPool } from './compiler-pool';
import { ReferenceMemo } from './reference-memo';
import { SymbolicMirror } from './symbolic-mirror';
import { removeTempDir } from './temp-dirs';
import { localFilesRead, registryModules } from '../discover/local-files';
import { readBicepVersion, supportsJsonRpc } from './version';

export interface CompilerOptions {
  /** Never fetch `br:`/`ts:` modules from registries; only `bicep build --no-restore` promises that. */
  noRestore: boolean;
  /** Longest wait for one answer of the CLI. */
  timeoutMs: number;
  /** Longest wait for a file that fetches `br:`/`ts:` modules; at most `timeoutMs`. */
  restoreTimeoutMs: number;
  /** At most this many CLI processes at once. */
  jobs: number;
}

function toOutput(
  file: string,
  answer: { success: boolean; diagnostics: RpcDiagnostic[] },
  template: string | null | undefined,
  parameters: string | null | undefined,
): CompileOutput {
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

/**
 * Compiles the entry inside a symbolic-name mirror of the files it reads, so that the entry and
 * every module come out in symbolic-name form whatever the user's config says, and reports the
 * diagnostics on the user's own paths.
 */
async function compileInMirror(
  file: string,
  references: readonly string[],
  compileAt: (mirrored: string) => Promise<CompileOutput>,
): Promise<CompileOutput> {
  const mirror = new SymbolicMirror(references);
  try {
    const output = await compileAt(mirror.toMirror(file)).catch((error: unknown) => {
      // The command is shown as it would run on the user's files: the mirror is gone by then.
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
    };
  } finally {
    removeTempDir(mirror.root);
  }
}

/** The files the CLI says a compile reads, with the local ones it leaves out (JSON modules, `using` JSON). */
async function filesRead(file: string, fromCli: Promise<readonly string[]>): Promise<readonly string[]> {
  return [...new Set([...(await fromCli), ...(await localFilesRead(file))])];
}

class JsonRpcCompiler implements BicepCompiler {
  readonly mode = 'jsonrpc';

  constructor(
    readonly cliPath: string,
    readonly version: string,
    readonly client: BicepJsonRpcClient,
    private readonly references: ReferenceMemo,
    private readonly restoreTimeoutMs: number,
    /** Whether each file fetches registry modules, worked out once per run for every process of the pool. */
    private readonly fetching: Map<string, Promise<boolean>>,
  ) {}

  async compile(file: string): Promise<CompileOutput> {
    const references = await this.fileReferences(file);
    const timeoutMs = await this.timeoutFor(file);
    return compileInMirror(file, references, async (mirrored) => {
      if (file.endsWith('.bicepparam')) {
        const answer = await this.client.compileParams({ path: mirrored, parameterOverrides: {} }, timeoutMs);
        return toOutput(file, answer, answer.template, answer.parameters);
      }
      const answer = await this.client.compile({ path: mirrored }, timeoutMs);
      return toOutput(file, answer, answer.contents, undefined);
    });
  }

  fileReferences(file: string): Promise<readonly string[]> {
    return this.references.ask(file, async () => {
      const fromCli = this.client.getFileReferences({ path: file }, await this.timeoutFor(file)).then((r) => r.filePaths);
      return filesRead(file, fromCli);
    });
  }

  /** The server fetches `br:`/`ts:` modules as it compiles, retrying for minutes: such files get the shorter wait. */
  private async timeoutFor(file: string): Promise<number | undefined> {
    let fetches = this.fetching.get(file);
    if (!fetches) this.fetching.set(file, (fetches = registryModules(file).then((modules) => modules.length > 0)));
    return (await fetches) ? this.restoreTimeoutMs : undefined;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

class BuildCommandCompiler implements BicepCompiler {
  readonly mode = 'build';

  constructor(
    readonly cliPath: string,
    readonly version: string,
    private readonly options: CompilerOptions,
    private readonly references: ReferenceMemo,
  ) {}

  async compile(file: string): Promise<CompileOutput> {
    return compileInMirror(file, await this.fileReferences(file), (mirrored) => compileWithBuildCommand(this.cliPath, mirrored, this.options));
  }

  // `bicep build` does not report the files a compilation reads: they are found by parsing.
  fileReferences(file: string): Promise<readonly string[]> {
    return this.references.ask(file, () => filesRead(file, Promise.resolve([])));
  }

  async close(): Promise<void> {}
}

/** Checks the CLI's version once and returns the pool of processes that serves the whole run. */
export async function startBicepCompiler(cliPath: string, options: CompilerOptions): Promise<CompilerPool> {
  const version = await readBicepVersion(cliPath, options.timeoutMs);
  // The JSON-RPC server restores modules as it needs them and has no switch to stop it.
  const references = new ReferenceMemo();
  if (options.noRestore || !supportsJsonRpc(version)) {
    return new CompilerPool(cliPath, version.text, 'build', options.jobs, references, () => new BuildCommandCompiler(cliPath, version.text, options, references));
  }
  const fetching = new Map<string, Promise<boolean>>();
  const startServer = () =>
    new JsonRpcCompiler(cliPath, version.text, BicepJsonRpcClient.start(cliPath, options.timeoutMs), references, options.restoreTimeoutMs, fetching);
  return new CompilerPool(cliPath, version.text, 'jsonrpc', options.jobs, references, startServer);
}
