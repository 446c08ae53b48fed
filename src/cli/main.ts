import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze } from '../analyze/analyze';
import { ConfigError, loadConfig, type Config } from '../config/load-config';
import { BicepCliError, BicepNotFoundError } from '../bicep/errors';
import { locateBicepCli } from '../bicep/locate-cli';
import { readBicepVersion } from '../bicep/version';
import { packageJson } from '../package-info';
import { formatJson } from '../report/json';
import type { ReportContext } from '../report/report-context';
import { formatGithub } from '../report/github';
import { formatSarif } from '../report/sarif';
import { formatStylish } from '../report/stylish';
import { reportedRules, ruleDocs } from '../rules/docs';
import { findRule, RULES } from '../rules/index';
import type { InputResult } from '../rules/finding';
import { JsonSyntaxError } from '../template/parse-json';
import { parseParameterOverride, ParameterFileError, readParameterValues } from '../template/parameter-file';
import type { Value } from '../template/expressions/value';
import { parseArgs, type CliArgs, type Format } from './args';
import { EXIT, exitCodeFor } from './exit-codes';

export interface Writable {
  write(text: string): unknown;
}

export interface MainOptions {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: Writable;
  stderr: Writable;
  homeDir?: string;
}

const REPORTERS: Record<Format, (results: readonly InputResult[], context: ReportContext) => string> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

class UsageError extends Error {}

function parameterValues(args: CliArgs, cwd: string): Map<string, Value> {
  const values = new Map<string, Value>();
  if (args.parameters) {
    const file = path.resolve(cwd, args.parameters);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read --parameters ${file}: ${(error as Error).message}`);
    }
    try {
      for (const [name, value] of readParameterValues(file, text)) values.set(name, value);
    } catch (error) {
      if (error instanceof ParameterFileError || error instanceof JsonSyntaxError) throw new UsageError(error.message);
      throw error;
    }
  }
  for (const override of args.param) {
    try {
      const [name, value] = parseParameterOverride(override);
      values.set(name, value);
    } catch (error) {
      if (error instanceof ParameterFileError) throw new UsageError(error.message);
      throw error;
    }
  }
  return values;
}

function printRules(name: string | undefined, options: MainOptions): number {
  if (name === undefined) {
    for (const rule of RULES) {
      const aliases = rule.meta.aliases.length > 0 ? ` (also ${rule.meta.aliases.join(', ')})` : '';
      options.stdout.write(`${rule.id}${aliases}  ${rule.meta.level}\n  ${rule.meta.description}\n  docs: ${rule.meta.docsPath}\n`);
    }
    return EXIT.clean;
  }
  const rule = findRule(name);
  if (!rule) {
    options.stderr.write(`bicep-audit: no rule named '${name}'; run bicep-audit rules to list them\n`);
    return EXIT.usageOrInput;
  }
  options.stdout.write(ruleDocs(rule));
  return EXIT.clean;
}

function loadConfigOrUsageError(cwd: string, file: string | undefined): Config {
  try {
    return loadConfig(cwd, file);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

function writeReport(file: string, report: string): void {
  try {
    fs.writeFileSync(file, report);
  } catch (error) {
    throw new UsageError(`cannot write the report to --output ${file}: ${(error as Error).message}`);
  }
}

async function printVersions(options: MainOptions, args: CliArgs, homeDir: string): Promise<number> {
  options.stdout.write(`bicep-audit ${packageJson().version}\n`);
  const cli = locateBicepCli({ flag: args.bicep, env: options.env, homeDir, cwd: options.cwd });
  const version = await readBicepVersion(cli.path, args.timeout * 1000);
  options.stdout.write(`Bicep CLI ${version.text} (${cli.path}, found via ${cli.source})\n`);
  return EXIT.clean;
}

async function run(options: MainOptions, args: CliArgs): Promise<number> {
  const homeDir = options.homeDir ?? os.homedir();
  if (args.version) return printVersions(options, args, homeDir);
  if (args.paths.length === 0) throw new UsageError('no inputs: name .bicep, .bicepparam or ARM .json files, or folders');
  const config = loadConfigOrUsageError(options.cwd, args.config);
  const analysis = await analyze({
    paths: args.paths,
    cwd: options.cwd,
    env: options.env,
    homeDir,
    ...(args.bicep === undefined ? {} : { bicepPath: args.bicep }),
    noRestore: !args.restore,
    parameters: parameterValues(args, options.cwd),
    timeoutMs: args.timeout * 1000,
    ruleSettings: config.rules,
  });
  if (analysis.results.length === 0) {
    throw new UsageError(`no inputs found in ${args.paths.join(', ')} (looked for .bicep and .bicepparam files)`);
  }
  const report = REPORTERS[args.format](analysis.results, {
    cwd: options.cwd,
    toolVersion: packageJson().version,
    rules: reportedRules(RULES),
  });
  if (args.output) writeReport(path.resolve(options.cwd, args.output), report);
  else options.stdout.write(report);
  return exitCodeFor(analysis.results, args.failOn);
}

/** The whole command line: parses, runs and returns the exit code. Never calls process.exit. */
export async function main(options: MainOptions): Promise<number> {
  const parsed = await parseArgs(options.argv);
  if (parsed.kind === 'text') {
    options.stdout.write(`${parsed.text}\n`);
    return EXIT.clean;
  }
  if (parsed.kind === 'rules') return printRules(parsed.rule, options);
  if (parsed.kind === 'usage-error') {
    options.stderr.write(`bicep-audit: ${parsed.message}\nRun bicep-audit --help for usage.\n`);
    return EXIT.usageOrInput;
  }
  try {
    return await run(options, parsed.args);
  } catch (error) {
    if (error instanceof UsageError) {
      options.stderr.write(`bicep-audit: ${error.message}\n`);
      return EXIT.usageOrInput;
    }
    if (error instanceof BicepNotFoundError || error instanceof BicepCliError) {
      options.stderr.write(`bicep-audit: ${error.message}\n`);
      return EXIT.environment;
    }
    options.stderr.write(`bicep-audit: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.environment;
  }
}
