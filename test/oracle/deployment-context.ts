import type { DeploymentContext } from '../../src/template/expand/deployment-scope';

/** The one deployment every oracle program is deployed to, on both sides of the comparison. */
export const ORACLE_CONTEXT: Required<Omit<DeploymentContext, 'managementGroupId'>> = {
  subscriptionId: '2f3c4d5e-0000-4000-8000-00000000a11d',
  resourceGroup: 'rg-oracle',
  location: 'westeurope',
  tenantId: '7a8b9c0d-0000-4000-8000-00000000fe01',
  deploymentName: 'oracle-deployment',
};
