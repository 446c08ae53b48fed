import { WHAT_TO_DO_WITHOUT_CLI } from './provisioned-cli';

/** The Bicep CLI could not be found anywhere the tool looks. */
export class BicepNotFoundError extends Error {
  constructor(readonly searched: readonly string[]) {
    super(`no Bicep CLI found; looked in ${searched.join(', ')}. To audit Bicep files, ${WHAT_TO_DO_WITHOUT_CLI}.`);
    this.name = 'BicepNotFoundError';
  }
}

/** `--bicep` names no executable file: the user's to fix (a usage error). */
export class BicepFlagError extends Error {
  constructor(
    readonly resolvedPath: string,
    reason: string,
  ) {
    super(`--bicep ${resolvedPath}: ${reason}; give the path of a Bicep CLI executable`);
    this.name = 'BicepFlagError';
  }
}

/** The Bicep CLI was found but failed: it crashed, hung, or printed something unreadable. */
export class BicepCliError extends Error {
  constructor(
    /** What failed, without the command and output lines. */
    readonly summary: string,
    readonly command: string,
    /** How the process ended: its exit code or the signal that killed it; undefined while it runs. */
    readonly exit: number | NodeJS.Signals | undefined,
    readonly outputExcerpt: string,
    options?: { cause?: unknown },
  ) {
    super(
      `${summary}\n  command: ${command}` +
        (exit === undefined ? '' : typeof exit === 'number' ? `\n  exit code: ${exit}` : `\n  signal: ${exit}`) +
        (outputExcerpt ? `\n  output: ${outputExcerpt}` : ''),
      options,
    );
    this.name = 'BicepCliError';
  }
}

const EXCERPT_LIMIT = 600;

/** The same failure with its texts rewritten, e.g. temp paths turned back into the user's. */
export function rewriteCliError(error: BicepCliError, rewrite: (text: string) => string): BicepCliError {
  const Kind = error.constructor as typeof BicepCliError;
  return new Kind(rewrite(error.summary), rewrite(error.command), error.exit, rewrite(error.outputExcerpt), { cause: error.cause });
}

/** The last part of what a process printed, short enough for an error message. */
export function excerpt(text: string): string {
  const trimmed = text.trim();
  return trimmed.length <= EXCERPT_LIMIT ? trimmed : `…${trimmed.slice(-EXCERPT_LIMIT)}`;
}

/** The Bicep CLI took longer than the per-file timeout: its process is killed, the file is not analysed. */
export class BicepTimeoutError extends BicepCliError {}

/** The Bicep CLI failed on one file (its process crashed with the file in hand, on each try): that file is not analysed, the run goes on. */
export class BicepFileFailure extends BicepCliError {}
