import type { Locator } from '../locate/locator';
import { locateRemedy } from '../locate/locate-remedy';
import { directiveBefore, sourceLines, suppressionBy, unknownNames, type Directive } from '../locate/suppressions';
import type { RuleSetting } from '../config/load-config';
import { LEVEL_ORDER, type Evaluation, type Finding, type FindingInstance, type FindingKind, type FindingLevel } from '../rules/finding';
import { RULES } from '../rules/index';
import { formatMessage, type Rule } from '../rules/rule';
import { unknownDirectiveNameFinding } from './problem-findings';
import type { Expansion, ResourceInstance } from '../template/expand/instance';
import { scopeType } from '../rules/scope-instance';

function levelFor(kind: FindingKind, configured: FindingLevel): FindingLevel {
  // A review is at most a warning: its outcome is not known to be a failure.
  if (kind === 'fail') return configured;
  return LEVEL_ORDER[configured] < LEVEL_ORDER.warning ? configured : 'warning';
}

/** Which rules an input gets: the levels its config sets, and the rules its config declares. */
export interface RuleSelection {
  settings: ReadonlyMap<string, RuleSetting>;
  declared: readonly Rule[];
}

export const DEFAULT_RULES: RuleSelection = { settings: new Map(), declared: [] };

function hasAny(present: ReadonlySet<string>, wanted: ReadonlySet<string>): boolean {
  for (const type of wanted) if (present.has(type)) return true;
  return false;
}

function findingInstance(instance: ResourceInstance): FindingInstance {
  return {
    type: instance.type,
    name: instance.name,
    id: instance.id,
    symbolicName: instance.symbolicName,
    deploymentChain: instance.deploymentChain.map((l) => l.symbolicName),
  };
}

/** What the rules found, and each resource each rule judged. */
export interface RuleRun {
  findings: Finding[];
  evaluations: Evaluation[];
}

/**
 * Runs every rule that is not off on the instances and places each report in the user's files; a
 * directive on the line before suppresses it, and names in it that are no rule are reported once.
 */
export function ruleFindings(
  { instances, deployments }: Pick<Expansion, 'instances' | 'deployments'>,
  locator: Locator,
  selection: RuleSelection = DEFAULT_RULES,
): RuleRun {
  const findings: Finding[] = [];
  const evaluations: Evaluation[] = [];
  const directives = new Map<string, Directive>();
  // A loop of 800 registries gives 800 findings in one file: read it once.
  const linesOf = sourceLines();
  const rules = [...RULES, ...selection.declared];
  const types = new Set([...instances.map((i) => i.type), ...deployments.map((d) => scopeType(d.scope))].map((t) => t.toLowerCase()));
  for (const rule of rules) {
    const setting = selection.settings.get(rule.id) ?? rule.meta.level;
    if (setting === 'off') continue;
    // Most rules judge types a deployment does not have: asking them costs more than this test.
    if (rule.triggers && !hasAny(types, rule.triggers)) continue;
    const evaluated = (instance: ResourceInstance) => evaluations.push({ ruleId: rule.id, instance: findingInstance(instance), location: locator.locate({ instance }) });
    for (const report of rule.check({ instances, deployments, describeSpan: (span) => locator.describeSpan(span), evaluated })) {
      const location = locator.locate(report.at);
      const relatedLocations = [
        ...report.related.map((r) => ({ location: locator.locate(r), message: r.message })),
        ...locator.moduleChain(report.subject),
      ];
      const finding: Finding = {
        ruleId: rule.id,
        level: levelFor(report.kind, setting),
        kind: report.kind,
        message: formatMessage(rule.meta.messages[report.messageId]!, report.data),
        location,
        relatedLocations,
        instance: findingInstance(report.subject),
        ...(report.remedy ? { remedy: locateRemedy(report.remedy, locator) } : {}),
      };
      // The line of the finding, then each array item around it, innermost first: both directive forms, the same way.
      for (const place of [location, ...locator.itemsAround(report.at).reverse()]) {
        const directive = directiveBefore(place, linesOf);
        if (!directive) continue;
        directives.set(`${place.file}:${place.range.start.line}`, directive);
        const suppression = suppressionBy(directive, rule, selection.declared);
        if (suppression) {
          finding.suppression = suppression;
          break;
        }
      }
      findings.push(finding);
    }
  }
  return {
    findings: [...findings, ...[...directives.values()].flatMap((d) => unknownNames(d, selection.declared)).map((name) => unknownDirectiveNameFinding(name, selection.declared))],
    evaluations,
  };
}
