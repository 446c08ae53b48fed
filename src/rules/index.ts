import { auditLogRule } from './audit-logs/audit-log-rule';
import { BUILT_IN_ROWS } from './audit-logs/built-in';
import { closestName } from './closest-name';
import { acrDeleteLock } from './control-plane/delete-lock';
import type { Rule } from './rule';

/** Every built-in rule, sorted by id. */
export const RULES: readonly Rule[] = [...BUILT_IN_ROWS.map(auditLogRule), acrDeleteLock].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The rule a user names by its id or one of its aliases, ignoring letter case, among the built-in rules and `declared` ones. */
export function findRule(name: string, declared: readonly Rule[] = []): Rule | undefined {
  const lower = name.toLowerCase();
  return [...RULES, ...declared].find((r) => r.id.toLowerCase() === lower || r.meta.aliases.some((a) => a.toLowerCase() === lower));
}

/** The fix to suggest for a name that is no rule's id or alias: the closest one, or where to look them up. */
export function unknownRuleFix(name: string, declared: readonly Rule[] = []): string {
  const suggestion = closestName(name, [...RULES, ...declared].flatMap((r) => [r.id, ...r.meta.aliases]));
  return suggestion ? `did you mean '${suggestion}'?` : 'run bicep-audit rules to list them';
}
