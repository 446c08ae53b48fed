import { indexInto, propertyOf } from './access';
import type { Call, Expr, ParsedExpression } from './ast';
import { chargeWork, enterNode, leaveNode } from './budget';
import type { EvalContext } from './context';
import { ExpressionError, FunctionError } from './errors';
import type { ArmFunction, CallEnv } from './functions/define';
import { lookupFunction } from './functions/index';
import { checkLength, MAX_NESTING_DEPTH } from './limits';
import { parseTemplateString, type TemplateString } from './parse';
import { containsSymbolic, isSymbolic, opaque } from './symbolic';
import type { JsonValue, LambdaValue, Value } from './value';

/** Lambda parameters in scope, innermost first. */
interface Binding {
  readonly name: string;
  readonly value: Value;
  readonly outer: Binding | undefined;
}

function lookup(scope: Binding | undefined, name: string): Value | undefined {
  for (let b = scope; b; b = b.outer) if (b.name === name) return b.value;
  const lower = name.toLowerCase();
  for (let b = scope; b; b = b.outer) if (b.name.toLowerCase() === lower) return b.value;
  return undefined;
}

function arityMessage(fn: ArmFunction, count: number): string {
  const expected =
    fn.minArgs === fn.maxArgs
      ? `${fn.minArgs}`
      : fn.maxArgs === Infinity
        ? `at least ${fn.minArgs}`
        : `${fn.minArgs} to ${fn.maxArgs}`;
  const plural = expected === '1' || expected === 'at least 1' ? '' : 's';
  return `${fn.name} takes ${expected} argument${plural}, not ${count}`;
}

// A character is cheap to build; charge a step per so many of them.
const CHARACTERS_PER_STEP = 16;

function checkResult(fn: string, result: Value): void {
  if (Array.isArray(result)) chargeWork(result.length, fn);
  if (typeof result === 'string') {
    checkLength(result.length, fn);
    chargeWork(Math.ceil(result.length / CHARACTERS_PER_STEP), fn);
  }
  else if (isSymbolic(result) && result.parts) {
    checkLength(result.parts.reduce((sum, p) => sum + (typeof p === 'string' ? p.length : 0), 0), fn);
  }
}

class Evaluator {
  constructor(
    private readonly text: string,
    private readonly ctx: EvalContext,
  ) {}

  evaluate(expr: Expr, scope: Binding | undefined): Value {
    enterNode(this.text, expr.offset);
    try {
      return this.node(expr, scope);
    } catch (error) {
      if (!(error instanceof FunctionError)) throw error;
      throw new ExpressionError(error.message, this.text, expr.offset, { limit: error.limit, cause: error });
    } finally {
      leaveNode();
    }
  }

  private node(expr: Expr, scope: Binding | undefined): Value {
    switch (expr.kind) {
      case 'string':
      case 'number':
        return expr.value;
      case 'property':
        return propertyOf(this.evaluate(expr.target, scope), expr.name);
      case 'index':
        return indexInto(this.evaluate(expr.target, scope), this.evaluate(expr.index, scope));
      case 'call':
        return this.call(expr, scope);
    }
  }

  private call(expr: Call, scope: Binding | undefined): Value {
    const args = () => expr.args.map((arg) => this.evaluate(arg, scope));
    if (expr.namespace !== undefined) return this.ctx.userFunction(expr.namespace, expr.name, args());
    const fn = lookupFunction(expr.name);
    if (!fn) {
      const values = args();
      return opaque(values.length === 0 ? `${expr.name}()` : expr.name, values, 'any', [
        { kind: 'unsupported', name: expr.name, note: `bicep-audit does not evaluate the function '${expr.name}'` },
      ]);
    }
    if (expr.args.length < fn.minArgs || expr.args.length > fn.maxArgs) throw new FunctionError(arityMessage(fn, expr.args.length));
    const env = this.env(scope);
    let result: Value;
    if (fn.kind === 'lazy') {
      result = fn.call(
        expr.args.map((arg) => ({ expr: arg, value: () => this.evaluate(arg, scope) })),
        env,
      );
    } else {
      const values = args();
      result = fn.returns !== undefined && values.some(containsSymbolic) ? opaque(fn.name, values, fn.returns) : fn.call(values, env);
    }
    checkResult(fn.name, result);
    return result;
  }

  private env(scope: Binding | undefined): CallEnv {
    return {
      ctx: this.ctx,
      lambdaVariable: (name) => lookup(scope, name),
      closure: (parameters, body): LambdaValue => ({
        kind: 'lambda',
        parameters,
        apply: (values) => {
          if (values.length !== parameters.length) {
            throw new FunctionError(`the lambda takes ${parameters.length} argument(s), not ${values.length}`);
          }
          const bound = parameters.reduce<Binding | undefined>((outer, name, i) => ({ name, value: values[i]!, outer }), scope);
          return this.evaluate(body, bound);
        },
      }),
    };
  }
}

/** Evaluates a parsed expression. Errors are ExpressionErrors located in `expression.text`. */
export function evaluateExpression(expression: ParsedExpression, ctx: EvalContext): Value {
  return new Evaluator(expression.text, ctx).evaluate(expression.root, undefined);
}

const MAX_CACHED = 10_000;
const parsed = new Map<string, TemplateString>();

/** Template strings repeat (copy loops evaluate one body many times), so parses are kept. */
function parseCached(value: string): TemplateString {
  let result = parsed.get(value);
  if (!result) {
    result = parseTemplateString(value);
    if (parsed.size >= MAX_CACHED) parsed.clear();
    parsed.set(value, result);
  }
  return result;
}

/** A template string: the value of its expression, or the literal with a `[[` escape undone. */
export function evaluateString(value: string, ctx: EvalContext): Value {
  const template = parseCached(value);
  return template.kind === 'literal' ? template.value : evaluateExpression(template.expression, ctx);
}

/** A template value with every expression string in it evaluated. */
export function evaluateTemplateValue(json: JsonValue, ctx: EvalContext): Value {
  return walk(json, ctx, 0);
}

function walk(json: JsonValue, ctx: EvalContext, depth: number): Value {
  if (typeof json === 'string') return evaluateString(json, ctx);
  if (json === null || typeof json !== 'object') return json;
  if (depth >= MAX_NESTING_DEPTH) {
    throw new ExpressionError(`the template value is nested more than ${MAX_NESTING_DEPTH} levels deep`, '', 0, { limit: true });
  }
  if (Array.isArray(json)) return json.map((item) => walk(item, ctx, depth + 1));
  return Object.fromEntries(Object.entries(json).map(([key, member]) => [key, walk(member, ctx, depth + 1)]));
}
