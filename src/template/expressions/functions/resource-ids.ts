import { FunctionError } from '../errors';
import { phrase } from '../phrase';
import { isSymbolic, opaque, text } from '../symbolic';
import type { Value } from '../value';
import { defineAware, type ArmFunction, type CallEnv } from './define';

/** Index of the resource type among the first `limit` arguments: the first known string with a '/'. */
function typeIndex(args: Value[], limit: number): number {
  return args.slice(0, limit).findIndex((a) => typeof a === 'string' && a.includes('/'));
}

function segment(fn: string, value: Value, what: string): Value {
  if (typeof value === 'string' || isSymbolic(value)) return value;
  throw new FunctionError(`${fn}: ${what} must be a string, not ${phrase(value)}`);
}

/** `/providers/Ns/t1/n1/t2/n2` from a type `Ns/t1/t2` and names, which may also arrive joined as `n1/n2`. */
function providerPath(fn: string, type: string, names: Value[]): Value[] {
  const [namespace, ...types] = type.split('/');
  const segments = names.flatMap((name) => (typeof name === 'string' ? name.split('/') : [segment(fn, name, 'a resource name')]));
  if (segments.length !== types.length) {
    const wanted = `${types.length} name${types.length === 1 ? '' : 's'}`;
    throw new FunctionError(`${fn}: the type '${type}' takes ${wanted}, one per type segment, not ${segments.length}`);
  }
  return ['/providers/', namespace!, ...types.flatMap((t, i) => ['/', t, '/', segments[i]!])];
}

/** The ID's scope part: the scope arguments given, or what the deployment fills in. */
type IdPrefix = (scope: Value[], env: CallEnv) => Value[];

/**
 * Functions of the form f([scope...], type, names...): `scopeArgs` is how many optional scope
 * arguments may come before the type, `prefix` builds the scope part of the ID from them.
 */
function idFunction(name: string, scopeArgs: number, prefix: IdPrefix): ArmFunction {
  return defineAware(name, [2, Infinity], (args, env) => {
    const at = typeIndex(args, scopeArgs + 1);
    if (at < 0) {
      if (args.slice(0, scopeArgs + 1).some(isSymbolic)) return opaque(name, args, 'string');
      const example = "such as 'Microsoft.Storage/storageAccounts'";
      throw new FunctionError(`${name}: none of the first ${scopeArgs + 1} arguments is a resource type ${example}`);
    }
    const scope = args.slice(0, at).map((a) => segment(name, a, 'a scope argument'));
    const type = args[at] as string;
    const parts = prefix(scope, env);
    // A resource group's ID has no provider part: /subscriptions/<id>/resourceGroups/<name>.
    if (parts.length === 2 && parts[0] === '/subscriptions/' && type.toLowerCase() === 'microsoft.resources/resourcegroups' && args.length === at + 2) {
      return text([...parts, '/resourceGroups/', segment(name, args[at + 1]!, 'a resource name')]);
    }
    return text([...parts, ...providerPath(name, type, args.slice(at + 1))]);
  });
}

/** extensionResourceId(resourceId, type, names...) */
function extensionResourceId(args: Value[]): Value {
  const [base, type, ...names] = args;
  if (isSymbolic(type)) return opaque('extensionResourceId', args, 'string');
  if (typeof type !== 'string' || !type.includes('/')) {
    throw new FunctionError(`extensionResourceId: the second argument must be a resource type, not ${phrase(type)}`);
  }
  return text([segment('extensionResourceId', base, 'the resource ID'), ...providerPath('extensionResourceId', type, names)]);
}

const MANAGEMENT_GROUPS = '/providers/Microsoft.Management/managementGroups/';
const CURRENT_GROUP = 'managementGroup().name';

function defaultSubscription(name: string, env: CallEnv): Value {
  const subscriptionId = env.ctx.defaultSubscriptionId();
  if (subscriptionId === undefined) throw new FunctionError(`${name}: this deployment scope has no subscription; pass one as the first argument`);
  return subscriptionId;
}

const subscriptionPrefix: IdPrefix = (scope, env) => ['/subscriptions/', scope.length > 0 ? scope[0]! : defaultSubscription('subscriptionResourceId', env)];

/**
 * resourceId() without scope arguments builds the ID at the deployment's own scope, as Azure's
 * engine does (bicep snapshot): under the resource group, the subscription, or, at management-group
 * and tenant scope, at the tenant (`/providers/Microsoft.Management/managementGroups/<id>`).
 */
const resourceIdPrefix: IdPrefix = (scope, env) => {
  if (scope.length === 0) {
    const group = env.ctx.defaultResourceGroupName();
    if (group !== undefined) return ['/subscriptions/', defaultSubscription('resourceId', env), '/resourceGroups/', group];
    return env.ctx.defaultSubscriptionId() === undefined ? [] : subscriptionPrefix(scope, env);
  }
  const subscriptionId = scope.length === 2 ? scope[0]! : defaultSubscription('resourceId', env);
  return ['/subscriptions/', subscriptionId, '/resourceGroups/', scope[scope.length - 1]!];
};

export const resourceIdFunctions: readonly ArmFunction[] = [
  idFunction('resourceId', 2, resourceIdPrefix),
  idFunction('subscriptionResourceId', 1, subscriptionPrefix),
  idFunction('tenantResourceId', 0, () => []),
  idFunction('managementGroupResourceId', 1, (scope) => [
    MANAGEMENT_GROUPS,
    scope.length > 0 ? scope[0]! : opaque(CURRENT_GROUP, [], 'string', [{ kind: 'deployment', name: CURRENT_GROUP }]),
  ]),
  defineAware('extensionResourceId', [3, Infinity], extensionResourceId),
];
