import { ExpressionError, FunctionError } from './errors';
import { armString } from './stringify';
import { Symbolic, type JsonValue, type LambdaValue, type Origin, type SymbolicType, type Value, type ValueObject } from './value';

export function isSymbolic(value: unknown): value is Symbolic {
  return value instanceof Symbolic;
}

export function isLambda(value: unknown): value is LambdaValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'lambda' &&
    typeof (value as { apply?: unknown }).apply === 'function'
  );
}

/** A known object (its members may still be symbolic). */
export function isValueObject(value: unknown): value is ValueObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isSymbolic(value) && !isLambda(value);
}

/** The static type of any value, as a symbolic value would declare it; null is `any`. */
export function typeOfValue(value: Value): SymbolicType {
  if (value === null || isLambda(value)) return 'any';
  if (isSymbolic(value)) return value.type;
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'object') return 'object';
  return typeof value === 'string' ? 'string' : 'number';
}

/** A string literal as ARM writes it: in single quotes, a quote doubled. */
export function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The canonical text of a value: a symbolic value's key, or ARM-like source for known values (object keys sorted). */
export function keyOf(value: Value): string {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return quote(value);
  if (isSymbolic(value)) return value.key;
  if (Array.isArray(value)) return `[${value.map(keyOf).join(', ')}]`;
  if (isLambda(value)) return lambdaSummary(value).key;
  const members = Object.keys(value)
    .sort()
    .map((key) => `${quote(key)}: ${keyOf(value[key]!)}`);
  return `{${members.join(', ')}}`;
}

const lambdaSummaries = new WeakMap<LambdaValue, { key: string; origins: Origin[] }>();

/** A lambda is known by what its body gives for placeholder arguments, so equal lambdas get equal keys. */
function lambdaSummary(lambda: LambdaValue): { key: string; origins: Origin[] } {
  let summary = lambdaSummaries.get(lambda);
  if (!summary) {
    const placeholders = lambda.parameters.map((p) => new Symbolic(`lambdaVariables(${quote(p)})`, 'any', []));
    let body: string;
    let origins: Origin[] = [];
    try {
      const value = lambda.apply(placeholders);
      body = keyOf(value);
      origins = originsOf(value);
    } catch (error) {
      // Keyed outside an evaluation (a resource name that is a lambda), a failing body must not escape.
      if (!(error instanceof ExpressionError || error instanceof FunctionError)) throw error;
      body = `error(${quote(error.message)})`;
    }
    summary = { key: `lambda(${[...lambda.parameters.map(quote), body].join(', ')})`, origins };
    lambdaSummaries.set(lambda, summary);
  }
  return summary;
}

/**
 * A value computed by `name` from `args` that cannot be known before deployment. Its key is
 * `name(<keys of args>)`, or just `name` when there are no arguments (so `name` may itself be
 * `utcNow()` or `parameters('x')`). Its origins are `origins` plus those inside the arguments.
 */
// The key of a value whose expression failed to evaluate (and of values made from it): `unevaluated:<json path>`.
const UNEVALUATED = 'unevaluated:';

/** The stand-in for a value whose expression failed, unique to where it is in the template. */
export function unevaluatedValue(path: readonly (string | number)[], type: SymbolicType, origins: readonly Origin[]): Symbolic {
  return opaque(`${UNEVALUATED}${path.join('.')}`, [], type, origins);
}

/** Whether a value comes from an expression that failed to evaluate. */
export function isUnevaluated(value: Symbolic): boolean {
  return value.key.startsWith(UNEVALUATED);
}

export function opaque(name: string, args: readonly Value[], type: SymbolicType, origins: readonly Origin[] = []): Symbolic {
  const key = args.length === 0 ? name : `${name}(${args.map(keyOf).join(', ')})`;
  return new Symbolic(key, type, mergeOrigins(origins, ...args.map(originsOf)));
}

/**
 * A string made of the given parts, known ones written as format() and concat() would write
 * them. Adjacent literals merge and nested texts flatten, so a string's key depends only on what
 * it is made of, not on how it was built: `concat('a', x)` and `format('a{0}', x)` are equal.
 */
export function text(parts: readonly Value[]): string | Symbolic {
  const flat: (string | Symbolic)[] = [];
  const push = (part: string | Symbolic): void => {
    if (part === '') return;
    const last = flat[flat.length - 1];
    if (typeof part === 'string' && typeof last === 'string') flat[flat.length - 1] = last + part;
    else flat.push(part);
  };
  for (const part of parts) {
    if (isSymbolic(part)) (part.parts ?? [part]).forEach(push);
    else {
      const json = toJsonOrUndefined(part);
      push(json === undefined ? opaque('string', [part], 'string') : armString(json));
    }
  }
  if (flat.every((p): p is string => typeof p === 'string')) return flat.join('');
  const only = flat.length === 1 ? (flat[0] as Symbolic) : undefined;
  if (only && (only.type === 'string' || only.type === 'any')) return only;
  const key = `concat(${flat.map((p) => (typeof p === 'string' ? quote(p) : p.key)).join(', ')})`;
  const origins = mergeOrigins(...flat.map((p) => (typeof p === 'string' ? [] : p.origins)));
  return new Symbolic(key, 'string', origins, flat);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `target.name` of an unknown object. */
export function symbolicProperty(target: Symbolic, name: string): Symbolic {
  const key = IDENTIFIER.test(name) ? `${target.key}.${name}` : `${target.key}[${quote(name)}]`;
  return new Symbolic(key, 'any', target.origins);
}

/** `target[index]` where the target or the index is unknown. */
export function symbolicIndex(target: Value, index: Value): Symbolic {
  if (isSymbolic(target) && typeof index === 'string') return symbolicProperty(target, index);
  return new Symbolic(`${keyOf(target)}[${keyOf(index)}]`, 'any', mergeOrigins(originsOf(target), originsOf(index)));
}

// Origins are shared by the values built from them, so each one's id is worked out once.
const originIds = new WeakMap<Origin, string>();

function originId(origin: Origin): string {
  let id = originIds.get(origin);
  if (id === undefined) {
    const at = origin.declaredAt;
    id = JSON.stringify([origin.kind, origin.name, at?.file, at?.offset, at?.length, origin.note]);
    originIds.set(origin, id);
  }
  return id;
}

/** The union of origin lists, in order of first appearance. */
export function mergeOrigins(...lists: (readonly Origin[])[]): Origin[] {
  // Most merges are of one list, or of lists that are all empty but one: nothing to do.
  const nonEmpty = lists.filter((list) => list.length > 0);
  if (nonEmpty.length === 0) return [];
  if (nonEmpty.length === 1 && nonEmpty[0]!.length === 1) return [...nonEmpty[0]!];
  const seen = new Map<string, Origin>();
  for (const origin of lists.flat()) {
    const id = originId(origin);
    if (!seen.has(id)) seen.set(id, origin);
  }
  return [...seen.values()];
}

/** Every origin of every unknown inside the value, without duplicates. */
export function originsOf(value: Value): Origin[] {
  if (isSymbolic(value)) return mergeOrigins(value.origins);
  if (isLambda(value)) return lambdaSummary(value).origins;
  if (Array.isArray(value)) return mergeOrigins(...value.map(originsOf));
  if (isValueObject(value)) return mergeOrigins(...Object.values(value).map(originsOf));
  return [];
}

/** Whether any member at any depth is unknown. Lambdas are code, not data: they do not count. */
export function containsSymbolic(value: Value): boolean {
  if (isSymbolic(value)) return true;
  if (Array.isArray(value)) return value.some(containsSymbolic);
  if (isValueObject(value)) return Object.values(value).some(containsSymbolic);
  return false;
}

/** The value as plain JSON, or undefined when something inside is unknown or a lambda. */
export function toJsonOrUndefined(value: Value): JsonValue | undefined {
  if (isSymbolic(value) || isLambda(value)) return undefined;
  if (Array.isArray(value)) {
    const items: JsonValue[] = [];
    for (const item of value) {
      const json = toJsonOrUndefined(item);
      if (json === undefined) return undefined;
      items.push(json);
    }
    return items;
  }
  if (isValueObject(value)) {
    const entries: [string, JsonValue][] = [];
    for (const [key, member] of Object.entries(value)) {
      const json = toJsonOrUndefined(member);
      if (json === undefined) return undefined;
      entries.push([key, json]);
    }
    return Object.fromEntries(entries);
  }
  return value;
}
