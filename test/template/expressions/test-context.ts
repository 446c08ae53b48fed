import type { EvalContext } from '../../../src/template/expressions/context';
import { ExpressionError, FunctionError } from '../../../src/template/expressions/errors';
import { evaluateString, evaluateTemplateValue } from '../../../src/template/expressions/evaluate';
import { opaque } from '../../../src/template/expressions/symbolic';
import type { JsonValue, Origin, Symbolic, SymbolicType, Value } from '../../../src/template/expressions/value';

export const deploymentOrigin = (name: string): Origin => ({ kind: 'deployment', name });
export const parameterOrigin = (name: string): Origin => ({ kind: 'parameter', name });

/** An unknown deployment value such as `resourceGroup().id`. */
export const deploymentValue = (name: string, type: SymbolicType = 'string'): Symbolic => opaque(name, [], type, [deploymentOrigin(name)]);

/** An unknown parameter, as the expansion stage presents one. */
export const parameterValue = (name: string, type: SymbolicType): Symbolic =>
  opaque(`parameters('${name}')`, [], type, [parameterOrigin(name)]);

const KNOWN_PARAMETERS: Record<string, Value> = {
  location: 'westeurope',
  count: 3,
  enabled: true,
  names: ['a', 'b', 'c'],
  tags: { env: 'prod', Owner: 'ops' },
  blank: '',
  nothing: null,
};

const UNKNOWN_PARAMETERS: Record<string, SymbolicType> = {
  prefix: 'string',
  suffix: 'string',
  size: 'number',
  flag: 'bool',
  other: 'bool',
  list: 'array',
  settings: 'object',
  anything: 'any',
};

const VARIABLES: Record<string, JsonValue> = {
  greeting: 'hello',
  prefixed: "[concat('x-', parameters('prefix'))]",
  nested: { inner: ["[parameters('location')]", '[[literal]'] },
  selfish: "[variables('selfish')]",
};

/** A deployment to a resource group whose subscription, group and some parameters are unknown. */
export function testContext(): EvalContext {
  const ctx: EvalContext = {
    parameter(name) {
      if (name in KNOWN_PARAMETERS) return KNOWN_PARAMETERS[name]!;
      const type = UNKNOWN_PARAMETERS[name];
      if (type) return parameterValue(name, type);
      throw new FunctionError(`the template has no parameter '${name}'`);
    },
    variable(name) {
      const body = VARIABLES[name];
      if (body === undefined) throw new FunctionError(`the template has no variable '${name}'`);
      return evaluateTemplateValue(body, ctx);
    },
    copyIndex(loopName, offset) {
      if (loopName === undefined) return 4 + offset;
      if (loopName === 'disks') return 10 + offset;
      throw new FunctionError(`there is no copy loop '${loopName}'`);
    },
    resourceGroup: () => ({
      id: deploymentValue('resourceGroup().id'),
      name: deploymentValue('resourceGroup().name'),
      location: deploymentValue('resourceGroup().location'),
      type: 'Microsoft.Resources/resourceGroups',
    }),
    subscription: () => ({
      id: deploymentValue('subscription().id'),
      subscriptionId: deploymentValue('subscription().subscriptionId'),
    }),
    tenant: () => ({ tenantId: deploymentValue('tenant().tenantId') }),
    deployment: () => ({ name: 'main-deploy' }),
    environment: () => ({ name: 'AzureCloud', suffixes: { storage: 'core.windows.net' } }),
    reference: (target, apiVersion, full) =>
      opaque('reference', [target, ...(apiVersion === undefined ? [] : [apiVersion]), ...(full ? ['Full'] : [])], 'object', [
        { kind: 'runtime', name: 'reference()' },
      ]),
    userFunction(namespace, name, args) {
      if (namespace === '__bicep' && name === 'double' && typeof args[0] === 'number') return args[0] * 2;
      throw new ExpressionError(`the template has no function '${namespace}.${name}'`, `${namespace}.${name}()`, 0);
    },
    defaultSubscriptionId: () => deploymentValue('subscription().subscriptionId'),
    defaultResourceGroupName: () => deploymentValue('resourceGroup().name'),
  };
  return ctx;
}

/** Evaluates a template string such as `[concat('a', 'b')]` in the test context. */
export function run(expression: string): Value {
  return evaluateString(expression, testContext());
}

/** The ExpressionError a call throws, as plain data for exact comparison. */
export function failure(call: () => unknown): { message: string; expression: string; offset: number; limit: boolean } {
  try {
    call();
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    return { message: error.message, expression: error.expression, offset: error.offset, limit: error.limit };
  }
  throw new Error('expected an ExpressionError, but the call succeeded');
}

/** Asserts that evaluating `expression` fails with exactly this message, at this offset in the text inside its brackets. */
export function expectEvaluationError(expression: string, message: string, offset = 0): void {
  expect(failure(() => run(expression))).toEqual({ message, expression: expression.slice(1, -1), offset, limit: false });
}
