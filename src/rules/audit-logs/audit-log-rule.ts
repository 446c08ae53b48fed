import type { ResourceInstance } from '../../template/expand/instance';
import { isSymbolic, mergeOrigins, originsOf } from '../../template/expressions/symbolic';
import type { Value } from '../../template/expressions/value';
import { defineRule, formatMessage, type InstancePlace, type Rule, type RuleContext, type RuleReport } from '../rule';
import { settingsCoverage, type Coverage, type SettingPlace, type TargetingSetting, type Wanted } from './coverage';
import { boundedList, describeDeciders, describeFalseCondition, MAX_SHOWN, settingName } from './describe-instance';
import { missingCategoriesRemedy, newSettingRemedy, NO_REMEDY } from './remedies';
import { ANY_GROUP, categoryNames, categoryText, joinAnd, type AuditLogRequirement, type RequiredCategory } from './requirement';
import type { AssumedApart, ScopeIndex } from './scope-match';
import { settingsIndex } from './settings-index';
import { auditTargets, type AuditTarget } from './targets';
import { meantBy } from './typos';

type MessageId =
  | 'noSettings'
  | 'settingsNotDeployed'
  | 'noDestination'
  | 'missingCategories'
  | 'undecided'
  | 'conditionalTarget'
  | 'undecidedPrecondition';

function place(p: SettingPlace): InstancePlace {
  return { instance: p.setting, path: p.path };
}

/** Enough settings to show where to look; a resource targeted by hundreds (a module in a loop) would list them on every finding. */
const MAX_RELATED_SETTINGS = 20;

function related(target: AuditTarget, deployed: readonly ResourceInstance[], notDeployed: readonly ResourceInstance[]) {
  const shownNotDeployed = notDeployed.slice(0, Math.max(0, MAX_RELATED_SETTINGS - deployed.length));
  return [
    { instance: target.declared, message: target.description },
    ...deployed.slice(0, MAX_RELATED_SETTINGS).map((s) => ({ instance: s, message: `diagnostic setting ${settingName(s)}` })),
    ...shownNotDeployed.map((s) => ({ instance: s, message: `diagnostic setting ${settingName(s)}, whose condition is false` })),
  ];
}

/** Reads a requirement once: its category names and its messages' fixed parts. */
class Requirement {
  readonly wanted: Wanted;

  constructor(readonly row: AuditLogRequirement) {
    this.wanted = { categories: categoryNames(row), groups: row.groups };
  }

  /** `the 'audit' category group`, or the categories alone for a type without groups. */
  get groupText(): string {
    return this.row.groups.length > 0 ? ` or the '${this.row.groups[0]}' category group` : '';
  }

  /** A hint for a log entry that names what the type does not export: a misspelling of a missing category or of a group, or a group the type lacks. */
  typoHint(coverage: Coverage, target: AuditTarget, missing: readonly string[]): { hint: string; at?: InstancePlace } {
    for (const unknown of coverage.unknownCategories) {
      const meaning = meantBy(unknown, this.row);
      if (meaning?.lackingGroup) {
        const categories = this.row.categories.filter((c) => c !== ANY_GROUP).map((c) => categoryText(c));
        const instead = [...this.row.groups, ...(categories.length > 0 ? [`the categories ${joinAnd(categories)}`] : [])].join(' or ');
        const lacks = this.row.groups.length === 0 ? `no documented category group, so '${meaning.lackingGroup}' exports nothing` : `no '${meaning.lackingGroup}' category group`;
        return { hint: ` (${target.instance.type} has ${lacks}; use ${instead})`, at: place(unknown) };
      }
      // A misspelt category hints only when the category it meant is missing: one that is exported needs no hint.
      if (meaning?.meant === undefined || (unknown.kind === 'category' && !missing.includes(meaning.meant))) continue;
      const what = unknown.kind === 'category' ? 'category' : 'category group';
      return { hint: ` ('${unknown.name}' is not a ${this.row.service} log ${what}; did you mean '${meaning.meant}'?)`, at: place(unknown) };
    }
    return { hint: '' };
  }
}

// Resources of one ID share their list of settings (and the loops around them), and so the coverage worked out from it.
const coverages = new WeakMap<readonly TargetingSetting[], Map<Wanted, Coverage>>();

function coverageOf(targeting: readonly TargetingSetting[], target: ResourceInstance, wanted: Wanted): Coverage {
  const byRule = coverages.get(targeting) ?? new Map<Wanted, Coverage>();
  coverages.set(targeting, byRule);
  let coverage = byRule.get(wanted);
  if (!coverage) {
    coverage = settingsCoverage(
      targeting.filter((t) => t.setting.condition !== false),
      wanted,
      target,
    );
    byRule.set(wanted, coverage);
  }
  return coverage;
}

// Resources that share a coverage share what decides it; merging the origins of hundreds of settings once is enough.
const deciderTexts = new WeakMap<Coverage, Map<string, string>>();

function decidersOf(coverage: Coverage, categories: readonly string[], context: RuleContext): string {
  const texts = deciderTexts.get(coverage) ?? new Map<string, string>();
  deciderTexts.set(coverage, texts);
  const key = categories.join(' ');
  let text = texts.get(key);
  if (text === undefined) {
    text = describeDeciders(mergeOrigins(...categories.map((category) => coverage.byCategory[category]!.origins)), context.describeSpan);
    texts.set(key, text);
  }
  return text;
}

/**
 * Why each setting of a resource is not deployed, settings that share a reason together:
 * `diagnostic settings 'a', 'b', 'c' and 2 more are not, each because its condition is false (...)`.
 */
function notDeployedText(settings: readonly ResourceInstance[]): string | undefined {
  const byReason = new Map<string, Set<string>>();
  for (const setting of settings) {
    const reason = describeFalseCondition(setting.falseCondition);
    const names = byReason.get(reason) ?? new Set<string>();
    byReason.set(reason, names.add(settingName(setting)));
  }
  const reasons = [...byReason].map(([reason, names]) =>
    names.size === 1
      ? `diagnostic setting ${[...names][0]} is not, because ${reason}`
      : `diagnostic settings ${boundedList([...names], MAX_SHOWN, ', ')} are not, each because ${reason}`,
  );
  return reasons.length === 0 ? undefined : boundedList(reasons, MAX_SHOWN);
}

type Apart = { setting: ResourceInstance } & AssumedApart;

/**
 * Which assumption left settings out, and how to change it: ` (diagnostic setting 'audit' of
 * module 'shared' is on a resource of that name in resource group 'shared-rg', taken to be another
 * resource group than the deployment's; if the deployment goes to 'shared-rg', run with --resource-group shared-rg)`.
 */
function assumptionText(apart: readonly Apart[]): string {
  const first = apart[0];
  if (!first) return '';
  const module = first.setting.deploymentChain.at(-1);
  const settings = boundedList(
    apart.map((a) => settingName(a.setting)),
    MAX_SHOWN,
    ', ',
  );
  const which = `diagnostic setting${apart.length > 1 ? 's' : ''} ${settings}${module ? ` of module '${module.symbolicName}'` : ''}`;
  const verb = apart.length > 1 ? 'are' : 'is';
  return ` (${which} ${verb} on a resource of that name in resource group '${first.resourceGroup}', taken to be another resource group than the deployment's; if the deployment goes to '${first.resourceGroup}', run with ${first.option})`;
}

/** Whether two instances are declared in the same template: the same chain of modules, loop instances aside. */
function sameDeployment(a: ResourceInstance, b: ResourceInstance): boolean {
  const chain = (i: ResourceInstance) => i.deploymentChain.map((l) => l.symbolicName).join('/');
  return chain(a) === chain(b);
}

/** How far a required category is covered: the best of its alternatives. */
function requiredCoverage(coverage: Coverage, category: RequiredCategory) {
  const names = typeof category === 'string' ? [category] : category;
  const rank = { no: 0, maybe: 1, yes: 2 } as const;
  return names.map((n) => ({ name: n, ...coverage.byCategory[n]! })).reduce((best, c) => (rank[c.certainty] > rank[best.certainty] ? c : best));
}

function judge(
  requirement: Requirement,
  target: AuditTarget,
  targeting: readonly TargetingSetting[],
  apart: readonly Apart[],
  context: RuleContext,
): RuleReport<MessageId> | undefined {
  const { instance } = target;
  const assumption = assumptionText(apart);
  const deployed = targeting.filter((t) => t.setting.condition !== false).map((t) => t.setting);
  const coverage = coverageOf(targeting, instance, requirement.wanted);
  const relatedPlaces = [
    ...related(
      target,
      deployed,
      targeting.filter((t) => t.setting.condition === false).map((t) => t.setting),
    ),
    ...apart.slice(0, MAX_SHOWN).map((a) => ({ instance: a.setting, message: `diagnostic setting ${settingName(a.setting)}, taken to be in another resource group` })),
  ];
  const subject = instance;
  if (coverage.settings.length === 0) {
    const at = { instance: target.declared };
    // Only settings certain to be on this resource explain its lack of one; a scope that may be any resource does not.
    const notDeployed = notDeployedText(targeting.filter((t) => t.setting.condition === false && t.match === 'yes').map((t) => t.setting));
    if (notDeployed === undefined) {
      return { kind: 'fail', messageId: 'noSettings', data: { target: target.description, assumption }, subject, at, related: relatedPlaces.slice(1), remedy: newSettingRemedy(target, requirement.row, context.instances) };
    }
    return {
      kind: 'fail',
      messageId: 'settingsNotDeployed',
      data: { target: target.description, notDeployed, assumption },
      subject,
      at,
      related: relatedPlaces.slice(1),
      remedy: { kind: 'none', reason: NO_REMEDY.settingsNotDeployed },
    };
  }
  const entries = requirement.row.categories.map((category) => [category, requiredCoverage(coverage, category)] as const);
  const missing = entries.filter(([, c]) => c.certainty === 'no').map(([category]) => category);
  const undecided = entries.filter(([, c]) => c.certainty === 'maybe');
  if (missing.length === 0 && undecided.length === 0) return undefined;
  if (missing.length > 0) {
    if (coverage.withoutDestination.length === coverage.settings.length) {
      const setting = coverage.withoutDestination[0]!;
      return {
        kind: 'fail',
        messageId: 'noDestination',
        data: { target: target.description, setting: settingName(setting) },
        subject,
        at: { instance: setting, path: ['properties'] },
        related: relatedPlaces,
        remedy: { kind: 'none', reason: NO_REMEDY.noDestination },
      };
    }
    const missingNames = missing.flatMap((c) => (typeof c === 'string' ? [c] : [...c]));
    const typo = requirement.typoHint(coverage, target, missingNames);
    const withDestination = coverage.settings.find((s) => !coverage.withoutDestination.includes(s))!;
    const notEnabled = missingNames.map((c) => coverage.byCategory[c]!.notEnabledAt).find((p) => p !== undefined);
    return {
      kind: 'fail',
      messageId: 'missingCategories',
      data: {
        target: target.description,
        missing: missing.map((c) => categoryText(c, requirement.row.groups)).join(' or '),
        enable: missing.length === 1 ? 'enable it' : 'enable them',
        assumption,
        hint: typo.hint,
      },
      subject,
      at: typo.at ?? (notEnabled ? place(notEnabled) : { instance: withDestination, path: ['properties', 'logs'] }),
      related: relatedPlaces,
      remedy: missingCategoriesRemedy(coverage, missing, withDestination, requirement.row),
    };
  }
  const undecidedNames = undecided.map(([, c]) => c.name);
  const deciding = place(undecided[0]![1].place!);
  return {
    kind: 'review',
    messageId: 'undecided',
    data: { target: target.description, categories: undecidedNames.join(' and '), deciders: decidersOf(coverage, undecidedNames, context) },
    subject,
    // A review is about the resource: placed in another module's file, it would be far from it.
    at: sameDeployment(deciding.instance, target.declared) ? deciding : { instance: target.declared },
    related: relatedPlaces,
    remedy: { kind: 'none', reason: NO_REMEDY.undecided },
  };
}

/** Whether a scope above the target that the run deploys (its management group) exports every category its log has, for certain. */
function exportedAbove(row: AuditLogRequirement, target: AuditTarget, settings: ScopeIndex<ResourceInstance>): boolean {
  const inherited = row.inherited;
  if (!inherited) return false;
  const wanted: Wanted = { categories: inherited.categories, groups: [] };
  return (target.above ?? [])
    .filter((above) => above.type.toLowerCase() === inherited.type.toLowerCase())
    .some((above) => {
      const coverage = settingsCoverage(settings.matches(above.id, above.type).filter((t) => t.setting.condition !== false), wanted, above);
      return inherited.categories.every((c) => coverage.byCategory[c]!.certainty === 'yes');
    });
}

/** A failure of a resource that may not be deployed, or may not have the logs, is for a person to review. */
function ifItApplies(rule: Rule<MessageId>, target: AuditTarget, report: RuleReport<MessageId>, context: RuleContext): RuleReport<MessageId> {
  const problem = formatMessage(rule.meta.messages[report.messageId], report.data);
  if (isSymbolic(target.instance.condition)) {
    const deciders = describeDeciders(originsOf(target.instance.condition as Value), context.describeSpan);
    return { ...report, kind: 'review', messageId: 'conditionalTarget', data: { target: target.description, deciders, problem } };
  }
  const deciders = describeDeciders(target.applies.origins, context.describeSpan);
  return { ...report, kind: 'review', messageId: 'undecidedPrecondition', data: { target: target.description, applies: target.applies.text, deciders, problem } };
}

/** The rule a requirement row stands for. */
export function auditLogRule(row: AuditLogRequirement): Rule {
  const requirement = new Requirement(row);
  const onlyGroups = row.categories.length === 1 && row.categories[0] === ANY_GROUP;
  const enables = `enables ${joinAnd(row.categories.map((c) => categoryText(c, row.groups)))}`;
  const addOne = `${enables}${row.groups.length > 0 && !onlyGroups ? `, or the '${row.groups[0]}' category group` : ''}`;
  const rule: Rule<MessageId> = defineRule<MessageId>({
    id: row.id,
    triggers: new Set([...row.types, ...(row.implicitChildren ?? []).map((c) => c.parentType)].map((t) => t.toLowerCase())),
    meta: {
      title: row.title,
      description: row.description,
      ...(row.docsPath === undefined ? {} : { docsPath: row.docsPath }),
      ...(row.declaredIn === undefined ? {} : { declaredIn: row.declaredIn }),
      level: row.level,
      tags: row.tags,
      securitySeverity: row.securitySeverity,
      aliases: row.aliases,
      types: row.types,
      messages: {
        noSettings: `{target} has no diagnostic setting{assumption}, so ${row.consequence}; add one that ${addOne}`,
        settingsNotDeployed: `{target} has no diagnostic setting that is deployed: {notDeployed}{assumption}, so ${row.consequence}; make the condition true or add a setting that ${addOne}`,
        noDestination:
          'diagnostic setting {setting} of {target} has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId',
        missingCategories: `{target} does not export {missing}{hint}{assumption}; {enable}${onlyGroups ? '' : requirement.groupText}`,
        undecided: 'whether {target} exports {categories} is decided at deployment by {deciders}; settle it in the template or check it before deploying',
        conditionalTarget: 'whether {target} is deployed is decided at deployment by {deciders}; if it is: {problem}',
        undecidedPrecondition: 'whether {target} {applies} is decided at deployment by {deciders}; if it is: {problem}',
      },
    },
    check(context) {
      const targets = auditTargets(context, row);
      if (targets.length === 0) return [];
      const settings = settingsIndex(context.instances);
      const reports: RuleReport<MessageId>[] = [];
      for (const target of targets) {
        context.evaluated?.(target.instance);
        const { id, type } = target.instance;
        const report = judge(requirement, target, settings.matches(id, type), settings.assumedApart(id, type), context);
        if (!report || exportedAbove(row, target, settings)) continue;
        const uncertain = isSymbolic(target.instance.condition) || target.applies.certainty === 'maybe';
        reports.push(uncertain && report.kind === 'fail' ? ifItApplies(rule, target, report, context) : report);
      }
      return reports;
    },
  });
  return rule as Rule;
}
