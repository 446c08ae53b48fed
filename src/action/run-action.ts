import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BicepFlagError, BicepNotFoundError } from '../bicep/errors';
import { parseArgs } from '../cli/args';
import { EXIT } from '../cli/exit-codes';
import { provisionPinnedCli } from '../cli/provision';
import { appendToGithubFile, REPORTERS, runAudit, UsageError, withExitCodes, writeRequestedFile, type RunEnvironment, type Writable } from '../cli/audit';
import { packageJson } from '../package-info';
import { escapeData, formatStepSummary } from '../report/github';
import { formatSarif } from '../report/sarif';
import type { InputResult } from '../rules/finding';

/** The Action's inputs with the defaults action.yml declares (the runner passes them; a local run may not). */
export const ACTION_INPUTS = {
  path: '.',
  format: 'github',
  'sarif-file': '',
  'fail-on': 'error',
  params: '',
  'bicep-path': '',
  baseline: '',
  'no-restore': 'false',
  'provision-bicep': 'false',
  config: '',
  'subscription-id': '',
  'resource-group': '',
  'management-group-id': '',
  'tenant-id': '',
  location: '',
  'deployment-name': '',
} as const;

/** The inputs that stand for the CLI's deployment-context flags of the same names. */
const DEPLOYMENT_INPUTS = ['subscription-id', 'resource-group', 'management-group-id', 'tenant-id', 'location', 'deployment-name'] as const;

type InputName = keyof typeof ACTION_INPUTS;

/** Added to the CLI's message when no Bicep CLI is found: that one suggests its own flags and npm scripts. */
export const BICEP_HINT =
  'bicep-audit needs a Bicep CLI for .bicep and .bicepparam inputs: GitHub-hosted runners have `bicep` on PATH; ' +
  'elsewhere install it (`az bicep install`) or point the `bicep-path` input at it';

/** An input as the runner passes it to a JavaScript action: `INPUT_<NAME>`, upper-cased, hyphens kept. */
function input(env: RunEnvironment['env'], name: InputName): string {
  return env[`INPUT_${name.toUpperCase()}`]?.trim() || ACTION_INPUTS[name];
}

/** Turns each message written to it into one `::error::` workflow command, so that it shows in the run. */
function asErrorCommands(stderr: Writable): Writable {
  return { write: (text: string) => stderr.write(`::error::${escapeData(text.replace(/\n$/, ''))}\n`) };
}

/**
 * The options the inputs stand for, as `--name=value` so that a value starting with `-` stays a
 * value. The paths are not among them: yargs would take a path `rules` for the command.
 */
function options(env: RunEnvironment['env']): string[] {
  const bicepPath = input(env, 'bicep-path');
  const baseline = input(env, 'baseline');
  const config = input(env, 'config');
  const noRestore = input(env, 'no-restore');
  if (noRestore !== 'true' && noRestore !== 'false') throw new UsageError(`the no-restore input takes true or false, not '${noRestore}'`);
  return [
    `--format=${input(env, 'format')}`,
    `--fail-on=${input(env, 'fail-on')}`,
    ...lines(input(env, 'params')).map((line) => `--param=${line}`),
    ...(bicepPath ? [`--bicep=${bicepPath}`] : []),
    ...(baseline ? [`--baseline=${baseline}`] : []),
    ...(noRestore === 'true' ? ['--no-restore'] : []),
    ...(config ? [`--config=${config}`] : []),
    ...DEPLOYMENT_INPUTS.filter((name) => input(env, name)).map((name) => `--${name}=${input(env, name)}`),
  ];
}

/** An input's lines, each trimmed, blank ones left out: a path may hold spaces. */
function lines(value: string): string[] {
  return value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
}

function writeSarif(file: string, text: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot write the SARIF report to sarif-file ${file}: ${(error as Error).message}`);
  }
  writeRequestedFile(file, text, 'the SARIF report to sarif-file');
}

const unsuppressedCount = (results: readonly InputResult[]) => results.flatMap((r) => r.findings).filter((f) => !f.suppression && !f.baselined).length;

/** `provision-bicep: true`: the pinned CLI into the runner's user cache first, where the run looks before PATH. */
async function provisionFirst(run: RunEnvironment): Promise<number> {
  const value = input(run.env, 'provision-bicep');
  if (value !== 'true' && value !== 'false') throw new UsageError(`the provision-bicep input takes true or false, not '${value}'`);
  if (value === 'false') return EXIT.clean;
  // Its steps go to the log beside the report, not into it.
  return provisionPinnedCli({ ...run, stdout: run.stderr, stderr: asErrorCommands(run.stderr) });
}

async function audit(run: RunEnvironment): Promise<number> {
  const provisioned = await provisionFirst(run);
  if (provisioned !== EXIT.clean) return provisioned;
  const parsed = await parseArgs(options(run.env));
  if (parsed.kind !== 'run') throw new UsageError(parsed.kind === 'usage-error' ? parsed.message : 'the inputs do not describe an audit');
  const args = { ...parsed.args, paths: lines(input(run.env, 'path')) };
  const sarifFile = path.resolve(run.cwd, input(run.env, 'sarif-file') || path.join(run.env.RUNNER_TEMP ?? os.tmpdir(), 'bicep-audit.sarif'));
  const { analysis, context, code } = await runAudit(args, run);
  const pinned = packageJson().bicepCli.version;
  if (analysis.bicep && analysis.bicep.version !== pinned) {
    const warning =
      `the Bicep CLI ${analysis.bicep.path} is version ${analysis.bicep.version}, not the ${pinned} bicep-audit is tested with; ` +
      `findings may differ. Set the provision-bicep input to true to audit with the pinned one, or point bicep-path at a Bicep CLI ${pinned}`;
    run.stderr.write(`::warning::${escapeData(warning)}\n`);
  }
  const sarif = formatSarif(analysis.results, context);
  run.stdout.write(args.format === 'sarif' ? sarif : REPORTERS[args.format](analysis.results, context));
  writeSarif(sarifFile, sarif);
  if (run.env.GITHUB_STEP_SUMMARY) appendToGithubFile('GITHUB_STEP_SUMMARY', run.env.GITHUB_STEP_SUMMARY, formatStepSummary(analysis.results, context));
  if (run.env.GITHUB_OUTPUT) {
    appendToGithubFile('GITHUB_OUTPUT', run.env.GITHUB_OUTPUT, `sarif-file=${sarifFile}\nfindings=${unsuppressedCount(analysis.results)}\n`);
  }
  return code;
}

/**
 * The GitHub Action: reads the `INPUT_*` variables, audits like the CLI, writes the chosen report
 * to stdout and SARIF to `sarif-file`, appends the job summary and the step's outputs. Errors
 * become `::error::` workflow commands on stderr; returns the CLI's exit code.
 */
export async function runAction(run: RunEnvironment): Promise<number> {
  const stderr = asErrorCommands(run.stderr);
  let bicepMissing = false;
  const code = await withExitCodes(stderr, async () => {
    try {
      return await audit(run);
    } catch (error) {
      bicepMissing = error instanceof BicepNotFoundError || error instanceof BicepFlagError;
      throw error;
    }
  });
  if (bicepMissing) stderr.write(BICEP_HINT);
  return code;
}
