import { ExpressionError, FunctionError } from './errors';
import { MAX_EVALUATION_DEPTH, MAX_EVALUATION_STEPS } from './limits';

// Shared by every evaluation on the stack, so that evaluations re-entered through the context
// (a variable that reads itself, user functions, lambdas) count towards one bound.
let depth = 0;
let steps = 0;

/** Call before evaluating a node; on success, call leaveNode() when done. */
export function enterNode(expression: string, offset: number): void {
  if (depth === 0) steps = 0;
  steps += 1;
  if (steps > MAX_EVALUATION_STEPS) {
    throw new ExpressionError(`evaluation took more than ${MAX_EVALUATION_STEPS} steps`, expression, offset, { limit: true });
  }
  if (depth >= MAX_EVALUATION_DEPTH) {
    throw new ExpressionError(
      `evaluation nested more than ${MAX_EVALUATION_DEPTH} levels deep (does a variable or function refer to itself?)`,
      expression,
      offset,
      { limit: true },
    );
  }
  depth += 1;
}

export function leaveNode(): void {
  depth -= 1;
}

/**
 * Counts the work a function does beyond its own node (the elements and characters it builds)
 * against the same bound, so that a lambda that builds large values in a loop ends too.
 */
export function chargeWork(units: number, functionName: string): void {
  steps += units;
  if (steps > MAX_EVALUATION_STEPS) {
    throw new FunctionError(`${functionName}: evaluation took more than ${MAX_EVALUATION_STEPS} steps`, true);
  }
}
