import type { SourceLocation } from '../rules/finding';
import { declarationObject, identifierOf, syntaxChildren, type ParsedBicep, type SyntaxNode } from './bicep-syntax';
import type { OffsetEdit } from './layout';
import { enclosingLoop, whyNotWrittenOut } from './source-reasons';

/** A name like `wanted` that nothing at the top of the file uses yet. */
export function freeName(source: ParsedBicep, wanted: string): string {
  const taken = source.topLevelNames();
  let name = wanted;
  for (let n = 2; taken.has(name); n += 1) name = `${wanted}${n}`;
  return name;
}

/**
 * The declaration a new resource for it goes after, and the condition the new one shares (`if
 * (...) `, or ''); or why a person must write it: the declaration is in a loop or inside another.
 */
export function declarationToFollow(source: ParsedBicep, at: SourceLocation, noun: string, what: string): { target: SyntaxNode; condition: string } | { noFix: string } {
  const target = source.nodeAt(at.range);
  if (!target || target.type !== 'resource_declaration') {
    return { noFix: target ? whyNotWrittenOut(source, target) : 'the place the finding names is not where the source was read; run bicep-audit again' };
  }
  if (enclosingLoop(target) || !declarationObject(target)) {
    return { noFix: `${noun} '${identifierOf(target)}' is declared in a loop; ${what} for each instance is for a person to write` };
  }
  if (target.parent?.type !== 'infrastructure') return { noFix: `${noun} '${identifierOf(target)}' is declared inside another resource` };
  const value = syntaxChildren(target).at(-1)!;
  return { target, condition: value.type === 'if_statement' ? `if ${syntaxChildren(value)[0]!.text} ` : '' };
}

/** Inserts a resource's text after a declaration, a blank line between. */
export function resourceAfter(source: ParsedBicep, target: SyntaxNode, resource: string): OffsetEdit {
  const at = target.endIndex;
  return { start: at, end: at, newText: `${source.eol}${source.eol}${resource}` };
}
