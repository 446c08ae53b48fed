import { opaque, text } from '../expressions/symbolic';
import type { Origin, Value, ValueObject } from '../expressions/value';

/** Where a template deploys: the values that resource IDs and scope functions are built from. */
export type DeploymentScope =
  | { kind: 'resourceGroup'; subscriptionId: Value; resourceGroupName: Value; tenantId: Value }
  | { kind: 'subscription'; subscriptionId: Value; tenantId: Value }
  | { kind: 'managementGroup'; managementGroupName: Value; tenantId: Value }
  | { kind: 'tenant'; tenantId: Value };

function unknown(name: string): Value {
  const origin: Origin = { kind: 'deployment', name };
  return opaque(name, [], 'string', [origin]);
}

/** The scope of the entry template: known only by what its `$schema` says. */
export function entryScope(schemaUri: string | undefined): DeploymentScope {
  const tenantId = unknown('tenant().tenantId');
  const schema = (schemaUri ?? '').toLowerCase();
  if (schema.includes('subscriptiondeploymenttemplate')) {
    return { kind: 'subscription', subscriptionId: unknown('subscription().subscriptionId'), tenantId };
  }
  if (schema.includes('managementgroupdeploymenttemplate')) {
    return { kind: 'managementGroup', managementGroupName: unknown('managementGroup().name'), tenantId };
  }
  if (schema.includes('tenantdeploymenttemplate')) return { kind: 'tenant', tenantId };
  return {
    kind: 'resourceGroup',
    subscriptionId: unknown('subscription().subscriptionId'),
    resourceGroupName: unknown('resourceGroup().name'),
    tenantId,
  };
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
    location: unknown('resourceGroup().location'),
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
