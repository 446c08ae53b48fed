import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bicepProcessEnv } from '../../src/bicep/child-env';
import { ORACLE_CONTEXT } from './deployment-context';

/** One resource of `predictedResources`, as `bicep snapshot` writes it. */
export interface PredictedResource {
  id: string;
  type: string;
  name: string;
  properties?: Record<string, unknown>;
}

export type SnapshotOutcome = { ok: true; resources: PredictedResource[]; outputs: Record<string, unknown> } | { ok: false; reason: string };

/**
 * Runs Azure's own template engine offline (`bicep snapshot`) on a `.bicepparam` file in a temp
 * folder of ours; it writes `<name>.snapshot.json` beside the file.
 */
export function runSnapshot(cli: string, paramFile: string): Promise<SnapshotOutcome> {
  const args = [
    'snapshot',
    paramFile,
    '--subscription-id', ORACLE_CONTEXT.subscriptionId,
    '--resource-group', ORACLE_CONTEXT.resourceGroup,
    '--location', ORACLE_CONTEXT.location,
    '--tenant-id', ORACLE_CONTEXT.tenantId,
    '--deployment-name', ORACLE_CONTEXT.deploymentName,
  ];
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
