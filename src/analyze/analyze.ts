import fs from 'node:fs';
import path from 'node:path';
import type { BicepCompiler } from '../bicep/compile-output';
import type { RuleSetting } from '../config/load-config';
import { BicepFileFailure, BicepNotFoundError, BicepTimeoutError } from '../bicep/errors';
import { startBicepCompiler } from '../bicep/compiler';
import { CachedCompiler } from '../bicep/cached-compiler';
import { COMPILES_PER_SERVER } from '../bicep/compiler-pool';
import { CompileCache } from '../bicep/compile-cache';
import { cliIdentity } from '../bicep/cli-version-record';
import { locateBicepCli } from '../bicep/locate-cli';
import type { PrestartedServer } from '../bicep/server-process';
import { discoverInputs, type DiscoveredInput } from '../discover/discover-inputs';
import { entryPoints } from '../discover/entry-points';
import { localFilesRead } from '../discover/local-files';

const isBicepFile = (file: string) => /\.bicep(param)?$/i.test(file);
import { findRepositoryRoot } from '../discover/repository-root';
import type { InputResult } from '../rules/finding';
import type { Rule } from '../rules/rule';
import type { Value } from '../template/expressions/value';
import type { DeploymentContext } from '../template/expand/deployment-scope';
import { analyzeArmTemplate } from './arm-input';
import { analyzeBicep } from './bicep-input';
import { brokenSource, outsideRepository, readError, unusableResult } from './input-checks';
import { mergeRepeatedFindings } from './merge-repeated';
import { inputFinding } from './problem-findings';
import { ResultCache, resultContext, toolIdentity } from './result-cache';
import { ShardFilter, type Shard } from './shard';
import { FILE_START } from '../locate/line-index';

export interface AnalyzeOptions {
  paths: readonly string[];
  cwd: string;
  env: Record<string, string | undefined>;
  homeDir: string;
  /** `--bicep`: the Bicep CLI to use. */
  bicepPath?: string;
  noRestore: boolean;
  /** Values for the entry templates' parameters (`--param`); they win over the config's and a .bicepparam file's. */
  parameters: ReadonlyMap<string, Value>;
  /** Values for ARM template inputs only (a `--parameters` file), as `az deployment` takes one: a .bicepparam file keeps its own. */
  armParameters?: ReadonlyMap<string, Value>;
  /** Where the entry templates deploy (the command line's); each value wins over the config's. */
  deployment?: DeploymentContext;
  /** Longest wait for one answer of the Bicep CLI; past it, the process is replaced and the file not analysed. */
  timeoutMs: number;
  /** Longest wait for a file that fetches `br:`/`ts:` modules (bounded by `timeoutMs`); default 20 s. */
  restoreTimeoutMs?: number;
  /** At most this many inputs at once, and Bicep CLI processes (Bicep servers: one less than the cores, at least one). */
  jobs: number;
  /** Where compiled templates and results are kept between runs; undefined compiles and analyses every file (`--no-cache`). */
  cacheFolder?: string;
  /** `--shard i/n`: audit only the entries of this part. */
  shard?: Shard;
  /** The user's config for an input: rule levels by canonical id, parameter values, excluded files. */
  config?: InputConfig;
  /** A Bicep server started ahead of the run: the first server the run needs, if it runs the same CLI. */
  prestarted?: PrestartedServer;
  /** Files a Bicep server compiles before another takes its place; the pool's own budget unless given. */
  filesPerServer?: number;
  /** Called after each input is analysed, with how many are done and how long this one took, e.g. for a progress line. */
  onProgress?(done: number, total: number, file: string, ms: number): void;
}

/** What a config says about an input. */
export interface InputSettings {
  rules: ReadonlyMap<string, RuleSetting>;
  declaredRules?: readonly Rule[];
  /** The `auditLogs` entries the declared rules come from, as written. */
  auditLogs?: readonly unknown[];
  parameters: ReadonlyMap<string, Value>;
  deployment?: DeploymentContext;
}

const NO_CONFIG: InputSettings = { rules: new Map(), parameters: new Map(), deployment: {} };

export interface InputConfig {
  configFor(file: string): InputSettings;
  isExcluded(file: string): boolean;
}

export interface BicepCliInfo {
  path: string;
  version: string;
  mode: BicepCompiler['mode'];
}

export interface Analysis {
  results: InputResult[];
  /** The Bicep CLI that served the run, when any input needed one. */
  bicep?: BicepCliInfo;
  /** With a shard: how many inputs other shards audit. */
  otherShards?: number;
}

/** The wait for a file that fetches registry modules when the caller names none (the CLI's --restore-timeout default). */
export const DEFAULT_RESTORE_TIMEOUT_MS = 20_000;

function restoreTimeoutOf(options: AnalyzeOptions): number {
  return Math.min(options.restoreTimeoutMs ?? DEFAULT_RESTORE_TIMEOUT_MS, options.timeoutMs);
}

/** The caches of a run with Bicep inputs, by the CLI that would compile them; none under `--no-cache`. */
interface RunCaches {
  cliPath: string;
  compiles: CompileCache;
  results: ResultCache;
}

function runCaches(options: AnalyzeOptions): RunCaches | undefined {
  if (!options.cacheFolder) return undefined;
  let cliPath: string;
  try {
    cliPath = locateBicepCli({ flag: options.bicepPath, env: options.env, homeDir: options.homeDir, cwd: options.cwd }).path;
  } catch (error) {
    // With no CLI nothing was kept: the first compile says why there is none.
    if (error instanceof BicepNotFoundError) return undefined;
    throw error;
  }
  const cli = cliIdentity(cliPath, options.noRestore);
  return { cliPath, compiles: new CompileCache(options.cacheFolder, cli), results: new ResultCache(options.cacheFolder, JSON.stringify([toolIdentity(), cli])) };
}

/** A result kept from an earlier run, the files it follows from, and the settings it was made with. */
type KeptResult = NonNullable<ReturnType<ResultCache['lookup']>>;

/** What the run knows of each Bicep input from the result cache: its settings (`context`), and its result when kept. */
function keptResults(inputs: readonly DiscoveredInput[], caches: RunCaches | undefined, options: AnalyzeOptions) {
  const contexts = new Map<string, string>();
  const kept = new Map<string, KeptResult>();
  for (const input of caches ? inputs.filter(isBicep) : []) {
    const context = contextOf(input.file, options);
    contexts.set(input.file, context);
    const hit = caches!.results.lookup(input.file, context);
    if (hit) kept.set(input.file, hit);
  }
  return { contexts, kept };
}

const isBicep = (input: DiscoveredInput) => input.kind !== 'arm-template';

/**
 * Discovers the inputs, takes the results of unchanged Bicep inputs from the cache, compiles the
 * others through the compile cache and a pool of warm Bicep CLI processes (`jobs` inputs at once),
 * expands every template and returns one result per input, in order. Throws BicepNotFoundError or
 * BicepCliError when the environment fails as a whole; an input that cannot be analysed is a
 * `failed` result, one the CLI timed out on an `error` result. With a shard, only the inputs of
 * that shard have results.
 */
export async function analyze(options: AnalyzeOptions): Promise<Analysis> {
  const discovery = discoverInputs(options.paths, options.cwd, (file) => options.config?.isExcluded(file) ?? false);
  const shard = new ShardFilter(options.shard, options.cwd);
  const results = shard.mine(discovery.unusable.map((u) => unusableResult(u.file, u.reason)));
  const caches = discovery.inputs.some(isBicep) ? runCaches(options) : undefined;
  const { contexts, kept } = keptResults(discovery.inputs, caches, options);
  let compiler: BicepCompiler | undefined;
  const compileSoon = (inputs: readonly DiscoveredInput[]) => {
    const files = inputs.filter((i) => isBicep(i) && !kept.has(i.file)).map((i) => i.file);
    if (files.length > 0) (compiler ??= bicepCompiler(options, caches)).prepare(files);
  };
  // A kept result vouches for the files it read: they were checked, and are unchanged.
  const vouched = new Set([...kept.values()].flatMap((k) => k.filesRead));
  const problems = new Map<DiscoveredInput, InputResult | undefined>();
  const problemOf = async (input: DiscoveredInput) => {
    if (!problems.has(input)) problems.set(input, kept.has(input.file) ? undefined : (brokenSource(input) ?? (vouched.has(input.file) ? undefined : await outsideRepository(input))));
    return problems.get(input);
  };
  try {
    // With nothing compiled yet for this CLI, some input will need a compile: a server starts now, while the inputs are checked and parsed.
    const firstRun = !caches || caches.compiles.knownCliVersion() === undefined;
    const first = firstRun ? discovery.inputs.find((i) => isBicep(i) && shard.has(i.file) && !brokenSource(i)) : undefined;
    if (first) compileSoon([first]);
    // A file the user named is an entry: once it passes the checks, its compile can start while the others are parsed.
    const named: DiscoveredInput[] = [];
    for (const input of discovery.inputs) if (!input.fromFolder && shard.has(input.file) && !(await problemOf(input))) named.push(input);
    compileSoon(named);
    const usable: DiscoveredInput[] = [];
    const broken: InputResult[] = [];
    for (const input of discovery.inputs) {
      const problem = await problemOf(input);
      if (problem) broken.push(problem);
      else usable.push(input);
    }
    results.push(...shard.mine(broken));
    // The files each reads, as its compile records them (the compiler's list, which a cold and a warm run share); parsed where it cannot say.
    const filesRead = (file: string) => (isBicepFile(file) ? (compiler ??= bicepCompiler(options, caches)).filesRead(file).catch(() => localFilesRead(file)) : localFilesRead(file));
    const inputs = shard.mine(await entryPoints(usable, filesRead, (file) => kept.get(file)?.filesRead));
    compileSoon(inputs);
    compiler?.allPrepared();
    const analysed = new Array<InputResult>(inputs.length);
    let next = 0;
    let done = 0;
    const lane = async () => {
      for (let index = next++; index < inputs.length; index = next++) {
        const input = inputs[index]!;
        const started = performance.now();
        const keep = caches && { results: caches.results, context: contexts.get(input.file)! };
        analysed[index] = kept.get(input.file)?.result ?? (await analyzeInput(input, compiler, options, keep));
        options.onProgress?.((done += 1), inputs.length, input.file, performance.now() - started);
      }
    };
    // A server takes several files at once: enough lanes to keep each busy.
    await Promise.all(Array.from({ length: Math.min(options.jobs * COMPILES_PER_SERVER, inputs.length) }, lane));
    results.push(...analysed);
  } finally {
    await compiler?.close();
  }
  const bicep: BicepCliInfo | undefined = compiler
    ? { path: compiler.cliPath, version: compiler.version, mode: compiler.mode }
    : kept.size > 0
      ? { path: caches!.cliPath, version: caches!.compiles.knownCliVersion() ?? 'unknown', mode: 'cache' }
      : undefined;
  return { results: mergeRepeatedFindings(results), ...(bicep ? { bicep } : {}), ...(options.shard ? { otherShards: shard.others } : {}) };
}

/** Everything besides the files it reads that decides a Bicep input's result. */
function contextOf(file: string, options: AnalyzeOptions): string {
  const config = options.config?.configFor(file) ?? NO_CONFIG;
  const deployment = { ...config.deployment, ...options.deployment };
  const declared = config.auditLogs ?? [];
  return resultContext([[...config.rules], declared, [...config.parameters], [...options.parameters], deployment, findRepositoryRoot(path.dirname(file)) ?? null]);
}

/** The Bicep CLI that serves the run, behind the compile cache unless `--no-cache`; nothing is started yet. */
function bicepCompiler(options: AnalyzeOptions, caches: RunCaches | undefined): BicepCompiler {
  const cliPath = caches?.cliPath ?? locateBicepCli({ flag: options.bicepPath, env: options.env, homeDir: options.homeDir, cwd: options.cwd }).path;
  const compilerOptions = {
    noRestore: options.noRestore,
    timeoutMs: options.timeoutMs,
    restoreTimeoutMs: restoreTimeoutOf(options),
    jobs: options.jobs,
    ...(options.prestarted ? { prestarted: options.prestarted } : {}),
    ...(options.filesPerServer ? { filesPerServer: options.filesPerServer } : {}),
  };
  if (!caches) return startBicepCompiler(cliPath, compilerOptions);
  return new CachedCompiler(cliPath, caches.compiles, (knownVersion) => startBicepCompiler(cliPath, { ...compilerOptions, ...(knownVersion ? { knownVersion } : {}) }));
}

async function analyzeInput(
  input: DiscoveredInput,
  compiler: BicepCompiler | undefined,
  options: AnalyzeOptions,
  keep?: { results: ResultCache; context: string },
): Promise<InputResult> {
  try {
    fs.accessSync(input.file, fs.constants.R_OK);
    const config = options.config?.configFor(input.file) ?? NO_CONFIG;
    const deployment = { ...config.deployment, ...options.deployment };
    const rules = { settings: config.rules, declared: config.declaredRules ?? [] };
    if (input.kind === 'arm-template') {
      return await analyzeArmTemplate(input.file, new Map([...config.parameters, ...(options.armParameters ?? []), ...options.parameters]), rules, deployment);
    }
    // Under --no-restore nothing is fetched, so no wait is for fetching.
    const restoreTimeoutMs = options.noRestore ? undefined : restoreTimeoutOf(options);
    const values = { config: config.parameters, overrides: options.parameters };
    const { result, filesRead } = await analyzeBicep(compiler!, input.file, values, rules, restoreTimeoutMs, deployment);
    if (filesRead) keep?.results.store(input.file, keep.context, filesRead, result);
    return result;
  } catch (error) {
    if (error instanceof BicepTimeoutError) {
      const reason = `${error.message.split('\n')[0]}; the process was replaced and the file not analysed (if it needs longer, raise --timeout, now ${options.timeoutMs / 1000} s)`;
      return { file: input.file, status: 'error', findings: [inputFinding(input.file, reason, { file: input.file, range: FILE_START })] };
    }
    if (error instanceof BicepFileFailure) {
      const ended = error.exit === undefined ? '' : typeof error.exit === 'number' ? ` with exit code ${error.exit}` : ` by ${error.exit}`;
      const said = error.outputExcerpt.split('\n')[0] ?? '';
      const reason = `${error.summary}${ended} on this file twice (${error.command}${said ? `: ${said}` : ''}); the file was not analysed`;
      return { file: input.file, status: 'error', findings: [inputFinding(input.file, reason, { file: input.file, range: FILE_START })] };
    }
    const reason = readError(error);
    if (reason === undefined) throw error;
    return unusableResult(input.file, reason);
  }
}
