import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bicepProcessEnv } from '../../src/bicep/child-env';
import { provisionedBicepPath } from '../../src/bicep/provisioned-cli';
import { packageJson } from '../../src/package-info';
import { runInProcess } from './run-cli';

export const BICEP_FIXTURES = path.resolve(__dirname, '..', '..', 'bicep-fixtures');

/**
 * The provisioned, pinned Bicep CLI. Tests that compile Bicep call this first: without the CLI
 * they fail (never skip), saying how to provision it.
 */
export function realBicep(): string {
  checkedCli ??= checkedRealBicep();
  return checkedCli;
}

// Checked once per test file: each check starts the CLI.
let checkedCli: string | undefined;

function checkedRealBicep(): string {
  const cli = provisionedBicepPath(process.env, os.homedir());
  const pinned = packageJson().bicepCli.version;
  if (!fs.existsSync(cli)) throw new Error(`no Bicep CLI at ${cli}: these tests compile real Bicep; run \`npm ci\` or \`npm run provision-bicep\``);
  const printed = spawnSync(cli, ['--version'], { encoding: 'utf8', env: bicepProcessEnv() }).stdout;
  if (!printed.includes(`Bicep CLI version ${pinned} `)) throw new Error(`${cli} is not the pinned Bicep CLI ${pinned}: it prints ${JSON.stringify(printed)}`);
  return cli;
}

/** A JSON report's result, as the tests compare it: file relative to the fixtures, 1-based start. */
export interface Seen {
  at: string;
  ruleId: string;
  level: string;
  message: string;
  suppressed?: boolean;
}

interface JsonResult {
  ruleId: string;
  level: string;
  message: string;
  location: { file: string; line: number; column: number };
  suppression: unknown;
}

export interface JsonReport {
  inputs: { file: string; status: string }[];
  results: JsonResult[];
}

export function seen(report: JsonReport, root = BICEP_FIXTURES): Seen[] {
  return report.results.map((r) => ({
    at: `${path.relative(root, r.location.file)}:${r.location.line}:${r.location.column}`,
    ruleId: r.ruleId,
    level: r.level,
    message: r.message.split(root + path.sep).join(''),
    ...(r.suppression ? { suppressed: true } : {}),
  }));
}

export interface Audit {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs bicep-audit in-process with the real CLI (by BICEP_PATH, so nothing else is picked up). */
export function auditWithRealBicep(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Audit> {
  return runInProcess({
    argv,
    cwd: options.cwd ?? BICEP_FIXTURES,
    env: { PATH: path.dirname(process.execPath), BICEP_PATH: realBicep(), ...options.env },
    homeDir: options.cwd ?? BICEP_FIXTURES,
  });
}

/** Runs it with `--format json --no-cache` and parses the report. */
export async function auditJson(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const run = await auditWithRealBicep([...argv, '--format', 'json', '--no-cache'], options);
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}
