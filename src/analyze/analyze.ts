import fs from 'node:fs';
import path from 'node:path';
import type { BicepCompiler } from '../bicep/compile-output';
import type { RuleSetting } from '../config/load-config';
import { BicepCliError, BicepTimeoutError } from '../bicep/errors';
import { startBicepCompiler } from '../bicep/compiler';
import { CachedCompiler } from '../bicep/cached-compiler';
import { CompileCache, cliIdentity } from '../bicep/compile-cache';
import { locateBicepCli } from '../bicep/locate-cli';
import { discoverInputs, type DiscoveredInput } from '../discover/discover-inputs';
import { entryPoints } from '../discover/entry-points';
import { findRepositoryRoot } from '../discover/repository-root';
import type { InputResult } from '../rules/finding';
import type { Value } from '../template/expressions/value';
import type { DeploymentContext } from '../template/expand/deployment-scope';
import { analyzeArmTemplate } from './arm-input';
import { analyzeBicep } from './bicep-input';
import { mergeRepeatedFindings } from './merge-repeated';
import { referenceOutsideRepository } from './repository-boundary';
import { bicepSourceProblem } from './source-checks';
import { inputFinding } from './problem-findings';
import { FILE_START } from '../locate/line-index';

export interface AnalyzeOptions {
  paths: readonly string[];
  cwd: string;
  env: Record<string, string | undefined>;
  homeDir: string;
  /** `--bicep`: the Bicep CLI to use. */
  bicepPath?: string;
  noRestore: boolean;
  /** Values for the entry templates' parameters (`--parameters` file and `--param` overrides); they win over the config's. */
  parameters: ReadonlyMap<string, Value>;
  /** Where the entry templates deploy (the command line's); each value wins over the config's. */
  deployment?: DeploymentContext;
  /** Longest wait for one answer of the Bicep CLI; past it, the process is replaced and the file not analysed. */
  timeoutMs: number;
  /** Longest wait for a file that fetches `br:`/`ts:` modules (bounded by `timeoutMs`); default 20 s. */
  restoreTimeoutMs?: number;
  /** At most this many inputs (and Bicep CLI processes) at once. */
  jobs: number;
  /** Where compiled templates are kept between runs; undefined compiles every file (`--no-cache`). */
  cacheFolder?: string;
  /** The user's config for an input: rule levels by canonical id, parameter values, excluded files. */
  config?: InputConfig;
  /** Called before each input is analysed, e.g. for a progress line. */
  onProgress?(done: number, total: number, file: string): void;
}

export interface InputConfig {
  configFor(file: string): { rules: ReadonlyMap<string, RuleSetting>; parameters: ReadonlyMap<string, Value>; deployment?: DeploymentContext };
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
}

/** The wait for a file that fetches registry modules when the caller names none (the CLI's --restore-timeout default). */
export const DEFAULT_RESTORE_TIMEOUT_MS = 20_000;

function restoreTimeoutOf(options: AnalyzeOptions): number {
  return Math.min(options.restoreTimeoutMs ?? DEFAULT_RESTORE_TIMEOUT_MS, options.timeoutMs);
}

function unusableResult(file: string, reason: string): InputResult {
  return { file, status: 'failed', findings: [inputFinding(file, reason, { file, range: FILE_START })] };
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied: it cannot be read',
  EPERM: 'permission denied: it cannot be read',
  EISDIR: 'it is a folder',
};

/** Why a file could not be read, for the errors a user can fix; undefined for anything else. */
function readError(error: unknown): string | undefined {
  return READ_ERRORS[(error as NodeJS.ErrnoException | undefined)?.code ?? ''];
}

/**
 * Discovers the inputs, compiles Bicep through the compile cache and a pool of warm Bicep CLI
 * processes (`jobs` inputs at once), expands every template and returns one result per input, in
 * order. Throws BicepNotFoundError or BicepCliError when the environment fails as a whole; an
 * input that cannot be analysed is a `failed` result, one the CLI timed out on an `error` result.
 */
export async function analyze(options: AnalyzeOptions): Promise<Analysis> {
  const discovery = discoverInputs(options.paths, options.cwd, (file) => options.config?.isExcluded(file) ?? false);
  const results: InputResult[] = discovery.unusable.map((u) => unusableResult(u.file, u.reason));
  const usable: DiscoveredInput[] = [];
  for (const input of discovery.inputs) {
    const broken = brokenSource(input) ?? (await outsideRepository(input));
    if (broken) results.push(broken);
    else usable.push(input);
  }
  const needsBicep = usable.some((i) => i.kind !== 'arm-template');
  let compiler: BicepCompiler | undefined;
  if (needsBicep) {
    const cli = locateBicepCli({ flag: options.bicepPath, env: options.env, homeDir: options.homeDir, cwd: options.cwd });
    const start = () => startBicepCompiler(cli.path, { noRestore: options.noRestore, timeoutMs: options.timeoutMs, restoreTimeoutMs: restoreTimeoutOf(options), jobs: options.jobs });
    compiler = options.cacheFolder
      ? new CachedCompiler(cli.path, new CompileCache(options.cacheFolder, cliIdentity(cli.path, options.noRestore)), start)
      : await start();
  }
  try {
    const inputs = compiler ? await entryPoints(usable, (file) => referencesOrNone(compiler!, file)) : usable;
    const analysed = new Array<InputResult>(inputs.length);
    let next = 0;
    const lane = async () => {
      for (let index = next++; index < inputs.length; index = next++) {
        options.onProgress?.(index, inputs.length, inputs[index]!.file);
        analysed[index] = await analyzeInput(inputs[index]!, compiler, options);
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.jobs, inputs.length) }, lane));
    results.push(...analysed);
  } finally {
    await compiler?.close();
  }
  return {
    results: mergeRepeatedFindings(results),
    ...(compiler ? { bicep: { path: compiler.cliPath, version: compiler.version, mode: compiler.mode } } : {}),
  };
}

/** The files an input reads; none when the CLI cannot tell (its own compile reports why). */
async function referencesOrNone(compiler: BicepCompiler, file: string): Promise<readonly string[]> {
  try {
    return await compiler.fileReferences(file);
  } catch (error) {
    if (error instanceof BicepCliError) return [];
    throw error;
  }
}

/** A Bicep source that cannot be compiled (unreadable, empty, binary, not UTF-8, a missing `using` file), found without the CLI. */
function brokenSource(input: DiscoveredInput): InputResult | undefined {
  if (input.kind === 'arm-template') return undefined;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(input.file);
  } catch (error) {
    const reason = readError(error);
    if (reason === undefined) throw error;
    return unusableResult(input.file, reason);
  }
  const problem = bicepSourceProblem(input.file, bytes);
  if (!problem) return undefined;
  return { file: input.file, status: 'failed', findings: [inputFinding(input.file, problem.reason, { file: input.file, range: problem.range })] };
}

/** A Bicep input that would make the CLI read a file outside its repository: refused, so a pull request cannot reach out. */
async function outsideRepository(input: DiscoveredInput): Promise<InputResult | undefined> {
  const repoRoot = input.kind === 'arm-template' ? undefined : findRepositoryRoot(path.dirname(input.file));
  const outside = repoRoot === undefined ? undefined : await referenceOutsideRepository(input.file, repoRoot);
  if (!outside) return undefined;
  const reason = `it reads ${outside.target}, outside the repository ${repoRoot}; bicep-audit reads only files inside the repository`;
  return { file: input.file, status: 'failed', findings: [inputFinding(input.file, reason, { file: outside.file, range: outside.range })] };
}

async function analyzeInput(input: DiscoveredInput, compiler: BicepCompiler | undefined, options: AnalyzeOptions): Promise<InputResult> {
  try {
    fs.accessSync(input.file, fs.constants.R_OK);
    const config = options.config?.configFor(input.file) ?? { rules: new Map(), parameters: new Map(), deployment: {} };
    const deployment = { ...config.deployment, ...options.deployment };
    if (input.kind === 'arm-template') {
      return await analyzeArmTemplate(input.file, new Map([...config.parameters, ...options.parameters]), config.rules, deployment);
    }
    // Under --no-restore nothing is fetched, so no wait is for fetching.
    const restoreTimeoutMs = options.noRestore ? undefined : restoreTimeoutOf(options);
    return await analyzeBicep(compiler!, input.file, { config: config.parameters, overrides: options.parameters }, config.rules, restoreTimeoutMs, deployment);
  } catch (error) {
    if (error instanceof BicepTimeoutError) {
      const reason = `${error.message.split('\n')[0]}; the process was replaced and the file not analysed`;
      return { file: input.file, status: 'error', findings: [inputFinding(input.file, reason, { file: input.file, range: FILE_START })] };
    }
    const reason = readError(error);
    if (reason === undefined) throw error;
    return unusableResult(input.file, reason);
  }
}
