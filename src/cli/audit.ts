import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze, type Analysis, type AnalyzeOptions } from '../analyze/analyze';
import { applyConfigSuppressions } from '../analyze/config-suppressions';
import { DEFAULT_BASELINE_FILE, BaselineError } from '../baseline/baseline-file';
import { settleBaseline, type BaselineRequest } from '../baseline/run-baseline';
import { cacheFolder } from '../bicep/cli-version-record';
import { BicepCliError, BicepFlagError, BicepNotFoundError } from '../bicep/errors';
import { CONFIG_FILE, ConfigError, ConfigResolver } from '../config/load-config';
import { findRepositoryRoot } from '../discover/repository-root';
import { mapStrings, type ProofSandbox } from '../fix/proof-sandbox';
import { runFixes } from '../fix/run-fixes';
import { undeclaredParameter } from './param-names';
import { packageJson } from '../package-info';
import { formatAzurePipelines } from '../report/azure-pipelines';
import { colorWanted } from '../report/colors';
import { formatCompact } from '../report/compact';
import { formatGithub } from '../report/github';
import { formatGitlab } from '../report/gitlab';
import { formatJson } from '../report/json';
import { formatJunit } from '../report/junit';
import { reportedRules, type ReportContext } from '../report/report-context';
import { writeFileAtomic } from '../files/write-atomic';
import { formatSarif } from '../report/sarif';
import { formatStylish } from '../report/stylish';
import type { InputResult } from '../rules/finding';
import { RULES } from '../rules/index';
import type { Value } from '../template/expressions/value';
import { parseParameterOverride, ParameterFileError, readParameterValues } from '../template/parameter-file';
import { JsonSyntaxError } from '../template/parse-json';
import type { CliArgs, Format } from './args';
import { EXIT, exitCodeFor } from './exit-codes';
import type { PrestartedServer } from '../bicep/server-process';
import { progressLine } from './progress';

export interface Writable {
  write(text: string): unknown;
  isTTY?: boolean;
  /** A terminal's width. */
  columns?: number;
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
  compact: formatCompact,
  gitlab: formatGitlab,
  'azure-pipelines': formatAzurePipelines,
  junit: formatJunit,
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

/** BICEP_AUDIT_FILES_PER_SERVER: a smaller budget of files per Bicep server than the pool's own, for tests of the replacing. */
function filesPerServer(env: Record<string, string | undefined>): { filesPerServer?: number } {
  const budget = Number(env.BICEP_AUDIT_FILES_PER_SERVER);
  return Number.isInteger(budget) && budget > 0 ? { filesPerServer: budget } : {};
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

/**
 * `--baseline` and `--write-baseline` take an optional file, so `--write-baseline infra` reads as
 * the file `infra`: a value that is a folder or a Bicep file is an input to audit instead.
 */
function takeInputsFromBaselineOptions(args: CliArgs, cwd: string): CliArgs {
  const isInput = (value: string | undefined) =>
    value !== undefined && value !== '' && (/\.(bicep|bicepparam)$/i.test(value) || fs.statSync(path.resolve(cwd, value), { throwIfNoEntry: false })?.isDirectory() === true);
  const moved = [args.baseline, args.writeBaseline].filter(isInput) as string[];
  if (moved.length === 0) return args;
  return {
    ...args,
    paths: [...args.paths, ...moved],
    ...(isInput(args.baseline) ? { baseline: '' } : {}),
    ...(isInput(args.writeBaseline) ? { writeBaseline: '' } : {}),
  };
}

/** The baseline the run compares with, writes or prunes: the file named, else the config's, else the default at the repository root. */
function baselineRequest(args: CliArgs, config: ConfigResolver, cwd: string, repoRoot: string): BaselineRequest | undefined {
  const named = args.writeBaseline ?? args.baseline;
  const configured = asUsageError(() => config.configFor(path.join(cwd, CONFIG_FILE)).baseline, ConfigError);
  if (named === undefined && !args.pruneBaseline && configured === undefined) return undefined;
  const file = named ? path.resolve(cwd, named) : (configured ?? path.join(repoRoot, DEFAULT_BASELINE_FILE));
  return { file, mode: args.writeBaseline !== undefined ? 'write' : args.pruneBaseline ? 'prune' : 'compare' };
}

/** The run's options for the copies of its files in a sandbox: same paths below it, same config, nothing cached. */
function inSandbox(options: AnalyzeOptions, sandbox: ProofSandbox, cwd: string): AnalyzeOptions {
  const { cacheFolder: _cache, prestarted: _started, config, ...rest } = options;
  const user = (file: string) => sandbox.outside(file);
  return {
    ...rest,
    paths: options.paths.map((p) => sandbox.inside(path.resolve(cwd, p))),
    cwd: sandbox.inside(cwd),
    ...(config ? { config: { configFor: (file) => config.configFor(user(file)), isExcluded: (file) => config.isExcluded(user(file)) } } : {}),
  };
}

/** Analyses the inputs the arguments name and prepares what every report needs. */
export async function runAudit(given: CliArgs, run: RunEnvironment): Promise<AuditRun> {
  const args = takeInputsFromBaselineOptions(given, run.cwd);
  if (args.paths.length === 0) throw new UsageError('no inputs: name .bicep, .bicepparam or ARM .json files, or folders');
  const config = asUsageError(() => new ConfigResolver({ cwd: run.cwd, ...(args.config ? { explicit: args.config } : {}) }), ConfigError);
  const progress = progressLine(run.stderr, run.cwd, run.env);
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
    ...filesPerServer(run.env),
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
  // A shard sees only its own entries: another shard's may declare the name.
  const undeclared = args.shard ? undefined : undeclaredParameter(options.parameters.keys(), analysis.results);
  if (undeclared) throw new UsageError(undeclared);
  const fixes = await runFixes(suppress(analysis.results), {
    mode: args.fix ?? 'plan',
    suggestions: args.suggestions,
    cwd: run.cwd,
    preferences: (file) => config.configFor(file).fix,
    reanalyze: async () => suppress((await analyze(options)).results),
    reanalyzeIn: async (sandbox) => suppress(mapStrings((await analyze(inSandbox(options, sandbox, run.cwd))).results, (text) => sandbox.outside(text))),
  });
  const repoRoot = findRepositoryRoot(run.cwd) ?? run.cwd;
  const baseline = baselineRequest(args, config, run.cwd, repoRoot);
  const settled = baseline
    ? asUsageError(() => settleBaseline(fixes.results, baseline, (file, text) => writeRequestedFile(file, text, 'the baseline')), BaselineError)
    : undefined;
  analysis = { ...analysis, results: settled?.results ?? fixes.results };
  const code = exitCodeFor(analysis.results, args.failOn);
  const context: ReportContext = {
    cwd: run.cwd,
    repoRoot,
    toolVersion: packageJson().version,
    ...(analysis.bicep ? { bicepVersion: analysis.bicep.version } : {}),
    rules: reportedRules([...RULES, ...analysis.results.flatMap((r) => config.configFor(r.file).declaredRules)]),
    sourceText: sourceReader(),
    color: colorWanted(args.output === undefined && run.stdout.isTTY, run.env),
    ...(args.shard ? { shard: args.shard } : {}),
    fixes: { requested: args.fix !== undefined, ...(fixes.outcomes ? { outcomes: fixes.outcomes } : {}) },
    ...(settled ? { baseline: settled.outcome } : {}),
    failOn: args.failOn,
    exitCode: code,
    ...(run.env.BUILD_SOURCESDIRECTORY ? { sourcesDirectory: path.resolve(run.cwd, run.env.BUILD_SOURCESDIRECTORY) } : {}),
  };
  return { analysis, context, code, ...(fixes.diff === undefined ? {} : { fixDiff: fixes.diff }) };
}
