import type { SourceLocation } from '../rules/finding';
import type { LockSuggestion } from '../rules/remedy';
import { identifierOf, type ParsedBicep } from './bicep-syntax';
import { declarationToFollow, freeName, resourceAfter } from './new-resource';
import { toTextEdit, type Planned } from './plan-fix';

const LOCK_TYPE = 'Microsoft.Authorization/locks@2020-05-01';

/** A `CanNotDelete` lock on a resource that has none, declared right after it. */
export function suggestLock(source: ParsedBicep, suggestion: LockSuggestion<SourceLocation>): Planned {
  const found = declarationToFollow(source, suggestion.target, suggestion.noun, 'a lock');
  if ('noFix' in found) return found;
  const { target, condition } = found;
  const symbol = identifierOf(target);
  const { eol, indentUnit: u } = source;
  const base = source.indentOfLineAt(target.startIndex);
  const lines = [
    `resource ${freeName(source, `${symbol}Lock`)} '${LOCK_TYPE}' = ${condition}{`,
    `${u}name: '${symbol}-no-delete'`,
    `${u}scope: ${symbol}`,
    `${u}properties: {`,
    `${u}${u}level: 'CanNotDelete'`,
    `${u}${u}notes: 'Deleting this ${suggestion.noun} deletes everything in it.'`,
    `${u}}`,
    '}',
  ];
  const lock = lines.map((line) => `${base}${line}`).join(eol);
  return {
    fix: {
      kind: 'suggestion',
      description: `add a CanNotDelete lock on ${suggestion.noun} '${symbol}'`,
      edits: [toTextEdit(source, resourceAfter(source, target, lock))],
    },
  };
}
