import type { ResourceInstance } from '../template/expand/instance';
import { resourceIdKey } from '../template/expand/resource-ids';
import { mergeOrigins } from '../template/expressions/symbolic';
import { COVERING_GROUPS, REQUIRED_CATEGORIES, registryCoverage, type RegistryCoverage, type SettingPlace } from './acr/coverage';
import { describeInstance, describeOrigin } from './acr/describe-instance';
import { closestName } from './acr/suggest';
import { defineRule, type InstancePlace, type RuleContext, type RuleReport } from './rule';

const REGISTRY_TYPE = 'microsoft.containerregistry/registries';
const SETTING_TYPE = 'microsoft.insights/diagnosticsettings';

type MessageId = 'noSettings' | 'noDestination' | 'missingCategories' | 'undecided';

const isType = (instance: ResourceInstance, type: string) => instance.type.toLowerCase() === type;

function settingsOf(registry: ResourceInstance, settings: readonly ResourceInstance[]): ResourceInstance[] {
  const key = resourceIdKey(registry.id);
  return settings.filter((s) => s.scope !== undefined && resourceIdKey(s.scope) === key);
}

function settingName(setting: ResourceInstance): string {
  return typeof setting.name === 'string' ? `'${setting.name}'` : `'${setting.symbolicName}'`;
}

function place(p: SettingPlace): InstancePlace {
  return { instance: p.setting, path: p.path };
}

function related(registry: ResourceInstance, deployed: readonly ResourceInstance[], notDeployed: readonly ResourceInstance[]) {
  return [
    { instance: registry, message: `registry ${describeInstance(registry)}` },
    ...deployed.map((s) => ({ instance: s, message: `diagnostic setting ${settingName(s)}` })),
    ...notDeployed.map((s) => ({ instance: s, message: `diagnostic setting ${settingName(s)}, whose condition is false` })),
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

function judge(registry: ResourceInstance, targeting: readonly ResourceInstance[], context: RuleContext): RuleReport<MessageId> | undefined {
  const deployed = targeting.filter((s) => s.condition !== false);
  const coverage = registryCoverage(deployed);
  const registryText = describeInstance(registry);
  const relatedPlaces = related(registry, deployed, targeting.filter((s) => s.condition === false));
  if (coverage.settings.length === 0) {
    return { kind: 'fail', messageId: 'noSettings', data: { registry: registryText }, subject: registry, at: { instance: registry }, related: relatedPlaces.slice(1) };
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
    };
  }
  const origins = mergeOrigins(...undecided.map(([, c]) => c.origins));
  const deciders = origins.length > 0 ? origins.map((o) => describeOrigin(o, context.describeSpan)).join('; ') : 'values known only at deployment';
  return {
    kind: 'review',
    messageId: 'undecided',
    data: { registry: registryText, categories: undecided.map(([c]) => c).join(' and '), deciders },
    subject: registry,
    at: place(undecided[0]![1].place!),
    related: relatedPlaces,
  };
}

export const azureAcrLogs = defineRule<MessageId>({
  id: 'Azure.ACR.Logs',
  meta: {
    description:
      'Container registries must export the ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents logs (or the audit or allLogs category group) through a diagnostic setting.',
    docsPath: 'docs/rules/Azure.ACR.Logs.md',
    level: 'error',
    tags: ['security', 'Azure Well-Architected SE:10', 'MCSB LT-4', 'severity Important'],
    aliases: ['Azure.ACR.AuditLogs', 'AZR-000535'],
    messages: {
      noSettings:
        "registry {registry} has no diagnostic setting, so nobody can tell who logged in or pushed and pulled images; add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group",
      noDestination:
        'diagnostic setting {setting} of registry {registry} has no destination, so it exports nothing; set workspaceId, storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId',
      missingCategories:
        "registry {registry} does not export {missing}{hint}; {enable} or the 'audit' category group",
      undecided: 'whether registry {registry} exports {categories} is decided at deployment by {deciders}; check the value it will have',
    },
  },
  check(context) {
    const settings = context.instances.filter((i) => isType(i, SETTING_TYPE) && !i.existing);
    const reports: RuleReport<MessageId>[] = [];
    for (const registry of context.instances) {
      if (!isType(registry, REGISTRY_TYPE) || registry.existing || registry.condition === false) continue;
      const report = judge(registry, settingsOf(registry, settings), context);
      if (report) reports.push(report);
    }
    return reports;
  },
});
