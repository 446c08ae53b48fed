import { describeValue } from '../../template/describe-value';
import type { Condition, ResourceInstance } from '../../template/expand/instance';
import { resourceIdKey } from '../../template/expand/resource-ids';
import { isSymbolic, isValueObject, originsOf } from '../../template/expressions/symbolic';
import type { Origin, Value } from '../../template/expressions/value';

export const REQUIRED_CATEGORIES = ['ContainerRegistryLoginEvents', 'ContainerRegistryRepositoryEvents'] as const;
export const COVERING_GROUPS = ['audit', 'allLogs'] as const;
const DESTINATIONS = ['workspaceId', 'storageAccountId', 'eventHubAuthorizationRuleId', 'marketplacePartnerId'] as const;

export type Certainty = 'yes' | 'maybe' | 'no';

/** Where, inside a diagnostic setting's declaration, a piece of the verdict comes from. */
export interface SettingPlace {
  setting: ResourceInstance;
  path: (string | number)[];
}

/** One log entry that names something other than a registry category or group. */
export interface UnknownCategory extends SettingPlace {
  name: string;
  kind: 'category' | 'categoryGroup';
}

export interface CategoryCoverage {
  certainty: Certainty;
  /** An entry that names the category (or a covering group) but does not enable it. */
  notEnabledAt?: SettingPlace;
  /** Where it is covered (yes) or might be (maybe). */
  place?: SettingPlace;
  /** For `maybe`: the unknowns that decide it. */
  origins: Origin[];
}

export interface RegistryCoverage {
  /** Settings whose scope is the registry and whose condition is not false. */
  settings: ResourceInstance[];
  /** Of those, the ones with no destination: they export nothing. */
  withoutDestination: ResourceInstance[];
  byCategory: Record<(typeof REQUIRED_CATEGORIES)[number], CategoryCoverage>;
  unknownCategories: UnknownCategory[];
}

function lower(value: string): string {
  return value.toLowerCase();
}

function certaintyOf(condition: Condition | Value): Certainty {
  if (condition === true) return 'yes';
  if (isSymbolic(condition)) return 'maybe';
  return 'no';
}

function both(a: Certainty, b: Certainty): Certainty {
  if (a === 'no' || b === 'no') return 'no';
  return a === 'yes' && b === 'yes' ? 'yes' : 'maybe';
}

const RANK: Record<Certainty, number> = { no: 0, maybe: 1, yes: 2 };

function destinationCertainty(properties: Value): Certainty {
  if (!isValueObject(properties)) return isSymbolic(properties) ? 'maybe' : 'no';
  let best: Certainty = 'no';
  for (const key of DESTINATIONS) {
    const value = properties[key];
    // An unknown destination is a value the deployment supplies: it exports somewhere.
    if ((typeof value === 'string' && value !== '') || isSymbolic(value)) best = 'yes';
  }
  return best;
}

/** What one log entry enables, as the set of required categories it may cover. */
function entryCovers(entry: Value): { categories: string[]; certainty: Certainty; unknown?: Omit<UnknownCategory, 'setting' | 'path'> } {
  if (isSymbolic(entry)) return { categories: [...REQUIRED_CATEGORIES], certainty: 'maybe' };
  if (!isValueObject(entry)) return { categories: [], certainty: 'no' };
  const enabled = certaintyOf(entry.enabled ?? false);
  const { category, categoryGroup } = entry;
  if (isSymbolic(category) || isSymbolic(categoryGroup)) {
    return { categories: [...REQUIRED_CATEGORIES], certainty: both(enabled, 'maybe') };
  }
  if (typeof categoryGroup === 'string') {
    const covers = COVERING_GROUPS.some((g) => lower(g) === lower(categoryGroup));
    return {
      categories: covers ? [...REQUIRED_CATEGORIES] : [],
      certainty: covers ? enabled : 'no',
      ...(covers ? {} : { unknown: { name: categoryGroup, kind: 'categoryGroup' as const } }),
    };
  }
  if (typeof category === 'string') {
    const match = REQUIRED_CATEGORIES.find((c) => lower(c) === lower(category));
    return {
      categories: match ? [match] : [],
      certainty: match ? enabled : 'no',
      ...(match ? {} : { unknown: { name: category, kind: 'category' as const } }),
    };
  }
  return { categories: [], certainty: 'no' };
}

/** A setting on the registry; `maybe` when its scope is decided only at deployment. */
export interface TargetingSetting {
  setting: ResourceInstance;
  match: 'yes' | 'maybe';
}

function emptyCoverage(settings: ResourceInstance[]): RegistryCoverage {
  return {
    settings,
    withoutDestination: [],
    byCategory: {
      ContainerRegistryLoginEvents: { certainty: 'no', origins: [] },
      ContainerRegistryRepositoryEvents: { certainty: 'no', origins: [] },
    },
    unknownCategories: [],
  };
}

/** Sets of settings that all deploy: what any enables is enabled. Built in one pass: a fold would copy the lists once per setting. */
function union(members: readonly RegistryCoverage[]): RegistryCoverage {
  const pick = (category: (typeof REQUIRED_CATEGORIES)[number]): CategoryCoverage => {
    const all = members.map((m) => m.byCategory[category]);
    const best = all.reduce((most, c) => Math.max(most, RANK[c.certainty]), 0);
    const tied = all.filter((c) => RANK[c.certainty] === best);
    const notEnabledAt = tied.find((c) => c.notEnabledAt !== undefined)?.notEnabledAt;
    return { ...tied[0]!, origins: tied.flatMap((c) => c.origins), ...(notEnabledAt === undefined ? {} : { notEnabledAt }) };
  };
  return {
    settings: members.flatMap((m) => m.settings),
    withoutDestination: members.flatMap((m) => m.withoutDestination),
    byCategory: { ContainerRegistryLoginEvents: pick('ContainerRegistryLoginEvents'), ContainerRegistryRepositoryEvents: pick('ContainerRegistryRepositoryEvents') },
    unknownCategories: members.flatMap((m) => m.unknownCategories),
  };
}

/**
 * Settings with one resource ID (the same name on the same registry, from different templates)
 * replace each other: only the last one deployed remains, so where they disagree it is undecided.
 */
function lastOneWins(members: RegistryCoverage[], name: string): RegistryCoverage {
  const combined = union(members);
  for (const category of REQUIRED_CATEGORIES) {
    const certainties = new Set(members.map((m) => m.byCategory[category].certainty));
    if (certainties.size > 1) {
      combined.byCategory[category] = {
        ...combined.byCategory[category],
        certainty: 'maybe',
        origins: [...combined.byCategory[category].origins, { kind: 'runtime', name: `which of the diagnostic settings named ${name} is deployed last (they replace each other)` }],
      };
    }
  }
  return combined;
}

/** A loop of unknown count around an instance (its own or a module's), named by the unknowns that decide the count. */
function unknownLoops(instance: ResourceInstance): { origins: Origin[]; decidedBy: string }[] {
  const indexes = [instance.loopIndex, ...instance.deploymentChain.map((link) => link.loopIndex)].filter(isSymbolic);
  return indexes.map((index) => {
    const origins = originsOf(index);
    const decidedBy = origins.filter((o) => o.kind !== 'loop').map((o) => `${o.kind}:${o.name}`).sort().join('|');
    return { origins, decidedBy };
  });
}

/**
 * The loops of unknown count a setting is in that may run zero times while the registry exists:
 * all of them, except those counted by the same unknowns as a loop around the registry.
 */
function loopsThatMayBeEmpty(setting: ResourceInstance, registry: ResourceInstance | undefined): Origin[] {
  const registryLoops = new Set(registry ? unknownLoops(registry).map((l) => l.decidedBy).filter((d) => d !== '') : []);
  return unknownLoops(setting).filter((l) => !registryLoops.has(l.decidedBy)).flatMap((l) => l.origins);
}

/** The union of what every diagnostic setting on the registry enables, with how sure it is. */
export function registryCoverage(targeting: readonly TargetingSetting[], registry?: ResourceInstance): RegistryCoverage {
  const byId = new Map<string, TargetingSetting[]>();
  for (const t of targeting) {
    const key = resourceIdKey(t.setting.id);
    const sameId = byId.get(key);
    if (sameId) sameId.push(t);
    else byId.set(key, [t]);
  }
  const groups = [...byId.values()].map((group) =>
    group.length === 1
      ? coverageOf(group[0]!, registry)
      : lastOneWins(
          group.map((t) => coverageOf(t, registry)),
          `'${describeValue(group[0]!.setting.name).split('/').pop()}'`,
        ),
  );
  return union([emptyCoverage([]), ...groups]);
}

/** What one diagnostic setting enables. */
function coverageOf(targeting: TargetingSetting, registry: ResourceInstance | undefined): RegistryCoverage {
  const coverage = emptyCoverage([targeting.setting]);
  const offer = (category: string, certainty: Certainty, place: SettingPlace, origins: Origin[]) => {
    const current = coverage.byCategory[category as (typeof REQUIRED_CATEGORIES)[number]];
    if (RANK[certainty] > RANK[current.certainty]) {
      coverage.byCategory[category as (typeof REQUIRED_CATEGORIES)[number]] = { certainty, place, origins };
    } else if (certainty === 'maybe' && current.certainty === 'maybe') {
      current.origins.push(...origins);
    }
  };
  const { setting, match } = targeting;
  const properties = setting.body.properties ?? null;
  const emptyLoops = loopsThatMayBeEmpty(setting, registry);
  const settingCertainty = both(both(certaintyOf(setting.condition), match), emptyLoops.length > 0 ? 'maybe' : 'yes');
  const destination = destinationCertainty(properties);
  if (destination === 'no') {
    coverage.withoutDestination.push(setting);
    return coverage;
  }
  const logs = isValueObject(properties) ? properties.logs : properties;
  const settingOrigins = [
    ...originsOf(setting.condition as Value),
    // Whether the IDs are the same depends on the unknowns in both.
    ...(match === 'maybe' ? [...originsOf(setting.scope ?? null), ...originsOf(registry?.id ?? null)] : []),
    ...(isSymbolic(properties) ? originsOf(properties) : []),
    ...emptyLoops,
  ];
  if (isSymbolic(logs)) {
    for (const category of REQUIRED_CATEGORIES) {
      offer(category, 'maybe', { setting, path: ['properties', 'logs'] }, [...settingOrigins, ...originsOf(logs)]);
    }
    return coverage;
  }
  if (!Array.isArray(logs)) return coverage;
  logs.forEach((entry, i) => {
    const path = ['properties', 'logs', i];
    const covered = entryCovers(entry);
    if (covered.unknown) coverage.unknownCategories.push({ setting, path: [...path, covered.unknown.kind], ...covered.unknown });
    const certainty = both(settingCertainty, both(destination, covered.certainty));
    const origins = [...settingOrigins, ...originsOf(entry)];
    for (const category of covered.categories) {
      offer(category, certainty, { setting, path }, origins);
      const current = coverage.byCategory[category as (typeof REQUIRED_CATEGORIES)[number]];
      if (certainty === 'no' && !current.notEnabledAt) {
        current.notEnabledAt = { setting, path: isValueObject(entry) && 'enabled' in entry ? [...path, 'enabled'] : path };
      }
    }
  });
  return coverage;
}
