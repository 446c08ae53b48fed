/**
 * How ARM orders text. Keys of an object (`items()`, `objectKeys()`) are sorted ordinally,
 * ignoring case; string comparisons (`less`, `greater`, `<` in a `sort` lambda) follow the
 * invariant culture, where `'a' < 'B'`, `'_' < '1' < 'a'` and, in one letter case, lower comes first.
 */
const culture = new Intl.Collator('und', { sensitivity: 'variant' });

const ordinal = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function compareKeys(a: string, b: string): number {
  return ordinal(a.toUpperCase(), b.toUpperCase()) || ordinal(a, b);
}

export function compareText(a: string, b: string): number {
  return culture.compare(a, b) || ordinal(a, b);
}

/**
 * Upper or lower case one character at a time, as the invariant culture does: a character whose
 * case mapping is more than one character (`ß` → `SS`) stays as it is.
 */
export function changeCase(text: string, upper: boolean): string {
  let changed = '';
  for (const ch of text) {
    const mapped = upper ? ch.toUpperCase() : ch.toLowerCase();
    changed += [...mapped].length === 1 ? mapped : ch;
  }
  return changed;
}
