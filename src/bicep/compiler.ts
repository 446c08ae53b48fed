import { compileWithBuildCommand } from './build-command';
import { toDiagnosticLevel, type BicepCompiler, type CompileOutput } from './compile-output';
import { BicepJsonRpcClient } from './jsonrpc-client';
import type { RpcDiagnostic } from './protocol';
import { CompilerPool } from './compiler-pool';
import { ReferenceMemo } from './reference-memo';
import { SymbolicMirror } from './symbolic-mirror';
import { removeTempDir } from './temp-dirs';
import { readBicepVersion, supportsJsonRpc } from './version';

export interface CompilerOptions {
  /** Never fetch `br:`/`ts:` modules from registries; only `bicep build --no-restore` promises that. */
  noRestore: boolean;
  /** Longest wait for one answer of the CLI. */
  timeoutMs: number;
  /** At most this many CLI processes at once. */
  jobs: number;
}

function isSymbolicNameTemplate(template: string | undefined): boolean {
  if (template === undefined) return false;
  return (JSON.parse(template) as { languageVersion?: unknown }).languageVersion === '2.0';
}

function toOutput(
  file: string,
  answer: { success: boolean; diagnostics: RpcDiagnostic[] },
  template: string | null | undefined,
  parameters: string | null | undefined,
  toOriginal: (p: string) => string,
): CompileOutput {
  return {
    file,
    success: answer.success,
    diagnostics: answer.diagnostics.map((d) => ({
      file: toOriginal(d.source),
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

class JsonRpcCompiler implements BicepCompiler {
  readonly mode = 'jsonrpc';

  constructor(
    readonly cliPath: string,
    readonly version: string,
    readonly client: BicepJsonRpcClient,
    private readonly references: ReferenceMemo,
  ) {}

  async compile(file: string): Promise<CompileOutput> {
    const first = await this.compileAt(file, file, (p) => p);
    if (!first.success || isSymbolicNameTemplate(first.template)) return first;
    // The user's config does not ask for symbolic names: compile a mirror that does.
    const mirror = new SymbolicMirror(await this.fileReferences(file));
    try {
      return await this.compileAt(file, mirror.toMirror(file), (p) => mirror.toOriginal(p));
    } finally {
      removeTempDir(mirror.root);
    }
  }

  fileReferences(file: string): Promise<readonly string[]> {
    return this.references.ask(file, () => this.client.getFileReferences({ path: file }).then((r) => r.filePaths));
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async compileAt(file: string, compiledPath: string, toOriginal: (p: string) => string): Promise<CompileOutput> {
    if (file.endsWith('.bicepparam')) {
      const answer = await this.client.compileParams({ path: compiledPath, parameterOverrides: {} });
      return toOutput(file, answer, answer.template, answer.parameters, toOriginal);
    }
    const answer = await this.client.compile({ path: compiledPath });
    return toOutput(file, answer, answer.contents, undefined, toOriginal);
  }
}

class BuildCommandCompiler implements BicepCompiler {
  readonly mode = 'build';

  constructor(
    readonly cliPath: string,
    readonly version: string,
    private readonly options: CompilerOptions,
  ) {}

  compile(file: string): Promise<CompileOutput> {
    return compileWithBuildCommand(this.cliPath, file, this.options);
  }

  // `bicep build` does not report the files a compilation reads.
  async fileReferences(): Promise<readonly string[]> {
    return [];
  }

  async close(): Promise<void> {}
}

/** Checks the CLI's version once and returns the pool of processes that serves the whole run. */
export async function startBicepCompiler(cliPath: string, options: CompilerOptions): Promise<CompilerPool> {
  const version = await readBicepVersion(cliPath, options.timeoutMs);
  // The JSON-RPC server restores modules as it needs them and has no switch to stop it.
  const references = new ReferenceMemo();
  if (options.noRestore || !supportsJsonRpc(version)) {
    return new CompilerPool(cliPath, version.text, 'build', options.jobs, references, () => new BuildCommandCompiler(cliPath, version.text, options));
  }
  const startServer = () => new JsonRpcCompiler(cliPath, version.text, BicepJsonRpcClient.start(cliPath, options.timeoutMs), references);
  return new CompilerPool(cliPath, version.text, 'jsonrpc', options.jobs, references, startServer);
}
