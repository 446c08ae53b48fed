import type { Condition, ResourceInstance } from '../../template/expand/instance';
import { settingName } from './describe-instance';
import { resourceIdKey } from '../../template/expand/resource-ids';
import { isSymbolic, isValueObject, originsOf } from '../../template/expressions/symbolic';
import type { Origin, Value } from '../../template/expressions/value';

const DESTINATIONS = ['workspaceId', 'storageAccountId', 'eventHubAuthorizationRuleId', 'marketplacePartnerId'] as const;

export type Certainty = 'yes' | 'maybe' | 'no';

/** Where, inside a diagnostic setting's declaration, a piece of the verdict comes from. */
export interface SettingPlace {
  setting: ResourceInstance;
  path: (string | number)[];
}

/** What a rule looks for in the log entries: the category names it requires and the groups that cover them all. */
export interface Wanted {
  categories: readonly string[];
  groups: readonly string[];
}

/** One log entry that names something other than a required category or a covering group. */
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

export interface Coverage {
  /** Settings whose scope is the resource and whose condition is not false. */
  settings: ResourceInstance[];
  /** Of those, the ones with no destination: they export nothing. */
  withoutDestination: ResourceInstance[];
  /** Keyed by the required category names as the rule writes them. */
  byCategory: Record<string, CategoryCoverage>;
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
function entryCovers(entry: Value, wanted: Wanted): { categories: string[]; certainty: Certainty; unknown?: Omit<UnknownCategory, 'setting' | 'path'> } {
  if (isSymbolic(entry)) return { categories: [...wanted.categories], certainty: 'maybe' };
  if (!isValueObject(entry)) return { categories: [], certainty: 'no' };
  const enabled = certaintyOf(entry.enabled ?? false);
  const { category, categoryGroup } = entry;
  if (isSymbolic(category) || isSymbolic(categoryGroup)) {
    return { categories: [...wanted.categories], certainty: both(enabled, 'maybe') };
  }
  if (typeof categoryGroup === 'string') {
    const covers = wanted.groups.some((g) => lower(g) === lower(categoryGroup));
    return {
      categories: covers ? [...wanted.categories] : [],
      certainty: covers ? enabled : 'no',
      ...(covers ? {} : { unknown: { name: categoryGroup, kind: 'categoryGroup' as const } }),
    };
  }
  if (typeof category === 'string') {
    const match = wanted.categories.find((c) => lower(c) === lower(category));
    return {
      categories: match ? [match] : [],
      certainty: match ? enabled : 'no',
      ...(match ? {} : { unknown: { name: category, kind: 'category' as const } }),
    };
  }
  return { categories: [], certainty: 'no' };
}

/** A setting on the resource; `maybe` when its scope is decided only at deployment. */
export interface TargetingSetting {
  setting: ResourceInstance;
  match: 'yes' | 'maybe';
}

function emptyCoverage(settings: ResourceInstance[], wanted: Wanted): Coverage {
  return {
    settings,
    withoutDestination: [],
    byCategory: Object.fromEntries(wanted.categories.map((c) => [c, { certainty: 'no', origins: [] }])),
    unknownCategories: [],
  };
}

/** Sets of settings that all deploy: what any enables is enabled. Built in one pass: a fold would copy the lists once per setting. */
function union(members: readonly Coverage[], wanted: Wanted): Coverage {
  const pick = (category: string): CategoryCoverage => {
    const all = members.map((m) => m.byCategory[category]);
    const best = all.reduce((most, c) => Math.max(most, RANK[c.certainty]), 0);
    const tied = all.filter((c) => RANK[c.certainty] === best);
    const notEnabledAt = tied.find((c) => c.notEnabledAt !== undefined)?.notEnabledAt;
    return { ...tied[0]!, origins: tied.flatMap((c) => c.origins), ...(notEnabledAt === undefined ? {} : { notEnabledAt }) };
  };
  return {
    settings: members.flatMap((m) => m.settings),
    withoutDestination: members.flatMap((m) => m.withoutDestination),
    byCategory: Object.fromEntries(wanted.categories.map((c) => [c, pick(c)])),
    unknownCategories: members.flatMap((m) => m.unknownCategories),
  };
}

/**
 * Settings with one resource ID (the same name on the same resource, from different templates)
 * replace each other: only the last one deployed remains, so where they disagree it is undecided.
 */
function lastOneWins(members: Coverage[], name: string, wanted: Wanted): Coverage {
  const combined = union(members, wanted);
  for (const category of wanted.categories) {
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
 * The loops of unknown count a setting is in that may run zero times while the resource exists:
 * all of them, except those counted by the same unknowns as a loop around the resource.
 */
function loopsThatMayBeEmpty(setting: ResourceInstance, target: ResourceInstance | undefined): Origin[] {
  const targetLoops = new Set(target ? unknownLoops(target).map((l) => l.decidedBy).filter((d) => d !== '') : []);
  return unknownLoops(setting).filter((l) => !targetLoops.has(l.decidedBy)).flatMap((l) => l.origins);
}

/** The union of what every diagnostic setting on the resource enables, with how sure it is. */
export function settingsCoverage(targeting: readonly TargetingSetting[], wanted: Wanted, target?: ResourceInstance): Coverage {
  const byId = new Map<string, TargetingSetting[]>();
  for (const t of targeting) {
    const key = resourceIdKey(t.setting.id);
    const sameId = byId.get(key);
    if (sameId) sameId.push(t);
    else byId.set(key, [t]);
  }
  const groups = [...byId.values()].map((group) =>
    group.length === 1
      ? coverageOf(group[0]!, wanted, target)
      : lastOneWins(
          group.map((t) => coverageOf(t, wanted, target)),
          settingName(group[0]!.setting),
          wanted,
        ),
  );
  return union([emptyCoverage([], wanted), ...groups], wanted);
}

/** What one diagnostic setting enables. */
function coverageOf(targeting: TargetingSetting, wanted: Wanted, target: ResourceInstance | undefined): Coverage {
  const coverage = emptyCoverage([targeting.setting], wanted);
  const offer = (category: string, certainty: Certainty, place: SettingPlace, origins: Origin[]) => {
    const current = coverage.byCategory[category]!;
    if (RANK[certainty] > RANK[current.certainty]) {
      coverage.byCategory[category] = { certainty, place, origins };
    } else if (certainty === 'maybe' && current.certainty === 'maybe') {
      current.origins.push(...origins);
    }
  };
  const { setting, match } = targeting;
  const properties = setting.body.properties ?? null;
  const emptyLoops = loopsThatMayBeEmpty(setting, target);
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
    ...(match === 'maybe' ? [...originsOf(setting.scope ?? null), ...originsOf(target?.id ?? null)] : []),
    ...(isSymbolic(properties) ? originsOf(properties) : []),
    ...emptyLoops,
  ];
  if (isSymbolic(logs)) {
    for (const category of wanted.categories) {
      offer(category, 'maybe', { setting, path: ['properties', 'logs'] }, [...settingOrigins, ...originsOf(logs)]);
    }
    return coverage;
  }
  if (!Array.isArray(logs)) return coverage;
  logs.forEach((entry, i) => {
    const path = ['properties', 'logs', i];
    const covered = entryCovers(entry, wanted);
    if (covered.unknown) coverage.unknownCategories.push({ setting, path: [...path, covered.unknown.kind], ...covered.unknown });
    const certainty = both(settingCertainty, both(destination, covered.certainty));
    const origins = [...settingOrigins, ...originsOf(entry)];
    for (const category of covered.categories) {
      offer(category, certainty, { setting, path }, origins);
      const current = coverage.byCategory[category]!;
      if (certainty === 'no' && !current.notEnabledAt) {
        current.notEnabledAt = { setting, path: isValueObject(entry) && 'enabled' in entry ? [...path, 'enabled'] : path };
      }
    }
  });
  return coverage;
}
