import type { Value } from './value';

/**
 * What the evaluator asks of the deployment it runs in. The expansion stage implements it;
 * every method returns a Value (possibly symbolic) or throws ExpressionError.
 */
export interface EvalContext {
  parameter(name: string): Value;
  variable(name: string): Value;
  /** copyIndex(loopName?, offset?) — `loopName` undefined means the innermost loop. */
  copyIndex(loopName: string | undefined, offset: number): Value;
  resourceGroup(): Value;
  subscription(): Value;
  tenant(): Value;
  deployment(): Value;
  environment(): Value;
  /** reference(target, apiVersion?, 'Full'?) — target is a resource ID or a symbolic name. */
  reference(target: Value, apiVersion: Value | undefined, full: boolean): Value;
  /** A user-defined function from the template's `functions` section. */
  userFunction(namespace: string, name: string, args: Value[]): Value;
  /**
   * The subscription ID and resource group name that resourceId() fills in by default; undefined
   * where the deployment scope has none (a management group or the tenant has no subscription).
   */
  defaultSubscriptionId(): Value | undefined;
  defaultResourceGroupName(): Value | undefined;
}
