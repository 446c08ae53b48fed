import type { ResourceInstance } from '../../template/expand/instance';
import { isValueObject } from '../../template/expressions/symbolic';
import type { Value } from '../../template/expressions/value';
import type { Remedy, RemedyStep } from '../remedy';
import type { Coverage, SettingPlace } from './coverage';
import { ANY_GROUP, categoriesToAdd, type AuditLogRequirement, type RequiredCategory } from './requirement';
import { meantBy } from './typos';
import type { AuditTarget } from './targets';

/** The value at a path of a setting's body, if the body spells it out. */
function valueAt(setting: ResourceInstance, path: readonly (string | number)[]): Value | undefined {
  let value: Value | undefined = setting.body;
  for (const segment of path) {
    if (typeof segment === 'number') value = Array.isArray(value) ? value[segment] : undefined;
    else value = isValueObject(value) ? value[segment] : undefined;
  }
  return value;
}

/** Enabling the log entry at `entryPath`: its `enabled` value, or the entry itself when it has none. */
function enableStep(setting: ResourceInstance, entryPath: readonly (string | number)[]): RemedyStep | undefined {
  const entry = valueAt(setting, entryPath);
  if (isValueObject(entry) && entry.enabled === true) return undefined;
  const path = isValueObject(entry) && 'enabled' in entry ? [...entryPath, 'enabled'] : [...entryPath];
  return { kind: 'enable-log-entry', at: { instance: setting, path } };
}

/** The misspelt entry that most likely meant `category` (a misspelt group covers every category). */
function typoFor(coverage: Coverage, category: string, row: AuditLogRequirement) {
  for (const unknown of coverage.unknownCategories) {
    const meant = meantBy(unknown, row)?.meant;
    if (meant !== undefined && (unknown.kind === 'categoryGroup' || meant === category)) return { unknown, meant };
  }
  return undefined;
}

function stepKey(step: RemedyStep): string {
  return JSON.stringify([step.kind, step.at.instance.symbolicName, step.at.instance.jsonPath, step.at.path]);
}

/**
 * What clears a `missingCategories` finding, in the order a person would do it: switch on an entry
 * that names the category but is off, correct a misspelt name that meant it, else add an entry to
 * a setting that has a destination.
 */
export function missingCategoriesRemedy(coverage: Coverage, missing: readonly RequiredCategory[], withDestination: ResourceInstance, row: AuditLogRequirement): Remedy {
  const steps = new Map<string, RemedyStep>();
  const add = (step: RemedyStep | undefined) => step && steps.set(stepKey(step), step);
  const toAdd: string[] = [];
  // Of a choice of categories, the first is the one to add.
  for (const category of categoriesToAdd(missing)) {
    const notEnabled: SettingPlace | undefined = coverage.byCategory[category]!.notEnabledAt;
    const typo = notEnabled ? undefined : typoFor(coverage, category, row);
    if (notEnabled) {
      const entryPath = notEnabled.path.at(-1) === 'enabled' ? notEnabled.path.slice(0, -1) : notEnabled.path;
      add(enableStep(notEnabled.setting, entryPath));
    } else if (typo) {
      const { unknown, meant } = typo;
      add({ kind: 'rename-log-entry', at: { instance: unknown.setting, path: unknown.path }, from: unknown.name, to: meant });
      add(enableStep(unknown.setting, unknown.path.slice(0, -1)));
    } else {
      toAdd.push(category);
    }
  }
  if (toAdd.length > 0 || missing.includes(ANY_GROUP)) {
    add({ kind: 'add-log-entries', at: { instance: withDestination, path: ['properties', 'logs'] }, categories: toAdd, ...groupOf(row) });
  }
  return { kind: 'steps', steps: [...steps.values()] };
}

/** The group a fix adds when the user's config prefers one entry to several: the row's first. */
function groupOf(row: AuditLogRequirement): { group?: string } {
  return row.groups.length > 0 ? { group: row.groups[0]! } : {};
}

// Destinations a new setting can copy as written: each names the whole destination on its own.
const COPIED_DESTINATIONS = ['workspaceId', 'storageAccountId'];

/** The destination of the first deployed setting whose workspace (or storage account) is known in full. */
function knownDestination(instances: readonly ResourceInstance[]): { property: string; value: string } | undefined {
  for (const setting of instances) {
    if (setting.type.toLowerCase() !== 'microsoft.insights/diagnosticsettings' || setting.existing || setting.condition !== true) continue;
    const properties = setting.body.properties;
    if (!isValueObject(properties)) continue;
    const property = COPIED_DESTINATIONS.find((p) => typeof properties[p] === 'string' && properties[p] !== '');
    if (property) return { property, value: properties[property] as string };
  }
  return undefined;
}

/** A scope (a subscription) without any setting: a new one in the entry template, to a destination the deployment already uses where there is one. */
function newScopeSettingRemedy(target: AuditTarget, row: AuditLogRequirement, instances: readonly ResourceInstance[]): Remedy {
  if (target.instance.symbolicName !== '') {
    return { kind: 'none', reason: `${target.description} is deployed by a module: add a diagnostic setting without a scope to that module's template` };
  }
  const destination = knownDestination(instances);
  return {
    kind: 'add-scope-setting',
    target: { instance: target.instance },
    noun: row.noun,
    service: row.service,
    categories: categoriesToAdd(row.categories),
    ...(destination ? { destination } : {}),
  };
}

/** A resource without any setting: a new one is suggested beside its declaration (not for a child the template does not declare). */
export function newSettingRemedy(target: AuditTarget, row: AuditLogRequirement, instances: readonly ResourceInstance[]): Remedy {
  if (target.above) return newScopeSettingRemedy(target, row, instances);
  if (target.declared !== target.instance) {
    return { kind: 'none', reason: `${target.description} is not declared; declare it in the template and add a diagnostic setting on it` };
  }
  return {
    kind: 'add-setting',
    target: { instance: target.instance },
    noun: target.description.slice(0, target.description.indexOf(" '")),
    service: row.service,
    categories: categoriesToAdd(row.categories),
    ...groupOf(row),
  };
}

/** Findings whose fix is a person's decision, with the reason the report gives. */
export const NO_REMEDY = {
  noDestination: 'where the logs should go (a Log Analytics workspace, a storage account or an event hub) is for a person to choose',
  settingsNotDeployed: 'whether the settings should be deployed is for a person to decide: their condition is false',
  undecided: 'the outcome depends on values known only at deployment',
} as const;
