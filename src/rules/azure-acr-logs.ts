import type { ResourceInstance } from '../template/expand/instance';
import { isSymbolic, mergeOrigins, originsOf } from '../template/expressions/symbolic';
import type { Origin, Value } from '../template/expressions/value';
import { COVERING_GROUPS, REQUIRED_CATEGORIES, registryCoverage, type RegistryCoverage, type SettingPlace, type TargetingSetting } from './acr/coverage';
import { ScopeIndex } from './acr/scope-match';
import { describeInstance, describeOrigin, describeFalseCondition } from './acr/describe-instance';
import { missingCategoriesRemedy, newSettingRemedy, NO_REMEDY } from './acr/remedies';
import { closestName } from './closest-name';
import { defineRule, formatMessage, type InstancePlace, type RuleContext, type RuleReport } from './rule';

const REGISTRY_TYPE = 'microsoft.containerregistry/registries';
const SETTING_TYPE = 'microsoft.insights/diagnosticsettings';

type MessageId = 'noSettings' | 'settingsNotDeployed' | 'noDestination' | 'missingCategories' | 'undecided' | 'conditionalRegistry';

const isType = (instance: ResourceInstance, type: string) => instance.type.toLowerCase() === type;

function settingName(setting: ResourceInstance): string {
  return typeof setting.name === 'string' ? `'${setting.name}'` : `'${setting.symbolicName}'`;
}

function place(p: SettingPlace): InstancePlace {
  return { instance: p.setting, path: p.path };
}

/** Enough settings to show where to look; a registry targeted by hundreds (a module in a loop) would list them on every finding. */
const MAX_RELATED_SETTINGS = 20;

function related(registry: ResourceInstance, deployed: readonly ResourceInstance[], notDeployed: readonly ResourceInstance[]) {
  const shownNotDeployed = notDeployed.slice(0, Math.max(0, MAX_RELATED_SETTINGS - deployed.length));
  return [
    { instance: registry, message: `registry ${describeInstance(registry)}` },
    ...deployed.slice(0, MAX_RELATED_SETTINGS).map((s) => ({ instance: s, message: `diagnostic setting ${settingName(s)}` })),
    ...shownNotDeployed.map((s) => ({ instance: s, message: `diagnostic setting ${settingName(s)}, whose condition is false` })),
  ];
}

function typoHint(coverage: RegistryCoverage): { hint: string; at?: InstancePlace } {
  for (const unknown of coverage.unknownCategories) {
    const known = unknown.kind === 'category' ? REQUIRED_CATEGORIES : COVERING_GROUPS;
    const suggestion = closestName(unknown.name, known);
    if (suggestion) {
      return {
        hint: ` ('${unknown.name}' is not a container registry log ${unknown.kind === 'category' ? 'category' : 'category group'}; did you mean '${suggestion}'?)`,
        at: place(unknown),
      };
    }
  }
  return { hint: '' };
}

// Registries of one ID share their list of settings (and the loops around them), and so the coverage worked out from it.
const coverages = new WeakMap<readonly TargetingSetting[], RegistryCoverage>();

function coverageOf(targeting: readonly TargetingSetting[], registry: ResourceInstance): RegistryCoverage {
  let coverage = coverages.get(targeting);
  if (!coverage) {
    coverage = registryCoverage(
      targeting.filter((t) => t.setting.condition !== false),
      registry,
    );
    coverages.set(targeting, coverage);
  }
  return coverage;
}

// Registries that share a coverage share what decides it; merging the origins of hundreds of settings once is enough.
const deciderTexts = new WeakMap<RegistryCoverage, Map<string, string>>();

function decidersOf(coverage: RegistryCoverage, categories: readonly (typeof REQUIRED_CATEGORIES)[number][], context: RuleContext): string {
  const texts = deciderTexts.get(coverage) ?? new Map<string, string>();
  deciderTexts.set(coverage, texts);
  const key = categories.join(' ');
  let text = texts.get(key);
  if (text === undefined) {
    text = describeDeciders(mergeOrigins(...categories.map((category) => coverage.byCategory[category].origins)), context);
    texts.set(key, text);
  }
  return text;
}

function judge(registry: ResourceInstance, targeting: readonly TargetingSetting[], context: RuleContext): RuleReport<MessageId> | undefined {
  const deployed = targeting.filter((t) => t.setting.condition !== false).map((t) => t.setting);
  const coverage = coverageOf(targeting, registry);
  const registryText = describeInstance(registry);
  const relatedPlaces = related(
    registry,
    deployed,
    targeting.filter((t) => t.setting.condition === false).map((t) => t.setting),
  );
  if (coverage.settings.length === 0) {
    const at = { instance: registry };
    const notDeployed = [
      ...new Set(
        targeting
          .filter((t) => t.setting.condition === false)
          .map((t) => `diagnostic setting ${settingName(t.setting)} is not, because ${describeFalseCondition(t.setting.falseCondition)}`),
      ),
    ];
    if (notDeployed.length === 0) {
      return { kind: 'fail', messageId: 'noSettings', data: { registry: registryText }, subject: registry, at, related: relatedPlaces.slice(1), remedy: newSettingRemedy(registry) };
    }
    const notDeployedText = notDeployed.join('; ');
    return {
      kind: 'fail',
      messageId: 'settingsNotDeployed',
      data: { registry: registryText, notDeployed: notDeployedText },
      subject: registry,
      at,
      related: relatedPlaces.slice(1),
      remedy: { kind: 'none', reason: NO_REMEDY.settingsNotDeployed },
    };
  }
  const entries = REQUIRED_CATEGORIES.map((category) => [category, coverage.byCategory[category]] as const);
  const missing = entries.filter(([, c]) => c.certainty === 'no').map(([category]) => category);
  const undecided = entries.filter(([, c]) => c.certainty === 'maybe');
  if (missing.length === 0 && undecided.length === 0) return undefined;
  if (missing.length > 0) {
    if (coverage.withoutDestination.length === coverage.settings.length) {
      const setting = coverage.withoutDestination[0]!;
      return {
        kind: 'fail',
        messageId: 'noDestination',
        data: { registry: registryText, setting: settingName(setting) },
        subject: registry,
        at: { instance: setting, path: ['properties'] },
        related: relatedPlaces,
        remedy: { kind: 'none', reason: NO_REMEDY.noDestination },
      };
    }
    const typo = typoHint(coverage);
    const withDestination = coverage.settings.find((s) => !coverage.withoutDestination.includes(s))!;
    const notEnabled = missing.map((c) => coverage.byCategory[c].notEnabledAt).find((p) => p !== undefined);
    return {
      kind: 'fail',
      messageId: 'missingCategories',
      data: {
        registry: registryText,
        missing: missing.join(' or '),
        enable: missing.length === 1 ? 'enable it' : 'enable them',
        hint: typo.hint,
      },
      subject: registry,
      at: typo.at ?? (notEnabled ? place(notEnabled) : { instance: withDestination, path: ['properties', 'logs'] }),
      related: relatedPlaces,
      remedy: missingCategoriesRemedy(coverage, missing, withDestination),
    };
  }
  const deciders = decidersOf(coverage, undecided.map(([category]) => category), context);
  return {
    kind: 'review',
    messageId: 'undecided',
    data: { registry: registryText, categories: undecided.map(([c]) => c).join(' and '), deciders },
    subject: registry,
    at: place(undecided[0]![1].place!),
    related: relatedPlaces,
    remedy: { kind: 'none', reason: NO_REMEDY.undecided },
  };
}

/**
 * The unknowns that decide an outcome, in words. The subscription and resource group are left out
 * when something else is named: they are the same on both sides of any comparison of IDs.
 */
function describeDeciders(origins: readonly Origin[], context: RuleContext): string {
  const telling = origins.filter((o) => o.kind !== 'deployment');
  const shown = telling.length > 0 ? telling : origins;
  return shown.length > 0 ? shown.map((o) => describeOrigin(o, context.describeSpan)).join('; ') : 'values known only at deployment';
}

/** A failure of a registry whose own condition is unknown is for a person to review. */
function ifDeployed(registry: ResourceInstance, report: RuleReport<MessageId>, context: RuleContext): RuleReport<MessageId> {
  const deciders = describeDeciders(originsOf(registry.condition as Value), context);
  const problem = formatMessage(azureAcrLogs.meta.messages[report.messageId], report.data);
  return { ...report, kind: 'review', messageId: 'conditionalRegistry', data: { registry: describeInstance(registry), deciders, problem } };
}

export const azureAcrLogs = defineRule<MessageId>({
  id: 'Azure.ACR.Logs',
  meta: {
    title: 'Container registries export their audit logs',
    description:
      'Container registries must export the ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents logs (or the audit or allLogs category group) through a diagnostic setting.',
    docsPath: 'docs/rules/Azure.ACR.Logs.md',
    level: 'error',
    tags: ['security', 'Azure Well-Architected SE:10', 'MCSB LT-4', 'severity Important'],
    securitySeverity: '7.0',
    aliases: ['Azure.ACR.AuditLogs', 'AZR-000535'],
    messages: {
      noSettings:
        "registry {registry} has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group",
      settingsNotDeployed:
        "registry {registry} has no diagnostic setting that is deployed: {notDeployed}, so nobody can tell who logged in or pushed and pulled images; make the condition true or add a setting that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group",
      noDestination:
        'diagnostic setting {setting} of registry {registry} has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId',
      missingCategories:
        "registry {registry} does not export {missing}{hint}; {enable} or the 'audit' category group",
      undecided: 'whether registry {registry} exports {categories} is decided at deployment by {deciders}; settle it in the template or check it before deploying',
      conditionalRegistry: 'whether registry {registry} is deployed is decided at deployment by {deciders}; if it is: {problem}',
    },
  },
  check(context) {
    const settings = new ScopeIndex(
      context.instances.filter((i) => isType(i, SETTING_TYPE) && !i.existing),
      (setting) => setting.scope,
    );
    const reports: RuleReport<MessageId>[] = [];
    for (const registry of context.instances) {
      if (!isType(registry, REGISTRY_TYPE) || registry.existing || registry.condition === false) continue;
      context.evaluated?.(registry);
      const report = judge(registry, settings.matches(registry.id), context);
      if (report) reports.push(isSymbolic(registry.condition) && report.kind === 'fail' ? ifDeployed(registry, report, context) : report);
    }
    return reports;
  },
});
