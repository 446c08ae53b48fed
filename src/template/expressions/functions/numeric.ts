import { expectInt, ordinal } from '../arguments';
import { FunctionError } from '../errors';
import type { Value } from '../value';
import { defineKnown, type ArmFunction } from './define';

/** ARM computes with 64-bit integers; beyond 2^53 JavaScript would round, so refuse instead. */
function exact(name: string, result: number): number {
  if (!Number.isSafeInteger(result)) throw new FunctionError(`${name}: the result ${result} is too large to compute exactly`);
  return result === 0 ? 0 : result;
}

function arithmetic(name: string, operation: (a: number, b: number) => number): ArmFunction {
  return defineKnown(name, [2, 2], 'number', ([a, b]) =>
    exact(name, operation(expectInt(a, name, 'the first operand'), expectInt(b, name, 'the second operand'))),
  );
}

function nonZero(name: string, divisor: number): number {
  if (divisor === 0) throw new FunctionError(`${name}: division by zero`);
  return divisor;
}

/** min/max take integers, arrays of integers, or a mix. */
function extreme(name: string, pick: (a: number, b: number) => number): ArmFunction {
  return defineKnown(name, [1, Infinity], 'number', (args: Value[]) => {
    const numbers = args.flatMap((arg, i) =>
      Array.isArray(arg)
        ? arg.map((item) => expectInt(item, name, `an element of ${ordinal(i)} argument`))
        : [expectInt(arg, name, `${ordinal(i)} argument`)],
    );
    if (numbers.length === 0) throw new FunctionError(`${name}: there are no values to compare`);
    return numbers.reduce((a, b) => pick(a, b));
  });
}

export const numericFunctions: readonly ArmFunction[] = [
  arithmetic('add', (a, b) => a + b),
  arithmetic('sub', (a, b) => a - b),
  arithmetic('mul', (a, b) => a * b),
  arithmetic('div', (a, b) => Math.trunc(a / nonZero('div', b))),
  arithmetic('mod', (a, b) => a % nonZero('mod', b)),
  extreme('min', Math.min),
  extreme('max', Math.max),
];
