import fs from 'node:fs';
import type { SourceLocation } from '../rules/finding';
import type { Rule } from '../rules/rule';

const DIRECTIVE = /^\s*#disable-next-line\s+(.+)$/;

/**
 * Bicep's own directive on the line before a finding, `#disable-next-line <codes>`, naming the
 * rule by its id or an alias, suppresses it. Only Bicep sources have the directive.
 */
export function isSuppressed(location: SourceLocation, rule: Rule): boolean {
  if (!location.file.toLowerCase().endsWith('.bicep') || location.range.start.line === 0) return false;
  const lines = fs.readFileSync(location.file, 'utf8').split(/\r?\n/);
  const match = DIRECTIVE.exec(lines[location.range.start.line - 1] ?? '');
  if (!match) return false;
  const names = new Set([rule.id, ...rule.meta.aliases].map((n) => n.toLowerCase()));
  return match[1]!.split(/\s+/).some((code) => names.has(code.toLowerCase()));
}
