import { isLambda, isSymbolic, keyOf, mergeOrigins, originsOf, typeOfValue } from './symbolic';
import { Symbolic, type Value } from './value';

/**
 * ARM's `equals`, three-valued: true or false when decidable, otherwise an unknown bool. Known
 * values compare as JSON (strings case-sensitively); unknowns with equal keys are equal; some
 * unknowns are provably different (a different type, or literal text that cannot match).
 */
export function sameValue(a: Value, b: Value): boolean | Symbolic {
  const decided = compare(a, b);
  if (decided !== undefined) return decided;
  const [first, second] = keyOf(a) <= keyOf(b) ? [a, b] : [b, a];
  const origins = mergeOrigins(originsOf(first), originsOf(second));
  return new Symbolic(`equals(${keyOf(first)}, ${keyOf(second)})`, 'bool', origins);
}

/** true, false, or undefined when it depends on something unknown. */
function compare(a: Value, b: Value): boolean | undefined {
  if (isSymbolic(a) || isSymbolic(b) || isLambda(a) || isLambda(b)) {
    if (keyOf(a) === keyOf(b)) return true;
    return provablyDifferent(a, b) ? false : undefined;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return all(a.map((item, i) => () => compare(item, b[i]!)));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length || !keys.every((k) => Object.prototype.hasOwnProperty.call(b, k))) return false;
  return all(keys.map((k) => () => compare(a[k]!, b[k]!)));
}

/** false as soon as one comparison is false; undefined if any is undecided; otherwise true. */
function all(comparisons: (() => boolean | undefined)[]): boolean | undefined {
  let undecided = false;
  for (const comparison of comparisons) {
    const result = comparison();
    if (result === false) return false;
    if (result === undefined) undecided = true;
  }
  return undecided ? undefined : true;
}

function provablyDifferent(a: Value, b: Value): boolean {
  if (a === null || b === null) return false;
  const [typeA, typeB] = [typeOfValue(a), typeOfValue(b)];
  if (typeA !== 'any' && typeB !== 'any' && typeA !== typeB) return true;
  const [textA, textB] = [literalEnds(a), literalEnds(b)];
  if (!textA || !textB) return false;
  const starts = compatible(textA.prefix, textB.prefix, (x, y) => x.startsWith(y));
  return !starts || !compatible(textA.suffix, textB.suffix, (x, y) => x.endsWith(y));
}

/** Two known beginnings (or endings) can belong to one string only if one extends the other. */
function compatible(x: string, y: string, extends_: (longer: string, shorter: string) => boolean): boolean {
  return x.length >= y.length ? extends_(x, y) : extends_(y, x);
}

/** The literal text a string value certainly starts and ends with. */
function literalEnds(value: Value): { prefix: string; suffix: string } | undefined {
  if (typeof value === 'string') return { prefix: value, suffix: value };
  if (!isSymbolic(value) || !value.parts) return undefined;
  const first = value.parts[0];
  const last = value.parts[value.parts.length - 1];
  return { prefix: typeof first === 'string' ? first : '', suffix: typeof last === 'string' ? last : '' };
}
