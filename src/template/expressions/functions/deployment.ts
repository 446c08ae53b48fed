import { expectInt, expectString } from '../arguments';
import type { EvalContext } from '../context';
import { FunctionError } from '../errors';
import { phrase } from '../phrase';
import { isSymbolic, opaque } from '../symbolic';
import type { SymbolicType, Value } from '../value';
import { defineAware, defineKnown, type ArmFunction, type EagerFunction } from './define';

function copyIndex(args: Value[], ctx: EvalContext): Value {
  const [first, second] = args;
  if (args.length === 0) return ctx.copyIndex(undefined, 0);
  if (args.length === 1 && typeof first === 'number') return ctx.copyIndex(undefined, expectInt(first, 'copyIndex', 'the offset'));
  const loopName = expectString(first, 'copyIndex', 'the loop name');
  return ctx.copyIndex(loopName, args.length > 1 ? expectInt(second, 'copyIndex', 'the offset') : 0);
}

/** reference(target, apiVersion?, 'Full'?) */
function reference(args: Value[], ctx: EvalContext): Value {
  const [target, apiVersion, mode] = args;
  if (args.length > 2 && !isSymbolic(mode) && (typeof mode !== 'string' || mode.toLowerCase() !== 'full')) {
    throw new FunctionError(`reference: the third argument must be 'Full', not ${phrase(mode)}`);
  }
  return ctx.reference(target, args.length > 1 ? apiVersion : undefined, typeof mode === 'string');
}

let newGuidCount = 0;

/** Runtime values: known only once deployed. */
function runtime(name: string, args: Value[], type: SymbolicType): Value {
  return opaque(args.length === 0 ? `${name}()` : name, args, type, [{ kind: 'runtime', name: `${name}()` }]);
}

/** listKeys, listSecrets, ...: whatever the resource provider returns at deployment. */
export function listFunction(name: string): EagerFunction {
  return defineAware(name, [0, Infinity], (args) => opaque(name, args, 'any', [{ kind: 'runtime', name }]));
}

export const deploymentFunctions: readonly ArmFunction[] = [
  defineKnown('parameters', [1, 1], 'any', ([name], env) => env.ctx.parameter(expectString(name, 'parameters', 'the parameter name'))),
  defineKnown('variables', [1, 1], 'any', ([name], env) => env.ctx.variable(expectString(name, 'variables', 'the variable name'))),
  defineKnown('copyIndex', [0, 2], 'number', (args, env) => copyIndex(args, env.ctx)),
  defineKnown('resourceGroup', [0, 0], 'object', (_, env) => env.ctx.resourceGroup()),
  defineKnown('subscription', [0, 0], 'object', (_, env) => env.ctx.subscription()),
  defineKnown('tenant', [0, 0], 'object', (_, env) => env.ctx.tenant()),
  defineKnown('deployment', [0, 0], 'object', (_, env) => env.ctx.deployment()),
  defineKnown('environment', [0, 0], 'object', (_, env) => env.ctx.environment()),
  defineAware('reference', [1, 3], (args, env) => reference(args, env.ctx)),
  defineAware('references', [1, 2], (args) => runtime('references', args, 'array')),
  defineAware('utcNow', [0, 1], (args) => runtime('utcNow', args, 'string')),
  // Answered by the resource providers of the subscription at deployment (Azure's own engine leaves them too).
  defineAware('pickZones', [3, 5], (args) => runtime('pickZones', args, 'array')),
  defineAware('providers', [1, 2], (args) => runtime('providers', args, 'any')),
  // A deployment that reaches fail() stops with its message; `if()` takes the other branch when it can.
  defineKnown('fail', [1, 1], 'any', ([message]) => {
    throw new FunctionError(`fail: the template stops the deployment: ${expectString(message, 'fail', 'the message')}`);
  }),
  // Each newGuid() is a different value, so each gets its own key.
  defineKnown('newGuid', [0, 0], 'string', () =>
    opaque(`newGuid()#${++newGuidCount}`, [], 'string', [{ kind: 'runtime', name: 'newGuid()' }]),
  ),
];
