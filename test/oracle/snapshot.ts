import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bicepProcessEnv } from '../../src/bicep/child-env';
import type { DeploymentContext } from '../../src/template/expand/deployment-scope';
import { ORACLE_CONTEXT } from './deployment-context';

/** One resource of `predictedResources`, as `bicep snapshot` writes it. */
export interface PredictedResource {
  id: string;
  type: string;
  name: string;
  properties?: Record<string, unknown>;
}

export type SnapshotOutcome = { ok: true; resources: PredictedResource[]; outputs: Record<string, unknown> } | { ok: false; reason: string };

const SNAPSHOT_OPTIONS: Record<keyof DeploymentContext, string> = {
  subscriptionId: '--subscription-id',
  resourceGroup: '--resource-group',
  managementGroupId: '--management-group-id',
  location: '--location',
  tenantId: '--tenant-id',
  deploymentName: '--deployment-name',
};

/**
 * Runs Azure's own template engine offline (`bicep snapshot`) on a `.bicepparam` file in a temp
 * folder of ours; it writes `<name>.snapshot.json` beside the file. The context must give what the
 * template's scope needs and nothing it refuses (a subscription for a management-group template).
 */
export function runSnapshot(cli: string, paramFile: string, context: DeploymentContext = ORACLE_CONTEXT): Promise<SnapshotOutcome> {
  const given = Object.entries(context).filter(([, value]) => value !== undefined) as [keyof DeploymentContext, string][];
  const args = ['snapshot', paramFile, ...given.flatMap(([key, value]) => [SNAPSHOT_OPTIONS[key], value])];
  const output = paramFile.replace(/\.bicepparam$/, '.snapshot.json');
  return new Promise((resolve) => {
    execFile(cli, args, { env: bicepProcessEnv(), timeout: 120_000 }, (error, stdout, stderr) => {
      if (error || !fs.existsSync(output)) {
        const printed = `${stdout}${stderr}`.split(path.dirname(paramFile) + path.sep).join('').trim();
        return resolve({ ok: false, reason: `bicep snapshot failed (${error?.code ?? 'no file written'}): ${printed.slice(0, 600)}` });
      }
      const snapshot = JSON.parse(fs.readFileSync(output, 'utf8')) as { predictedResources?: PredictedResource[]; outputs?: Record<string, unknown> };
      resolve({ ok: true, resources: snapshot.predictedResources ?? [], outputs: snapshot.outputs ?? {} });
    });
  });
}
