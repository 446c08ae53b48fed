import type { Range } from '../positions';

export type { Position, Range } from '../positions';

export type BicepDiagnosticLevel = 'error' | 'warning' | 'info';

/** A diagnostic of the Bicep compiler, on the user's own file path. */
export interface BicepDiagnostic {
  file: string;
  range: Range;
  level: BicepDiagnosticLevel;
  code: string;
  message: string;
}

/** What compiling one entry file (`.bicep` or `.bicepparam`) produced. */
export interface CompileOutput {
  file: string;
  success: boolean;
  diagnostics: BicepDiagnostic[];
  /** The ARM template JSON text, when the compile succeeded. */
  template?: string;
  /** The ARM parameters JSON text of a `.bicepparam` entry. */
  parameters?: string;
  /** Every file the compile read (modules, loaded and imported files, configs), and those it looked for in vain. */
  filesRead: string[];
  /**
   * By Bicep file of the compile: its `resource` and `module` declarations as the compiler ranges
   * them (bicep/getDeploymentGraph), for placing findings where the source grammar cannot parse.
   */
  declarations?: Record<string, CompiledDeclaration[]>;
}

/** A `resource` or `module` declaration of a Bicep file, as the compiler ranges it. */
export interface CompiledDeclaration {
  symbol: string;
  range: Range;
  /** A module's path, as written. */
  modulePath?: string;
}

/** One Bicep CLI serving a whole run; `close` ends its process. */
export interface BicepCompiler {
  readonly cliPath: string;
  readonly version: string;
  /** How it compiles; `cache` when every file so far came from the compile cache. */
  readonly mode: 'jsonrpc' | 'build' | 'cache';
  /** Told the files it will be asked to compile, it starts what they need while other work goes on. */
  prepare(files: readonly string[]): void;
  /** Told that no file beyond those prepared will be compiled, it ends its processes once the last is. */
  allPrepared(): void;
  compile(file: string): Promise<CompileOutput>;
  /** The files a compile of `file` reads, as `compile` would record them (its local modules among them). */
  filesRead(file: string): Promise<string[]>;
  close(): Promise<void>;
}

// Bicep ends some diagnostic messages with their docs link: ` [https://aka.ms/bicep/…]`.
const TRAILING_LINK = /\s*\[(https:\/\/[^\]\s]+)\]\s*$/;

/** A diagnostic's message without the docs link it may end with, and that link. */
export function splitDocsLink(message: string): { text: string; link?: string } {
  const match = TRAILING_LINK.exec(message);
  return match ? { text: message.slice(0, match.index), link: match[1]! } : { text: message };
}

export function toDiagnosticLevel(level: string): BicepDiagnosticLevel {
  switch (level.toLowerCase()) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    default:
      return 'info';
  }
}
