import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { makeTree } from './temp-tree';

// The npm wrapper runs the tool through a shell, which splits 'Ghas;Sarif'; the binary takes it whole.
const MULTITOOL: string = require('@microsoft/sarif-multitool');

export interface ValidationResult {
  ruleId: string;
  level: string;
  message: { text: string };
}

/** What `Sarif.Multitool validate` with the GitHub Advanced Security and SARIF rules says of a log. */
export function validateSarif(log: string): ValidationResult[] {
  const folder = makeTree({ 'input.sarif': log });
  const output = path.join(folder, 'validation.sarif');
  const run = spawnSync(MULTITOOL, ['validate', '--rule-kind', 'Ghas;Sarif', path.join(folder, 'input.sarif'), '--output', output], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
  });
  if (!run.stdout.includes('Analysis completed successfully.')) throw new Error(`Sarif.Multitool failed: ${run.stdout}${run.stderr}`);
  return JSON.parse(fs.readFileSync(output, 'utf8')).runs[0].results;
}
