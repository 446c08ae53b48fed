import { EXIT_FINDINGS } from '../report/report-context';
import { LEVEL_ORDER, type FindingLevel, type InputResult } from '../rules/finding';

export const EXIT = {
  /** Nothing at or above --fail-on. */
  clean: 0,
  /** Findings at or above --fail-on. */
  findings: EXIT_FINDINGS,
  /** A usage error, or an input that could not be analysed. */
  usageOrInput: 2,
  /** The environment or the tool failed (no Bicep CLI, a crash, a timeout). */
  environment: 3,
} as const;

export type FailOn = FindingLevel | 'never';

export function exitCodeFor(results: readonly InputResult[], failOn: FailOn): number {
  if (results.some((r) => r.status === 'error')) return EXIT.environment;
  if (results.some((r) => r.status === 'failed')) return EXIT.usageOrInput;
  if (failOn === 'never') return EXIT.clean;
  const threshold = LEVEL_ORDER[failOn];
  const failing = results.some((r) => r.findings.some((f) => !f.suppression && !f.baselined && LEVEL_ORDER[f.level] >= threshold));
  return failing ? EXIT.findings : EXIT.clean;
}
