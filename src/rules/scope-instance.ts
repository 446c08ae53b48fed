import type { DeploymentScope } from '../template/expand/deployment-scope';
import { scopeId } from '../template/expand/deployment-scope';
import type { Deployment, ResourceInstance } from '../template/expand/instance';

/** The resource type of the scope a template deploys at, as Azure writes it. */
export function scopeType(scope: DeploymentScope): string {
  switch (scope.kind) {
    case 'resourceGroup':
      return 'Microsoft.Resources/resourceGroups';
    case 'subscription':
      return 'Microsoft.Resources/subscriptions';
    case 'managementGroup':
      return 'Microsoft.Management/managementGroups';
    case 'tenant':
      return 'Microsoft.Resources/tenants';
  }
}

function scopeName(scope: DeploymentScope) {
  switch (scope.kind) {
    case 'resourceGroup':
      return scope.resourceGroupName;
    case 'subscription':
      return scope.subscriptionId;
    case 'managementGroup':
      return scope.managementGroupName;
    case 'tenant':
      return scope.tenantId;
  }
}

/**
 * The scope a deployment deploys at, as an instance rules judge like a resource. It is placed where
 * the scope is chosen: on the module's declaration, or for the entry template on the template itself
 * (an empty symbolic name, which locators read as the `targetScope` line or the `$schema`).
 */
export function scopeInstance(deployment: Deployment): ResourceInstance {
  const { scope, module } = deployment;
  const placed = module
    ? { deploymentChain: module.deploymentChain, symbolicName: module.symbolicName, jsonPath: module.jsonPath, ...(module.loopIndex === undefined ? {} : { loopIndex: module.loopIndex }) }
    : { deploymentChain: [], symbolicName: '', jsonPath: ['$schema'] };
  return {
    type: scopeType(scope),
    name: scopeName(scope),
    id: scopeId(scope),
    body: {},
    condition: deployment.condition,
    existing: false,
    declaredAt: deployment.declaredAt,
    ...placed,
  };
}
