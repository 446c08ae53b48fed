import { azureAcrLogs } from './azure-acr-logs';
import { closestName } from './closest-name';
import type { Rule } from './rule';

/** Every rule, sorted by id. */
export const RULES: readonly Rule[] = [azureAcrLogs as Rule];

/** The rule a user names by its id or one of its aliases, ignoring letter case. */
export function findRule(name: string): Rule | undefined {
  const lower = name.toLowerCase();
  return RULES.find((r) => r.id.toLowerCase() === lower || r.meta.aliases.some((a) => a.toLowerCase() === lower));
}

/** The fix to suggest for a name that is no rule's id or alias: the closest one, or where to look them up. */
export function unknownRuleFix(name: string): string {
  const suggestion = closestName(name, RULES.flatMap((r) => [r.id, ...r.meta.aliases]));
  return suggestion ? `did you mean '${suggestion}'?` : 'run bicep-audit rules to list them';
}
