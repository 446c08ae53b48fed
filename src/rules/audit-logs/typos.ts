import { closestName } from '../closest-name';
import type { UnknownCategory } from './coverage';
import { ANY_GROUP, CATEGORY_GROUPS, categoryNames, type AuditLogRequirement } from './requirement';

/** What a row's entries may mean: its required categories, and the other categories of the type, which are no typos. */
const vocabularies = new WeakMap<AuditLogRequirement, { required: string[]; valid: Set<string> }>();

function vocabularyOf(row: AuditLogRequirement) {
  let vocabulary = vocabularies.get(row);
  if (!vocabulary) {
    vocabulary = { required: categoryNames(row).filter((c) => c !== ANY_GROUP), valid: new Set((row.knownCategories ?? []).map((c) => c.toLowerCase())) };
    vocabularies.set(row, vocabulary);
  }
  return vocabulary;
}

/**
 * What a log entry that names no required category and no covering group most likely meant: the
 * closest required category or covering group, or, for a group the type lacks, the group it has
 * (`lackingGroup` names the one written). Undefined for another valid category of the type, or a
 * name close to nothing.
 */
export function meantBy(unknown: UnknownCategory, row: AuditLogRequirement): { meant?: string; lackingGroup?: string } | undefined {
  const lower = unknown.name.toLowerCase();
  if (unknown.kind === 'categoryGroup') {
    const lackingGroup = CATEGORY_GROUPS.find((g) => g.toLowerCase() === lower);
    if (lackingGroup) return { lackingGroup, ...(row.groups[0] === undefined ? {} : { meant: row.groups[0] }) };
    const meant = closestName(unknown.name, row.groups);
    return meant === undefined ? undefined : { meant };
  }
  const vocabulary = vocabularyOf(row);
  if (vocabulary.valid.has(lower)) return undefined;
  const meant = closestName(unknown.name, vocabulary.required);
  return meant === undefined ? undefined : { meant };
}
