import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { makeTree } from './temp-tree';

// The npm wrapper runs the tool through a shell, which splits 'Ghas;Sarif'; the binary takes it whole.
const MULTITOOL: string = require('@microsoft/sarif-multitool');

interface ValidationResult {
  ruleId: string;
  level: string;
  message: { text: string };
}

/** What `Sarif.Multitool validate` with the GitHub Advanced Security and SARIF rules says of a log. */
export function validate(log: string): ValidationResult[] {
  const folder = makeTree({ 'input.sarif': log });
  const output = path.join(folder, 'validation.sarif');
  const run = spawnSync(MULTITOOL, ['validate', '--rule-kind', 'Ghas;Sarif', path.join(folder, 'input.sarif'), '--output', output], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
  });
  expect(run.stdout).toContain('Analysis completed successfully.');
  return JSON.parse(fs.readFileSync(output, 'utf8')).runs[0].results;
}

