export interface ExpressionErrorOptions {
  /** Set when a bound (nesting, length, range, step budget) stopped evaluation, not a template mistake. */
  limit?: boolean;
  cause?: unknown;
}

/** An expression ARM would reject, or one too large to evaluate. `offset` is 0-based into `expression`. */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  readonly limit: boolean;

  constructor(
    message: string,
    readonly expression: string,
    readonly offset: number,
    options: ExpressionErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.limit = options.limit ?? false;
  }
}

/**
 * Raised by a function implementation or a property access, which do not know where they sit in
 * the expression; the evaluator rethrows it as an ExpressionError at the call's offset.
 */
export class FunctionError extends Error {
  override readonly name = 'FunctionError';

  constructor(
    message: string,
    readonly limit = false,
  ) {
    super(message);
  }
}
