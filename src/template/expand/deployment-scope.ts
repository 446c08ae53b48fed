import { opaque, text } from '../expressions/symbolic';
import type { Origin, Value, ValueObject } from '../expressions/value';

/**
 * What the deployment command says about where the entry template deploys (as `az deployment`
 * and `bicep snapshot` take it). Each value left out stays unknown.
 */
export interface DeploymentContext {
  subscriptionId?: string;
  resourceGroup?: string;
  managementGroupId?: string;
  tenantId?: string;
  /** The resource group's location, or the deployment's own at subscription, management-group and tenant scope. */
  location?: string;
  deploymentName?: string;
}

/** Where a template deploys: the values that resource IDs and scope functions are built from. */
export type DeploymentScope =
  | { kind: 'resourceGroup'; subscriptionId: Value; resourceGroupName: Value; tenantId: Value; location: Value }
  | { kind: 'subscription'; subscriptionId: Value; tenantId: Value }
  | { kind: 'managementGroup'; managementGroupName: Value; tenantId: Value }
  | { kind: 'tenant'; tenantId: Value };

function unknown(name: string): Value {
  const origin: Origin = { kind: 'deployment', name };
  return opaque(name, [], 'string', [origin]);
}

const givenOr = (given: string | undefined, name: string): Value => given ?? unknown(name);

/** The scope a template's `$schema` names. */
export function schemaScopeKind(schemaUri: string | undefined): DeploymentScope['kind'] {
  const schema = (schemaUri ?? '').toLowerCase();
  if (schema.includes('subscriptiondeploymenttemplate')) return 'subscription';
  if (schema.includes('managementgroupdeploymenttemplate')) return 'managementGroup';
  if (schema.includes('tenantdeploymenttemplate')) return 'tenant';
  return 'resourceGroup';
}

/** The scope of the entry template: its kind from its `$schema`, its values from the deployment context. */
export function entryScope(schemaUri: string | undefined, context: DeploymentContext = {}): DeploymentScope {
  const tenantId = givenOr(context.tenantId, 'tenant().tenantId');
  const subscriptionId = givenOr(context.subscriptionId, 'subscription().subscriptionId');
  switch (schemaScopeKind(schemaUri)) {
    case 'subscription':
      return { kind: 'subscription', subscriptionId, tenantId };
    case 'managementGroup':
      return { kind: 'managementGroup', managementGroupName: givenOr(context.managementGroupId, 'managementGroup().name'), tenantId };
    case 'tenant':
      return { kind: 'tenant', tenantId };
    case 'resourceGroup':
      return {
        kind: 'resourceGroup',
        subscriptionId,
        resourceGroupName: givenOr(context.resourceGroup, 'resourceGroup().name'),
        tenantId,
        location: givenOr(context.location, 'resourceGroup().location'),
      };
  }
}

/** The location of a resource group other than the deployment's own: known only at deployment. */
export function otherResourceGroupLocation(): Value {
  return unknown('resourceGroup().location');
}

/** The resource ID of the scope itself (`/subscriptions/x/resourceGroups/y`, ...). */
export function scopeId(scope: DeploymentScope): Value {
  switch (scope.kind) {
    case 'resourceGroup':
      return text(['/subscriptions/', scope.subscriptionId, '/resourceGroups/', scope.resourceGroupName]);
    case 'subscription':
      return text(['/subscriptions/', scope.subscriptionId]);
    case 'managementGroup':
      return text(['/providers/Microsoft.Management/managementGroups/', scope.managementGroupName]);
    case 'tenant':
      return '';
  }
}

export function resourceGroupObject(scope: DeploymentScope): ValueObject | undefined {
  if (scope.kind !== 'resourceGroup') return undefined;
  return {
    id: scopeId(scope),
    name: scope.resourceGroupName,
    type: 'Microsoft.Resources/resourceGroups',
    location: scope.location,
    tags: unknown('resourceGroup().tags'),
    properties: { provisioningState: 'Succeeded' },
  };
}

export function subscriptionObject(scope: DeploymentScope): ValueObject | undefined {
  if (scope.kind !== 'resourceGroup' && scope.kind !== 'subscription') return undefined;
  return {
    id: text(['/subscriptions/', scope.subscriptionId]),
    subscriptionId: scope.subscriptionId,
    tenantId: scope.tenantId,
    displayName: unknown('subscription().displayName'),
  };
}

/** `deployment().location` where there is one: at subscription, management-group and tenant scope. */
export function deploymentLocation(context: DeploymentContext): Value {
  return givenOr(context.location, 'deployment().location');
}
