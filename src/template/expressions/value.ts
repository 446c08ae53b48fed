import type { SourceSpan } from '../location';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** What an unknown value depends on: the thing a person would have to know to decide it. */
export interface Origin {
  /**
   * parameter: a template parameter with no value; deployment: resourceGroup(), subscription(),
   * tenant(), deployment(), environment(); runtime: utcNow(), newGuid(), reference(), list*();
   * loop: a copy index whose count is unknown; unsupported: a function the evaluator lacks.
   */
  kind: 'parameter' | 'deployment' | 'runtime' | 'loop' | 'unsupported';
  /** e.g. the parameter name, `resourceGroup().id`, `utcNow()`, `listKeys` */
  name: string;
  /** Where the deciding thing is declared, when the caller knows it. */
  declaredAt?: SourceSpan;
  /** Extra words for a person, e.g. why an unsupported function could not be evaluated. */
  note?: string;
}

/** The static type of a symbolic value, as far as the evaluator can tell. */
export type SymbolicType = 'string' | 'number' | 'bool' | 'array' | 'object' | 'any';

/**
 * A value not known before deployment. `key` is canonical: two symbolic values built from the
 * same unknowns through the same functions have the same key; different ones do not.
 * A string with known and unknown pieces keeps them in `parts` (adjacent literals merged).
 */
export class Symbolic {
  constructor(
    readonly key: string,
    readonly type: SymbolicType,
    readonly origins: readonly Origin[],
    readonly parts?: readonly (string | Symbolic)[],
  ) {}
}

/** An evaluated value: JSON in which any member may be symbolic, or a lambda. */
export type Value = null | boolean | number | string | Symbolic | LambdaValue | Value[] | ValueObject;
export interface ValueObject {
  [key: string]: Value;
}

/** A `lambda(...)` value; only map/filter/reduce/sort-style functions consume it. */
export interface LambdaValue {
  readonly kind: 'lambda';
  readonly parameters: readonly string[];
  readonly apply: (args: Value[]) => Value;
}
