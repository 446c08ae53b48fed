import fs from 'node:fs';
import path from 'node:path';
import { packageRoot, webUrlOf } from '../package-info';
import type { Rule, RuleMeta } from './rule';

/** Where a config-declared rule's semantics are described: the README's section on declaring them. */
const DECLARED_RULES_DOCS = 'README.md#audit-log-requirements-you-declare';

/** The web page of a rule's docs. */
export function docsUrlOf(meta: RuleMeta): string {
  return webUrlOf(meta.docsPath ?? DECLARED_RULES_DOCS);
}

/** The rule's docs page (Markdown), which is also its help in SARIF and `bicep-audit rules`; made from the declaration for a config's rule. */
export function ruleDocs(rule: Rule): string {
  if (rule.meta.docsPath !== undefined) return fs.readFileSync(path.join(packageRoot, rule.meta.docsPath), 'utf8');
  const { meta } = rule;
  return [
    `# ${rule.id}: ${meta.title}`,
    '',
    `Declared in \`${meta.declaredIn}\` (\`auditLogs\`). Resource types: ${(meta.types ?? []).map((t) => `\`${t}\``).join(', ')}. Default level: \`${meta.level}\`.`,
    '',
    meta.description,
    '',
    `It is judged as the built-in audit-log rules are (settings taken together, conditions, loops, modules, \`existing\` targets, unknown values as reviews): see ${docsUrlOf(meta)}.`,
    '',
  ].join('\n');
}
