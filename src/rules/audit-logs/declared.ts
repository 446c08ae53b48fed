import type { FindingLevel } from '../finding';
import { ANY_GROUP, categoryText, joinAnd, type AuditLogRequirement, type RequiredCategory } from './requirement';

/** An entry of a config's `auditLogs`, as the config schema admits it. */
export interface DeclaredAuditLog {
  id: string;
  type: string | string[];
  categories?: RequiredCategory[];
  categoryGroups?: string[];
  level?: FindingLevel;
  description?: string;
}

/** The row of a requirement a config declares, with the defaults the config schema describes. */
export function declaredRequirement(entry: DeclaredAuditLog, configFile: string): AuditLogRequirement {
  const types = typeof entry.type === 'string' ? [entry.type] : entry.type;
  const groups = entry.categoryGroups ?? ['allLogs'];
  const categories = entry.categories && entry.categories.length > 0 ? entry.categories : [ANY_GROUP];
  const what = categories[0] === ANY_GROUP ? `the ${groups.map((g) => `'${g}'`).join(' or ')} category group` : `${joinAnd(categories.map((c) => categoryText(c)))}${groups.length > 0 ? ` (or the ${groups.join(' or ')} category group)` : ''}`;
  const description = entry.description ?? `Resources of type ${types.join(', ')} must export ${what} through a diagnostic setting.`;
  return {
    id: entry.id,
    aliases: [],
    types,
    categories,
    groups,
    noun: types.length === 1 ? types[0]! : 'resource',
    service: types.join(', '),
    consequence: 'its audit logs are not exported',
    title: description,
    description,
    level: entry.level ?? 'error',
    tags: ['security'],
    securitySeverity: '7.0',
    declaredIn: configFile,
  };
}
