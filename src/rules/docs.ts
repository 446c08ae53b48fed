import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../package-info';
import type { ReportedRule } from '../report/report-context';
import type { Rule } from './rule';

/** The rule's docs page (Markdown), which is also its help in SARIF and `bicep-audit rules`. */
export function ruleDocs(rule: Rule): string {
  return fs.readFileSync(path.join(packageRoot, rule.meta.docsPath), 'utf8');
}

export function reportedRules(rules: readonly Rule[]): Map<string, ReportedRule> {
  return new Map(rules.map((rule) => [rule.id, { meta: rule.meta, help: ruleDocs(rule) }]));
}
