import { PROBLEM_RULES } from '../analyze/problem-findings';
import { LEVEL_ORDER, type Finding, type FindingLevel } from '../rules/finding';
import { webUrlOf } from '../package-info';
import { docsUrlOf } from '../rules/docs';
import type { ReportContext } from './report-context';

/** What a report says about a rule id: one of our rules, one of the tool's own checks, or a Bicep diagnostic. */
export interface RuleDescription {
  title: string;
  description: string;
  level: FindingLevel;
  helpUri: string;
  help?: string;
  tags: readonly string[];
  aliases: readonly string[];
  securitySeverity?: string;
}

const BICEP_DOCS = 'https://learn.microsoft.com/azure/azure-resource-manager/bicep';

/** A Bicep diagnostic has no fixed level (the user's bicepconfig.json sets it): it takes its results' highest level. */
function bicepDiagnostic(id: string, findings: readonly Finding[]): RuleDescription {
  const compiler = /^BCP\d+$/i.test(id);
  const level = findings.map((f) => f.level).reduce<FindingLevel | undefined>((top, l) => (top && LEVEL_ORDER[top] >= LEVEL_ORDER[l] ? top : l), undefined);
  return {
    title: `Bicep ${compiler ? 'compiler diagnostic' : 'linter rule'} ${id}`,
    description: `The Bicep CLI reported ${id} while compiling the file.`,
    level: level ?? 'error',
    helpUri:
      findings.find((f) => f.helpUri !== undefined)?.helpUri ??
      (compiler ? `${BICEP_DOCS}/diagnostics/${id.toLowerCase()}` : `${BICEP_DOCS}/linter-rule-${id}`),
    tags: ['bicep'],
    aliases: [],
  };
}

/** `findings`: the results with this id, for what only they can tell (a Bicep diagnostic's level and link). */
export function describeRule(id: string, context: ReportContext, findings: readonly Finding[] = []): RuleDescription {
  const rule = context.rules.get(id);
  if (rule) {
    const { meta } = rule;
    return {
      title: meta.title,
      description: meta.description,
      level: meta.level,
      helpUri: docsUrlOf(meta),
      ...(rule.help === undefined ? {} : { help: rule.help }),
      tags: meta.tags,
      aliases: meta.aliases,
      securitySeverity: meta.securitySeverity,
    };
  }
  const problem = PROBLEM_RULES[id];
  if (problem) {
    return { ...problem, level: 'error', helpUri: webUrlOf('README.md#what-the-tool-itself-reports'), tags: ['bicep-audit'], aliases: [] };
  }
  return bicepDiagnostic(id, findings);
}
