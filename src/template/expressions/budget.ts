import { ExpressionError, FunctionError } from './errors';
import { MAX_EVALUATION_DEPTH, MAX_EVALUATION_STEPS, MAX_TEMPLATE_STEPS } from './limits';

// Shared by every evaluation on the stack, so that evaluations re-entered through the context
// (a variable that reads itself, user functions, lambdas) count towards one bound.
let depth = 0;
let steps = 0;
// Every evaluation of one template, so that an expression just under the bound, repeated by a loop, ends too.
let templateSteps: number | undefined;

/** Counts every evaluation `body` makes (one expansion, nested templates included) against MAX_TEMPLATE_STEPS. */
export function withTemplateBudget<T>(body: () => T): T {
  templateSteps = 0;
  try {
    return body();
  } finally {
    templateSteps = undefined;
  }
}

function count(units: number, fail: (message: string) => Error): void {
  steps += units;
  if (steps > MAX_EVALUATION_STEPS) throw fail(`evaluation took more than ${MAX_EVALUATION_STEPS} steps`);
  if (templateSteps === undefined) return;
  templateSteps += units;
  if (templateSteps > MAX_TEMPLATE_STEPS) throw fail(`the template's expressions took more than ${MAX_TEMPLATE_STEPS} steps in all`);
}

/** Call before evaluating a node; on success, call leaveNode() when done. */
export function enterNode(expression: string, offset: number): void {
  if (depth === 0) steps = 0;
  count(1, (message) => new ExpressionError(message, expression, offset, { limit: true }));
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
  count(units, (message) => new FunctionError(`${functionName}: ${message}`, true));
}
