import fs from 'node:fs';
import path from 'node:path';
import { analyzeArmTemplate } from '../../src/analyze/arm-input';
import { partialFingerprints } from '../../src/report/fingerprints';
import type { ReportContext } from '../../src/report/report-context';
import { ARM_FIXTURES } from '../helpers/expand-fixture';
import { reportContext } from '../helpers/report-context';
import { makeTree } from '../helpers/temp-tree';

const TYPO = fs.readFileSync(path.join(ARM_FIXTURES, 'typo.json'), 'utf8');

/** The fingerprints of typo.json's findings after `edit`, with the file at the same path in a repository. */
async function fingerprintsAfter(edit: (text: string) => string, repo = makeTree({})): Promise<string[]> {
  const file = path.join(repo, 'infra', 'typo.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, edit(TYPO));
  const result = await analyzeArmTemplate(file, new Map());
  return partialFingerprints(result.findings, reportContext(repo, repo));
}

describe('partial fingerprints', () => {
  it('stay the same when unrelated lines move the finding down, and in another checkout folder', async () => {
    const before = await fingerprintsAfter((t) => t);
    expect(before).toHaveLength(1);
    expect(before[0]).toMatch(/^[0-9a-f]{32}:1$/);
    const moved = await fingerprintsAfter((t) => t.replace('"resources": {', '"metadata": {\n    "owner": "platform"\n  },\n  "resources": {'));
    expect(moved).toEqual(before);
  });

  it('change when the reported line itself changes', async () => {
    const before = await fingerprintsAfter((t) => t);
    const edited = await fingerprintsAfter((t) => t.replace('{ "category": "ContainerRegistryRepositoryEvent", "enabled": true }', '{ "category": "ContainerRegistryRepositoryEvent", "enabled": true  }'));
    expect(edited[0]).not.toBe(before[0]);
  });

  it('count up for findings that share rule, file, instance and line text', () => {
    const finding = {
      ruleId: 'template-limit',
      level: 'error' as const,
      kind: 'fail' as const,
      message: 'same',
      location: { file: '/repo/a.json', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } },
      relatedLocations: [],
    };
    const context: ReportContext = { cwd: '/repo', repoRoot: '/repo', toolVersion: '1', rules: new Map(), sourceText: () => 'x', color: false };
    const [first, second] = partialFingerprints([finding, finding], context);
    expect(first!.split(':')[0]).toBe(second!.split(':')[0]);
    expect([first!.split(':')[1], second!.split(':')[1]]).toEqual(['1', '2']);
  });
});
