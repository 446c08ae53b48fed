import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { auditWithRealBicep } from '../helpers/real-bicep';
import { ODD_FOLDER, oddPathRepository, type JsonResult } from '../helpers/odd-path-repository';

/**
 * The shape GitLab's Code Quality report takes, as its documentation lists the fields it reads:
 * an array of issues, each with these required members.
 */
const CODE_QUALITY = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', minLength: 1, not: { pattern: '^/' } },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
};

describe('--format gitlab', () => {
  it('gives Code Quality issues with the SARIF fingerprint, mapped severities and paths relative to the repository', async () => {
    const root = oddPathRepository();
    const cwd = path.join(root, ODD_FOLDER, 'modules');
    const run = (format: string) => auditWithRealBicep(['..', '--no-cache', '--format', format], { cwd });
    const gitlab = await run('gitlab');
    expect([gitlab.code, gitlab.stderr]).toEqual([1, '']);
    const issues = JSON.parse(gitlab.stdout);
    const validate = new Ajv({ allErrors: true }).compile(CODE_QUALITY);
    expect([validate(issues), validate.errors]).toEqual([true, null]);
    const results = JSON.parse((await run('json')).stdout).results as JsonResult[];
    const sarif = JSON.parse((await run('sarif')).stdout).runs[0].results as { partialFingerprints: Record<string, string> }[];
    expect(issues).toEqual(
      results.map((r, i) => ({
        description: r.message,
        check_name: r.ruleId,
        fingerprint: Object.values(sarif[i]!.partialFingerprints)[0],
        severity: { error: 'major', warning: 'minor', note: 'info' }[r.level],
        location: { path: path.relative(root, r.location.file), lines: { begin: r.location.line } },
      })),
    );
    expect(issues.map((i: { severity: string; location: { path: string } }) => `${i.severity} ${i.location.path}`)).toEqual([
      `minor ${ODD_FOLDER}/main.bicep`,
      `major ${ODD_FOLDER}/main.bicep`,
      `major ${ODD_FOLDER}/modules/registry.bicep`,
    ]);
    expect(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(3);
  });

  it('leaves out baselined findings: after a baseline, only a new registry is an issue', async () => {
    const root = oddPathRepository();
    expect((await auditWithRealBicep([ODD_FOLDER, '--no-cache', '--write-baseline'], { cwd: root })).code).toBe(0);
    fs.appendFileSync(path.join(root, ODD_FOLDER, 'main.bicep'), "\nresource added 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'acraddedbase'\n  location: location\n  sku: { name: 'Basic' }\n}\n");
    const after = await auditWithRealBicep([ODD_FOLDER, '--no-cache', '--baseline', '--format', 'gitlab'], { cwd: root });
    expect(after.code).toBe(1);
    expect(JSON.parse(after.stdout).map((i: { severity: string; location: { path: string; lines: { begin: number } }; description: string }) => [i.severity, i.location.path, i.location.lines.begin, i.description.slice(0, 25)])).toEqual([
      ['major', `${ODD_FOLDER}/main.bicep`, 45, "registry 'acraddedbase' h"],
    ]);
  });
});
