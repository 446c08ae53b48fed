import type { Locator } from '../locate/locator';
import { isSuppressed } from '../locate/suppressions';
import type { Finding } from '../rules/finding';
import { RULES } from '../rules/index';
import { formatMessage } from '../rules/rule';
import type { ResourceInstance } from '../template/expand/instance';

/** Runs every rule on the instances and places each report in the user's files. */
export function ruleFindings(instances: readonly ResourceInstance[], locator: Locator): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    for (const report of rule.check({ instances, describeSpan: (span) => locator.describeSpan(span) })) {
      const location = locator.locate(report.at);
      const relatedLocations = [
        ...report.related.map((r) => ({ location: locator.locate(r), message: r.message })),
        ...locator.moduleChain(report.subject),
      ];
      const finding: Finding = {
        ruleId: rule.id,
        level: report.kind === 'review' ? 'warning' : rule.meta.level,
        kind: report.kind,
        message: formatMessage(rule.meta.messages[report.messageId]!, report.data),
        location,
        relatedLocations,
        instance: {
          type: report.subject.type,
          name: report.subject.name,
          id: report.subject.id,
          symbolicName: report.subject.symbolicName,
          deploymentChain: report.subject.deploymentChain.map((l) => l.symbolicName),
        },
      };
      if (isSuppressed(location, rule)) finding.suppression = { kind: 'inSource' };
      findings.push(finding);
    }
  }
  return findings;
}
