import os from 'node:os';
import yargs from 'yargs';
import { DEFAULT_RESTORE_TIMEOUT_MS } from '../analyze/analyze';
import { parseShard, type Shard } from '../analyze/shard';
import { DEFAULT_BASELINE_FILE } from '../baseline/baseline-file';
import type { DeploymentContext } from '../template/expand/deployment-scope';
import type { FailOn } from './exit-codes';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'compact', 'gitlab', 'azure-pipelines', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliArgs {
  paths: string[];
  format: Format;
  output?: string;
  bicep?: string;
  restore: boolean;
  failOn: FailOn;
  parameters?: string;
  param: string[];
  timeout: number;
  restoreTimeout: number;
  jobs: number;
  cache: boolean;
  shard?: Shard;
  config?: string;
  version: boolean;
  /** `--provision`: download the pinned Bicep CLI into the per-user cache, and do nothing else. */
  provision: boolean;
  /** Where the entry templates deploy, as `az deployment` and `bicep snapshot` take it. */
  deployment: DeploymentContext;
  /** `--fix` applies fixes, `--fix-dry-run` prints them as a diff; undefined for neither. */
  fix?: 'apply' | 'dry-run';
  /** `--suggestions`: with --fix or --fix-dry-run, suggestions too. */
  suggestions: boolean;
  /** `--baseline [file]`: compare with a baseline; '' for the config's or the default file. */
  baseline?: string;
  /** `--write-baseline [file]`: record the run's findings; '' for the config's or the default file. */
  writeBaseline?: string;
  /** `--prune-baseline`: drop the baseline's fixed entries. */
  pruneBaseline: boolean;
}

export type ParsedArgs =
  | { kind: 'run'; args: CliArgs }
  | { kind: 'rules'; rule?: string; config?: string }
  | { kind: 'merge-sarif'; files: string[]; output?: string }
  | { kind: 'text'; text: string }
  | { kind: 'usage-error'; message: string };

function parser(argv: readonly string[]) {
  return yargs([...argv])
    .scriptName('bicep-audit')
    .version(false)
    .command(
      '$0 [paths..]',
      'Audits Bicep files, .bicepparam files and ARM templates and reports findings on the source lines to change.',
      (y) =>
        y.positional('paths', {
          type: 'string',
          array: true,
          describe: 'files (.bicep, .bicepparam, ARM .json) and folders (searched for .bicep and .bicepparam)',
        }),
    )
    .command('rules [rule]', "list the rules, or print one rule's docs page (by id or alias)", (y) =>
      y.positional('rule', { type: 'string', describe: 'a rule id or alias' }),
    )
    .command('merge-sarif <files..>', 'merge the SARIF logs of the n shards of one audit (--shard i/n) into one run, for one code scanning upload', (y) =>
      y.positional('files', { type: 'string', array: true, describe: 'the SARIF log of every shard, each once' }),
    )
    .option('format', { alias: 'f', choices: FORMATS, default: 'stylish' as Format, describe: 'report format: stylish for people, json, sarif for code scanning, github for workflow annotations, compact for editors (file:line:col: level message [rule]), gitlab (Code Quality), azure-pipelines (logging commands), junit (a test case per rule and resource)' })
    .option('output', { alias: 'o', type: 'string', describe: 'write the report to this file instead of stdout' })
    .option('bicep', { type: 'string', describe: 'path of the Bicep CLI to use (else BICEP_PATH, the provisioned copy, PATH, ~/.azure/bin)' })
    .option('restore', {
      type: 'boolean',
      default: true,
      describe:
        '--no-restore: never fetch br:/ts: modules from registries (compiles each file with `bicep build --no-restore` instead of the faster JSON-RPC server; for untrusted code)',
    })
    .option('fail-on', {
      choices: ['error', 'warning', 'note', 'never'] as const,
      default: 'error' as FailOn,
      describe: 'exit 1 when a finding is at or above this level',
    })
    .option('parameters', { alias: 'p', type: 'string', describe: "ARM parameters .json file for ARM template inputs only (a .bicepparam file keeps its own values; --param overrides those)" })
    .option('param', { type: 'string', array: true, default: [] as string[], describe: 'parameter value name=value (JSON, else text; a value that starts with {, [ or " must be JSON); repeatable; a name that no entry declares is an error' })
    .option('timeout', {
      type: 'number',
      default: 120,
      describe: 'seconds to wait for the Bicep CLI on one file; past it the process is replaced and the file reported as not analysed (exit 3)',
    })
    .option('restore-timeout', {
      type: 'number',
      default: DEFAULT_RESTORE_TIMEOUT_MS / 1000,
      describe: 'seconds to wait for the Bicep CLI on a file that uses br:/ts: modules while it fetches them; past it the file is reported as not analysed (exit 2)',
    })
    .option('cache', {
      type: 'boolean',
      default: true,
      describe: '--no-cache: compile and analyse every Bicep file, without reading or writing the cache (node_modules/.cache/bicep-audit, else ~/.cache/bicep-audit)',
    })
    .option('shard', {
      type: 'string',
      describe: 'i/n: audit only the i-th of n parts of the entries (a stable split by path, for a CI matrix; merge the SARIF with merge-sarif)',
    })
    .option('jobs', {
      alias: 'j',
      type: 'number',
      default: os.availableParallelism(),
      defaultDescription: 'the number of cores',
      describe: 'at most this many Bicep CLI processes (warm servers: one fewer than the cores, four files at once each, each beyond the first only while many files wait)',
    })
    .option('config', {
      alias: 'c',
      type: 'string',
      describe: "config file for every input (default: the nearest bicep-audit.json from each input's folder up to the repository root)",
    })
    .option('subscription-id', { type: 'string', describe: 'the subscription the entry templates deploy to (subscription(), resource IDs)' })
    .option('resource-group', { type: 'string', describe: 'the resource group they deploy to (resourceGroup(), resource IDs)' })
    .option('management-group-id', { type: 'string', describe: 'the management group a management-group template deploys to' })
    .option('tenant-id', { type: 'string', describe: 'the tenant (tenant())' })
    .option('location', { type: 'string', describe: "the resource group's location, or the deployment's at subscription, management-group and tenant scope" })
    .option('deployment-name', { type: 'string', describe: 'the name of the deployment (deployment().name)' })
    .option('fix', {
      type: 'boolean',
      default: false,
      describe: 'edit the Bicep files to clear the findings that have a fix, then compile them and run the rules again; a fix that does not compile or clear its finding is rolled back',
    })
    .option('fix-dry-run', { type: 'boolean', default: false, describe: 'print the fixes that --fix would keep (proved on copies of the files) as a unified diff instead of the report, changing no file' })
    .option('suggestions', {
      type: 'boolean',
      default: false,
      describe: 'with --fix or --fix-dry-run: suggestions too (a new diagnostic setting for a resource or subscription that has none, a lock for a registry that has none)',
    })
    .option('baseline', {
      type: 'string',
      describe: `compare with a baseline file (default: the config's baseline, else ${DEFAULT_BASELINE_FILE} at the repository root): findings it holds are reported as baselined and do not fail the run; entries no longer found are reported as fixed`,
    })
    .option('write-baseline', {
      type: 'string',
      describe: "record the run's unsuppressed findings in a baseline file (the same default), keeping the entries of files the run did not audit",
    })
    .option('prune-baseline', { type: 'boolean', default: false, describe: "drop the baseline's fixed entries from its file" })
    .option('version', { alias: 'v', type: 'boolean', default: false, describe: "print bicep-audit's and the Bicep CLI's versions, and which CLI is used" })
    .option('provision', {
      type: 'boolean',
      default: false,
      describe:
        'download the pinned Bicep CLI into your user cache (~/.cache/bicep-audit/bicep/), from the NuGet feed in BICEP_AUDIT_NUGET_FEED, else your NuGet.config, else the public one, checked against its SHA-512; then exit',
    })
    .help('help')
    .alias('help', 'h')
    .strict()
    .epilog('Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error or an input that could not be analysed, 3 environment or internal failure.')
    .wrap(100)
    .exitProcess(false);
}

const DEPLOYMENT_OPTIONS = {
  'subscription-id': 'subscriptionId',
  'resource-group': 'resourceGroup',
  'management-group-id': 'managementGroupId',
  'tenant-id': 'tenantId',
  location: 'location',
  'deployment-name': 'deploymentName',
} as const;

function deploymentContext(parsed: Record<string, unknown>): DeploymentContext {
  const context: DeploymentContext = {};
  for (const [option, field] of Object.entries(DEPLOYMENT_OPTIONS)) {
    if (typeof parsed[option] === 'string') context[field] = parsed[option];
  }
  return context;
}

/** Parses the command line without printing or exiting: help and errors come back as text. */
export async function parseArgs(argv: readonly string[]): Promise<ParsedArgs> {
  return new Promise((resolve) => {
    parser(argv).parse([...argv], {}, (error, parsed, output) => {
      if (error) return resolve({ kind: 'usage-error', message: error.message });
      if (output) return resolve({ kind: 'text', text: output });
      if (parsed._[0] === 'rules') {
        return resolve({ kind: 'rules', ...(typeof parsed.rule === 'string' ? { rule: parsed.rule } : {}), ...(typeof parsed.config === 'string' ? { config: parsed.config } : {}) });
      }
      if (parsed._[0] === 'merge-sarif') {
        return resolve({ kind: 'merge-sarif', files: (parsed.files as string[]).map(String), ...(parsed.output === undefined ? {} : { output: parsed.output }) });
      }
      const shard = parsed.shard === undefined ? undefined : parseShard(parsed.shard);
      if (parsed.shard !== undefined && !shard) {
        return resolve({ kind: 'usage-error', message: `--shard takes i/n, two whole numbers with 1 <= i <= n (got '${parsed.shard}')` });
      }
      if (!Number.isFinite(parsed.timeout) || parsed.timeout <= 0) {
        return resolve({ kind: 'usage-error', message: '--timeout takes a positive number of seconds' });
      }
      if (!Number.isFinite(parsed['restore-timeout']) || parsed['restore-timeout'] <= 0) {
        return resolve({ kind: 'usage-error', message: '--restore-timeout takes a positive number of seconds' });
      }
      if (!Number.isInteger(parsed.jobs) || parsed.jobs < 1) {
        return resolve({ kind: 'usage-error', message: '--jobs takes a whole number of 1 or more' });
      }
      if (parsed.fix && parsed['fix-dry-run']) return resolve({ kind: 'usage-error', message: '--fix and --fix-dry-run cannot be used together' });
      if (parsed.suggestions && !parsed.fix && !parsed['fix-dry-run']) {
        return resolve({ kind: 'usage-error', message: '--suggestions goes with --fix or --fix-dry-run' });
      }
      if (parsed['write-baseline'] !== undefined && (parsed.baseline !== undefined || parsed['prune-baseline'])) {
        return resolve({ kind: 'usage-error', message: '--write-baseline writes the whole baseline: it goes without --baseline and --prune-baseline' });
      }
      const fix = parsed.fix ? ('apply' as const) : parsed['fix-dry-run'] ? ('dry-run' as const) : undefined;
      resolve({
        kind: 'run',
        args: {
          paths: ((parsed.paths as string[] | undefined) ?? []).map(String),
          format: parsed.format,
          ...(parsed.output === undefined ? {} : { output: parsed.output }),
          ...(parsed.bicep === undefined ? {} : { bicep: parsed.bicep }),
          restore: parsed.restore,
          failOn: parsed['fail-on'],
          ...(parsed.parameters === undefined ? {} : { parameters: parsed.parameters }),
          param: parsed.param.map(String),
          timeout: parsed.timeout,
          restoreTimeout: parsed['restore-timeout'],
          jobs: parsed.jobs,
          cache: parsed.cache,
          ...(shard ? { shard } : {}),
          ...(parsed.config === undefined ? {} : { config: parsed.config }),
          version: parsed.version,
          provision: parsed.provision,
          deployment: deploymentContext(parsed),
          ...(fix ? { fix } : {}),
          suggestions: parsed.suggestions,
          ...(parsed.baseline === undefined ? {} : { baseline: parsed.baseline }),
          ...(parsed['write-baseline'] === undefined ? {} : { writeBaseline: parsed['write-baseline'] }),
          pruneBaseline: parsed['prune-baseline'],
        },
      });
    });
  });
}
