import type { FindingLevel } from '../finding';

/** A log category the row demands; several names mean that any one of them is enough. */
export type RequiredCategory = string | readonly string[];

/** A property of the resource whose value decides whether a row applies to it. */
export interface PropertyTest {
  /** Path of the value in the resource's body, as `['sku', 'name']`. */
  path: readonly string[];
  /** The values (any letter case) for which the row applies. */
  oneOf?: readonly string[];
  /** Instead of values: the row applies whenever the property is set. */
  present?: true;
  /** The value Azure takes when the template leaves the path out; absent when it then does not apply. */
  default?: string;
}

/** What decides whether the row applies to a resource (a tier that has the logs). */
export interface Precondition extends PropertyTest {
  /** What holds when it applies, for messages: `is of the Premium tier`. */
  text: string;
  /** Another property that makes the row apply as well (a namespace in a Dedicated cluster). */
  alternative?: PropertyTest;
}

/**
 * A child resource that Azure creates with its parent whether or not the template declares it
 * (a storage account's blob service, always named `default`): its logs are judged too, and reported
 * on the parent while the child is not declared.
 */
export interface ImplicitChild {
  parentType: string;
  /** The child's type segment and name: `blobServices/default`. */
  segment: string;
}

/**
 * One audit-log requirement: a deployed resource of one of `types` exports every category of
 * `categories` (or one of `groups`) through diagnostic settings with a destination, taken together.
 * Built-in rules and the ones a config declares are both rows of this shape.
 */
export interface AuditLogRequirement {
  id: string;
  aliases: readonly string[];
  /** Resource types, as Azure writes them (matched in any letter case). */
  types: readonly string[];
  categories: readonly RequiredCategory[];
  /** The category groups that the type supports and that cover every required category; the first is the one fixes add. */
  groups: readonly string[];
  /** Every log category of the type that the docs list, for "did you mean" hints; the required ones are added. */
  knownCategories?: readonly string[];
  /** A short name of the resource in messages: `registry`, `key vault`. */
  noun: string;
  /** Other names for some of the types (a managed HSM among key vaults), keyed by type. */
  nouns?: Readonly<Record<string, string>>;
  /** The service, for the kind of its categories: `container registry`. */
  service: string;
  /** What nobody can tell without the logs, ending the "has no diagnostic setting" message. */
  consequence: string;
  applies?: Precondition;
  /**
   * For a scope (a subscription): a setting at a scope above it that the same run deploys counts
   * for it when it exports these categories, the only ones that scope's log has.
   */
  inherited?: { type: string; categories: readonly string[] };
  implicitChildren?: readonly ImplicitChild[];
  title: string;
  description: string;
  level: FindingLevel;
  tags: readonly string[];
  securitySeverity: string;
  /** The docs page, relative to the package root; absent for a requirement a config declares. */
  docsPath?: string;
  /** The config file that declares the requirement. */
  declaredIn?: string;
}

/** Every category group Azure Monitor has; a type supports some of them or none. */
export const CATEGORY_GROUPS = ['audit', 'allLogs'];

/** What a requirement without categories asks for: one of its groups, written as a category no log entry can name. */
export const ANY_GROUP = '\u0000';

/** The category names of a requirement, one of each alternative included. */
export function categoryNames(requirement: Pick<AuditLogRequirement, 'categories'>): string[] {
  return requirement.categories.flatMap((c) => (typeof c === 'string' ? [c] : [...c]));
}

/** `kube-audit (or kube-audit-admin)`: a required category as a message names it. */
export function categoryText(category: RequiredCategory, groups: readonly string[] = []): string {
  if (category === ANY_GROUP) return `the ${groups.map((g) => `'${g}'`).join(' or ')} category group`;
  return typeof category === 'string' ? category : `${category[0]} (or ${category.slice(1).join(' or ')})`;
}

/** The categories a fix adds for a required one: the first of a choice, none for "one of the groups". */
export function categoriesToAdd(categories: readonly RequiredCategory[]): string[] {
  return categories.map((c) => (typeof c === 'string' ? c : c[0]!)).filter((c) => c !== ANY_GROUP);
}

/** `A and B`, `A, B and C`. */
export function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
