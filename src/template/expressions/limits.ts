import { FunctionError } from './errors';

/** Syntactic nesting: calls, property and index accesses inside one expression. */
export const MAX_NESTING_DEPTH = 200;
/** Nested evaluation, counting re-entry through variables, user functions and lambdas. */
export const MAX_EVALUATION_DEPTH = 300;
/** Evaluation steps for one top-level evaluation, so that nested loops over large arrays end. */
export const MAX_EVALUATION_STEPS = 2_000_000;
/** Evaluation steps for all the expressions of one template (a second or so of work). */
export const MAX_TEMPLATE_STEPS = 10_000_000;
export const MAX_STRING_LENGTH = 1024 * 1024;
/** ARM's own limit on range(). */
export const MAX_RANGE_COUNT = 10_000;

export function checkLength(length: number, functionName: string): void {
  if (length > MAX_STRING_LENGTH) {
    throw new FunctionError(
      `${functionName}: the result would be ${length} characters long, over the limit of ${MAX_STRING_LENGTH}`,
      true,
    );
  }
}
