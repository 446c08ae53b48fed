import { azureAcrLogs } from './azure-acr-logs';
import type { Rule } from './rule';

/** Every rule, sorted by id. */
export const RULES: readonly Rule[] = [azureAcrLogs as Rule];

/** The rule a user names by its id or one of its aliases, ignoring letter case. */
export function findRule(name: string): Rule | undefined {
  const lower = name.toLowerCase();
  return RULES.find((r) => r.id.toLowerCase() === lower || r.meta.aliases.some((a) => a.toLowerCase() === lower));
}
