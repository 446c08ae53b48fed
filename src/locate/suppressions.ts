import fs from 'node:fs';
import type { SourceLocation, Suppression } from '../rules/finding';
import { findRule } from '../rules/index';
import type { Rule } from '../rules/rule';

/**
 * The two directives; their groups are the text before the names, the names and the reason.
 * Bicep's own `#disable-next-line <codes>` (codes are letters, digits, `-` and `_`, so of a rule's
 * names only an alias like `AZR-000535` compiles; a `// comment` may follow and is the
 * justification), and bicep-audit's, written as ESLint's:
 * `// bicep-audit-disable-next-line <rule id or alias>[, <more>] -- <reason>`.
 */
const FORMS: readonly [Directive['form'], RegExp][] = [
  ['bicep', /^(\s*#disable-next-line\s)(.*?)(?:\/\/(.*))?$/],
  ['own', /^(\s*\/\/\s*bicep-audit-disable-next-line\s)(.*?)(?:\s-{2,}(?:\s(.*))?)?$/],
];

export interface DirectiveName {
  text: string;
  location: SourceLocation;
}

export interface Directive {
  /** `bicep`: its codes may be Bicep linter rules as well; `own`: every name must be a rule id or alias. */
  form: 'bicep' | 'own';
  names: DirectiveName[];
  justification?: string;
}

/** A file's lines, read once per file by whoever looks for many directives. */
export function sourceLines(): (file: string) => readonly string[] {
  const read = new Map<string, readonly string[]>();
  return (file) => {
    let lines = read.get(file);
    if (!lines) read.set(file, (lines = fs.readFileSync(file, 'utf8').split(/\r?\n/)));
    return lines;
  };
}

/** The directive on the line before a location in a Bicep file, if there is one. */
export function directiveBefore(location: SourceLocation, linesOf: (file: string) => readonly string[] = sourceLines()): Directive | undefined {
  const line = location.range.start.line - 1;
  if (!location.file.toLowerCase().endsWith('.bicep') || line < 0) return undefined;
  const text = linesOf(location.file)[line] ?? '';
  for (const [form, pattern] of FORMS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const start = match[1]!.length;
    const names = [...match[2]!.matchAll(/[^\s,]+/g)].map((m) => {
      const character = start + m.index!;
      return { text: m[0], location: { file: location.file, range: { start: { line, character }, end: { line, character: character + m[0].length } } } };
    });
    const justification = match[3]?.trim();
    return { form, names, ...(justification ? { justification } : {}) };
  }
  return undefined;
}

/** The suppression a directive makes for a rule: when it names the rule by its id or an alias, in any letter case. */
export function suppressionBy(directive: Directive, rule: Rule, declared: readonly Rule[] = []): Suppression | undefined {
  if (!directive.names.some((n) => findRule(n.text, declared)?.id === rule.id)) return undefined;
  return { kind: 'inSource', ...(directive.justification ? { justification: directive.justification } : {}) };
}

/** The names in a bicep-audit directive that are no rule's id or alias (a typo suppresses nothing). */
export function unknownNames(directive: Directive, declared: readonly Rule[] = []): DirectiveName[] {
  return directive.form === 'own' ? directive.names.filter((n) => !findRule(n.text, declared)) : [];
}
