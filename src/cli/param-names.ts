import type { InputResult } from '../rules/finding';
import { closestName } from '../rules/closest-name';

/** How many declared names a message lists. */
const LISTED = 20;

/**
 * Why a `--param` name is wrong, when no entry of the run declares it: `az deployment` rejects an
 * undeclared parameter, and a misspelt one would leave the value it was meant to set unknown. An
 * entry that does not declare a name another entry declares ignores it, so that one `--param`
 * serves a folder of entries. Said only when every entry was analysed: one that was not may
 * declare it.
 */
export function undeclaredParameter(names: Iterable<string>, results: readonly InputResult[]): string | undefined {
  if (results.length === 0 || results.some((r) => r.declaredParameters === undefined)) return undefined;
  const declared = [...new Set(results.flatMap((r) => r.declaredParameters!))].sort((a, b) => a.localeCompare(b));
  const known = new Set(declared.map((d) => d.toLowerCase()));
  for (const name of names) {
    if (known.has(name.toLowerCase())) continue;
    const closest = closestName(name, declared);
    const entries = results.length === 1 ? 'the template' : `none of the ${results.length} entry templates`;
    const listed = declared.length === 0
      ? 'it declares no parameters'
      : `declared: ${declared.slice(0, LISTED).join(', ')}${declared.length > LISTED ? ` and ${declared.length - LISTED} more` : ''}`;
    return `--param ${name}: ${entries} ${results.length === 1 ? 'does not declare' : 'declares'} a parameter of that name${closest ? ` (did you mean '${closest}'?)` : ''}; ${listed}`;
  }
  return undefined;
}
