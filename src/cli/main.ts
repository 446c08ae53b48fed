import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BicepNotFoundError } from '../bicep/errors';
import { locateBicepCli, type LocatedBicepCli } from '../bicep/locate-cli';
import { WHAT_TO_DO_WITHOUT_CLI } from '../bicep/provisioned-cli';
import { readBicepVersion } from '../bicep/version';
import { packageJson } from '../package-info';
import { formatStepSummary } from '../report/github';
import { mergeShardLogs, SarifMergeError } from '../report/merge-sarif';
import { ConfigError, ConfigResolver, CONFIG_FILE } from '../config/load-config';
import { docsUrlOf, ruleDocs } from '../rules/docs';
import { findRule, RULES, unknownRuleFix } from '../rules/index';
import type { Rule } from '../rules/rule';
import { parseArgs, type CliArgs } from './args';
import { appendToGithubFile, checkOutputFolder, REPORTERS, runAudit, UsageError, withExitCodes, writeRequestedFile, type RunEnvironment } from './audit';
import { EXIT } from './exit-codes';
import { provisionPinnedCli } from './provision';

export type { Writable } from './audit';

export interface MainOptions extends RunEnvironment {
  argv: readonly string[];
}

/** The rules `bicep-audit rules` shows: the built-in ones and those the config that applies in the current folder declares. */
function rulesInScope(options: MainOptions, configFile: string | undefined): Rule[] {
  try {
    const resolver = new ConfigResolver({ cwd: options.cwd, ...(configFile ? { explicit: configFile } : {}) });
    return [...RULES, ...resolver.configFor(path.join(options.cwd, CONFIG_FILE)).declaredRules];
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

function printRules(name: string | undefined, configFile: string | undefined, options: MainOptions): number {
  const rules = rulesInScope(options, configFile);
  if (name === undefined) {
    for (const rule of rules) {
      const aliases = rule.meta.aliases.length > 0 ? ` (also ${rule.meta.aliases.join(', ')})` : '';
      const declared = rule.meta.declaredIn ? `\n  declared in: ${path.relative(options.cwd, rule.meta.declaredIn)}` : '';
      options.stdout.write(
        `${rule.id}${aliases}  ${rule.meta.level}\n  ${rule.meta.description}\n  types: ${(rule.meta.types ?? []).join(', ')}${declared}\n  docs: ${docsUrlOf(rule.meta)}\n`,
      );
    }
    return EXIT.clean;
  }
  const rule = findRule(name, rules);
  if (!rule) {
    options.stderr.write(`bicep-audit: no rule named '${name}'; ${unknownRuleFix(name, rules)}\n`);
    return EXIT.usageOrInput;
  }
  options.stdout.write(ruleDocs(rule));
  return EXIT.clean;
}

/** The versions, and which Bicep CLI a run would use; no CLI is no failure here, only news (exit 0). */
async function printVersions(options: MainOptions, args: CliArgs): Promise<number> {
  options.stdout.write(`bicep-audit ${packageJson().version}\n`);
  let cli: LocatedBicepCli;
  try {
    cli = locateBicepCli({ flag: args.bicep, env: options.env, homeDir: options.homeDir ?? os.homedir(), cwd: options.cwd });
  } catch (error) {
    if (!(error instanceof BicepNotFoundError)) throw error;
    options.stdout.write(`Bicep CLI: none found (${error.searched.join(', ')}); ARM .json inputs need none. To audit Bicep files, ${WHAT_TO_DO_WITHOUT_CLI}.\n`);
    return EXIT.clean;
  }
  const version = await readBicepVersion(cli.path, args.timeout * 1000);
  const pinned = packageJson().bicepCli.version;
  const differs = version.text === pinned ? '' : `; bicep-audit is tested with ${pinned}, which \`npx bicep-audit --provision\` downloads`;
  options.stdout.write(`Bicep CLI ${version.text} (${cli.path}, found via ${cli.source}${differs})\n`);
  return EXIT.clean;
}

/** `merge-sarif`: the shard logs as one run; a file that cannot be read or merged is a usage error (exit 2). */
async function mergeSarif(files: readonly string[], output: string | undefined, options: MainOptions): Promise<number> {
  const logs = files.map((file) => {
    const source = path.resolve(options.cwd, file);
    try {
      return { source: file, log: JSON.parse(fs.readFileSync(source, 'utf8')) as unknown };
    } catch (error) {
      throw new UsageError(`cannot read the SARIF log ${file}: ${(error as Error).message}`);
    }
  });
  let merged: string;
  try {
    merged = `${JSON.stringify(mergeShardLogs(logs), null, 2)}\n`;
  } catch (error) {
    if (error instanceof SarifMergeError) throw new UsageError(error.message);
    throw error;
  }
  if (output) writeRequestedFile(path.resolve(options.cwd, output), merged, 'the merged SARIF to --output');
  else options.stdout.write(merged);
  return EXIT.clean;
}

async function run(options: MainOptions, args: CliArgs): Promise<number> {
  if (args.version) return printVersions(options, args);
  if (args.provision) return provisionPinnedCli(options);
  if (args.output) checkOutputFolder(path.resolve(options.cwd, args.output), 'the report to --output');
  const { analysis, context, code, fixDiff } = await runAudit(args, options);
  const report = REPORTERS[args.format](analysis.results, context);
  if (args.output) writeRequestedFile(path.resolve(options.cwd, args.output), report, 'the report to --output');
  // --fix-dry-run prints the diff alone, so that it can go to `git apply`; the report goes only to --output.
  if (fixDiff !== undefined) options.stdout.write(fixDiff);
  else if (!args.output) options.stdout.write(report);
  const summaryFile = options.env.GITHUB_STEP_SUMMARY;
  if (args.format === 'github' && summaryFile) appendToGithubFile('GITHUB_STEP_SUMMARY', summaryFile, formatStepSummary(analysis.results, context));
  return code;
}

/** The whole command line: parses, runs and returns the exit code. Never calls process.exit. */
export async function main(options: MainOptions): Promise<number> {
  try {
    return await command(options);
  } finally {
    // A server started ahead of a run that did not take it would keep node waiting for it.
    options.prestarted?.discard();
  }
}

async function command(options: MainOptions): Promise<number> {
  const parsed = await parseArgs(options.argv);
  if (parsed.kind === 'text') {
    options.stdout.write(`${parsed.text}\n`);
    return EXIT.clean;
  }
  if (parsed.kind === 'rules') return withExitCodes(options.stderr, async () => printRules(parsed.rule, parsed.config, options));
  if (parsed.kind === 'merge-sarif') return withExitCodes(options.stderr, () => mergeSarif(parsed.files, parsed.output, options));
  if (parsed.kind === 'usage-error') {
    options.stderr.write(`bicep-audit: ${parsed.message}\nRun bicep-audit --help for usage.\n`);
    return EXIT.usageOrInput;
  }
  return withExitCodes(options.stderr, () => run(options, parsed.args));
}
