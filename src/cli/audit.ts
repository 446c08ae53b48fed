import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze, type Analysis, type AnalyzeOptions } from '../analyze/analyze';
import { applyConfigSuppressions } from '../analyze/config-suppressions';
import { cacheFolder } from '../bicep/cli-version-record';
import { BicepCliError, BicepFlagError, BicepNotFoundError } from '../bicep/errors';
import { ConfigError, ConfigResolver } from '../config/load-config';
import { findRepositoryRoot } from '../discover/repository-root';
import { runFixes } from '../fix/run-fixes';
import { packageJson } from '../package-info';
import { colorWanted } from '../report/colors';
import { formatGithub } from '../report/github';
import { formatJson } from '../report/json';
import type { ReportContext } from '../report/report-context';
import { writeFileAtomic } from '../files/write-atomic';
import { formatSarif } from '../report/sarif';
import { formatStylish } from '../report/stylish';
import { reportedRules } from '../rules/docs';
import type { InputResult } from '../rules/finding';
import { RULES } from '../rules/index';
import type { Value } from '../template/expressions/value';
import { parseParameterOverride, ParameterFileError, readParameterValues } from '../template/parameter-file';
import { JsonSyntaxError } from '../template/parse-json';
import type { CliArgs, Format } from './args';
import { EXIT, exitCodeFor } from './exit-codes';
import type { PrestartedServer } from '../bicep/server-process';

export interface Writable {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** The process around a run: passed in so that tests and the Action can run it in-process. */
export interface RunEnvironment {
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: Writable;
  stderr: Writable;
  homeDir?: string;
  /** A Bicep server bin/bicep-audit.js started before this code loaded; ended when the run is done, unless taken. */
  prestarted?: PrestartedServer;
}

export interface AuditRun {
  analysis: Analysis;
  context: ReportContext;
  code: number;
  /** With --fix-dry-run: the unified diff of what --fix would write. */
  fixDiff?: string;
}

/** A mistake in how the tool was called: exit 2. */
export class UsageError extends Error {}

export const REPORTERS: Record<Format, (results: readonly InputResult[], context: ReportContext) => string> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

/** Runs `body` and turns what it throws into a message on stderr and an exit code. */
export async function withExitCodes(stderr: Writable, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError || error instanceof BicepFlagError) {
      stderr.write(`bicep-audit: ${error.message}\n`);
      return EXIT.usageOrInput;
    }
    if (error instanceof BicepNotFoundError || error instanceof BicepCliError) {
      stderr.write(`bicep-audit: ${error.message}\n`);
      return EXIT.environment;
    }
    stderr.write(`bicep-audit: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.environment;
  }
}

const WRITE_FAILURES: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'its folder does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  EROFS: 'the file system is read-only',
};

/** Writes a file the user asked for; failing to is theirs to fix (exit 2), and leaves any old file as it was. */
export function writeRequestedFile(file: string, text: string, what: string): void {
  try {
    writeFileAtomic(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new UsageError(`cannot write ${what} ${file}: ${WRITE_FAILURES[code] ?? (error as Error).message}`);
  }
}

/** Appends to a file GitHub Actions reads after the step: the job summary or the step's outputs. */
export function appendToGithubFile(variable: 'GITHUB_STEP_SUMMARY' | 'GITHUB_OUTPUT', file: string, text: string): void {
  try {
    fs.appendFileSync(file, text);
  } catch (error) {
    throw new UsageError(`cannot append to ${variable} ${file}: ${(error as Error).message}`);
  }
}

function asUsageError<T>(body: () => T, ...kinds: (new (...args: never[]) => Error)[]): T {
  try {
    return body();
  } catch (error) {
    if (kinds.some((kind) => error instanceof kind)) throw new UsageError((error as Error).message);
    throw error;
  }
}

/** The values of a `--parameters` file, for ARM template inputs. */
function armParameterValues(args: CliArgs, cwd: string): Map<string, Value> {
  const values = new Map<string, Value>();
  if (args.parameters) {
    const file = path.resolve(cwd, args.parameters);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read --parameters ${file}: ${(error as Error).message}`);
    }
    const fromFile = asUsageError(() => readParameterValues(file, text), ParameterFileError, JsonSyntaxError);
    for (const [name, value] of fromFile) values.set(name, value);
  }
  return values;
}

/** The `--param` values; one that starts like JSON (`{`, `[`, `"`) must be JSON, as `az deployment` has it. */
function parameterValues(args: CliArgs): Map<string, Value> {
  const values = new Map<string, Value>();
  for (const override of args.param) {
    const [name, value] = asUsageError(() => parseParameterOverride(override), ParameterFileError);
    const raw = override.slice(override.indexOf('=') + 1);
    if (typeof value === 'string' && value === raw && /^\s*[[{"]/.test(raw)) {
      let reason = '';
      try {
        JSON.parse(raw);
      } catch (error) {
        reason = (error as Error).message;
      }
      throw new UsageError(`--param ${name}: the value starts like JSON but is not JSON (${reason}); fix it, or to pass text, write it as a JSON string`);
    }
    values.set(name, value);
  }
  return values;
}

/** Fails before any work when the folder the report goes to does not exist, rather than after the whole analysis. */
export function checkOutputFolder(file: string, what: string): void {
  if (!fs.existsSync(path.dirname(file)) || !fs.statSync(path.dirname(file)).isDirectory()) {
    throw new UsageError(`cannot write ${what} ${file}: its folder does not exist`);
  }
}

// A progress line helps only when a run takes a while and someone watches the terminal.
const PROGRESS_AFTER = 5;

function progressLine(stderr: Writable, cwd: string) {
  if (!stderr.isTTY) return { update: undefined, clear: () => undefined };
  let shown = false;
  return {
    update: (done: number, total: number, file: string) => {
      if (total <= PROGRESS_AFTER) return;
      shown = true;
      // By path: a repository has many a main.bicep.
      stderr.write(`\r\u001b[K[${done + 1}/${total}] ${path.relative(cwd, file)}`);
    },
    clear: () => shown && stderr.write('\r\u001b[K'),
  };
}

/** Reads source files once per run, for excerpts and fingerprints. */
function sourceReader(): (file: string) => string | undefined {
  const texts = new Map<string, string | undefined>();
  return (file) => {
    if (!texts.has(file)) {
      try {
        texts.set(file, fs.readFileSync(file, 'utf8'));
      } catch {
        texts.set(file, undefined);
      }
    }
    return texts.get(file);
  };
}

/** Analyses the inputs the arguments name and prepares what every report needs. */
export async function runAudit(args: CliArgs, run: RunEnvironment): Promise<AuditRun> {
  if (args.paths.length === 0) throw new UsageError('no inputs: name .bicep, .bicepparam or ARM .json files, or folders');
  const config = asUsageError(() => new ConfigResolver({ cwd: run.cwd, ...(args.config ? { explicit: args.config } : {}) }), ConfigError);
  const progress = progressLine(run.stderr, run.cwd);
  const options: AnalyzeOptions = {
    paths: args.paths,
    cwd: run.cwd,
    env: run.env,
    homeDir: run.homeDir ?? os.homedir(),
    ...(args.bicep === undefined ? {} : { bicepPath: args.bicep }),
    noRestore: !args.restore,
    parameters: parameterValues(args),
    armParameters: armParameterValues(args, run.cwd),
    deployment: args.deployment,
    timeoutMs: args.timeout * 1000,
    restoreTimeoutMs: args.restoreTimeout * 1000,
    jobs: args.jobs,
    ...(run.prestarted ? { prestarted: run.prestarted } : {}),
    ...(args.cache ? { cacheFolder: cacheFolder(run.cwd, run.env, run.homeDir ?? os.homedir()) } : {}),
    ...(args.shard ? { shard: args.shard } : {}),
    config: {
      configFor: (file) => asUsageError(() => config.configFor(file), ConfigError),
      isExcluded: (file) => asUsageError(() => config.isExcluded(file), ConfigError),
    },
  };
  const suppress = (results: Analysis['results']) => applyConfigSuppressions(results, (input, finding) => config.suppressionFor(input, finding));
  let analysis: Analysis;
  try {
    analysis = await analyze({ ...options, ...(progress.update ? { onProgress: progress.update } : {}) });
  } finally {
    progress.clear();
  }
  // A shard may hold none of the entries; a run with no entries at all was called wrong.
  if (analysis.results.length === 0 && !analysis.otherShards) {
    throw new UsageError(`no inputs found in ${args.paths.join(', ')} (looked for .bicep and .bicepparam files)`);
  }
  const fixes = await runFixes(suppress(analysis.results), {
    mode: args.fix ?? 'plan',
    suggestions: args.suggestions,
    cwd: run.cwd,
    preferences: (file) => config.configFor(file).fix,
    reanalyze: async () => suppress((await analyze(options)).results),
  });
  analysis = { ...analysis, results: fixes.results };
  const context: ReportContext = {
    cwd: run.cwd,
    repoRoot: findRepositoryRoot(run.cwd) ?? run.cwd,
    toolVersion: packageJson().version,
    ...(analysis.bicep ? { bicepVersion: analysis.bicep.version } : {}),
    rules: reportedRules(RULES),
    sourceText: sourceReader(),
    color: colorWanted(args.output === undefined && run.stdout.isTTY, run.env),
    ...(args.shard ? { shard: args.shard } : {}),
    fixes: { requested: args.fix !== undefined, ...(fixes.outcomes ? { outcomes: fixes.outcomes } : {}) },
  };
  return { analysis, context, code: exitCodeFor(analysis.results, args.failOn), ...(fixes.diff === undefined ? {} : { fixDiff: fixes.diff }) };
}
