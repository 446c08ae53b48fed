import type { Expr } from '../ast';
import type { EvalContext } from '../context';
import type { LambdaValue, SymbolicType, Value } from '../value';

/** What a function sees of the evaluation it runs in. */
export interface CallEnv {
  readonly ctx: EvalContext;
  /** The value bound to a lambda parameter in scope, if any. */
  lambdaVariable(name: string): Value | undefined;
  /** A lambda over `body` that sees the lambda parameters in scope here. */
  closure(parameters: readonly string[], body: Expr): LambdaValue;
}

/** An argument not yet evaluated. */
export interface LazyArg {
  readonly expr: Expr;
  value(): Value;
}

interface Arity {
  /** The name as ARM documents it; lookups ignore case. */
  readonly name: string;
  readonly minArgs: number;
  readonly maxArgs: number;
}

export interface EagerFunction extends Arity {
  readonly kind: 'eager';
  /**
   * When set, a call with an unknown anywhere in its arguments does not run: it becomes an
   * opaque value of this type. When unset, `call` handles unknown arguments itself.
   */
  readonly returns: SymbolicType | undefined;
  readonly call: (args: Value[], env: CallEnv) => Value;
}

export interface LazyFunction extends Arity {
  readonly kind: 'lazy';
  readonly call: (args: readonly LazyArg[], env: CallEnv) => Value;
}

export type ArmFunction = EagerFunction | LazyFunction;

type ArgCount = readonly [min: number, max: number];

/** A function of known arguments: any unknown argument makes the result an opaque `returns`. */
export function defineKnown(
  name: string,
  [minArgs, maxArgs]: ArgCount,
  returns: SymbolicType,
  call: EagerFunction['call'],
): EagerFunction {
  return { kind: 'eager', name, minArgs, maxArgs, returns, call };
}

/** A function that decides for itself what unknown arguments mean. */
export function defineAware(name: string, [minArgs, maxArgs]: ArgCount, call: EagerFunction['call']): EagerFunction {
  return { kind: 'eager', name, minArgs, maxArgs, returns: undefined, call };
}

/** A function that evaluates its arguments itself (if, and, or, lambda). */
export function defineLazy(name: string, [minArgs, maxArgs]: ArgCount, call: LazyFunction['call']): LazyFunction {
  return { kind: 'lazy', name, minArgs, maxArgs, call };
}
