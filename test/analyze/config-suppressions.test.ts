import { applyConfigSuppressions } from '../../src/analyze/config-suppressions';
import type { Finding, InputResult, Suppression } from '../../src/rules/finding';

function finding(extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'Azure.ACR.Logs',
    level: 'error',
    kind: 'fail',
    message: "registry 'acrscratch' has no diagnostic setting",
    location: { file: '/repo/main.bicep', range: { start: { line: 3, character: 0 }, end: { line: 3, character: 8 } } },
    relatedLocations: [],
    instance: { type: 'Microsoft.ContainerRegistry/registries', name: 'acrscratch', id: 'id', symbolicName: 'registry', deploymentChain: [] },
    ...extra,
  };
}

/** The config of the inputs under /repo/dev suppresses everything it is asked about; the others nothing. */
const devOnly = (input: string): Suppression | undefined => (input.startsWith('/repo/dev/') ? { kind: 'external', justification: 'dev only' } : undefined);

const suppressionsOf = (results: InputResult[]) => results.map((r) => r.findings.map((f) => f.suppression));

describe('applyConfigSuppressions', () => {
  it("marks a rule finding its input's config suppresses", () => {
    const results: InputResult[] = [
      { file: '/repo/dev/main.bicep', status: 'analysed', findings: [finding()] },
      { file: '/repo/prod/main.bicep', status: 'analysed', findings: [finding()] },
    ];
    expect(suppressionsOf(applyConfigSuppressions(results, devOnly))).toEqual([[{ kind: 'external', justification: 'dev only' }], [undefined]]);
  });

  it('a finding kept for several parameter files is suppressed only when the config of every one of them suppresses it', () => {
    const both = ['/repo/dev/main.bicepparam', '/repo/prod/main.bicepparam'];
    const results: InputResult[] = [
      { file: both[0]!, status: 'analysed', findings: [finding({ appliesTo: both }), finding({ appliesTo: [both[0]!] })] },
    ];
    expect(suppressionsOf(applyConfigSuppressions(results, devOnly))).toEqual([[undefined, { kind: 'external', justification: 'dev only' }]]);
  });

  it("keeps a directive's suppression, and leaves findings without an instance (the tool's own) alone", () => {
    const inSource: Suppression = { kind: 'inSource', justification: 'from the source' };
    const { instance: _none, ...toolFinding } = finding({ ruleId: 'template-evaluation' });
    const results: InputResult[] = [{ file: '/repo/dev/main.bicep', status: 'analysed', findings: [finding({ suppression: inSource }), toolFinding] }];
    expect(suppressionsOf(applyConfigSuppressions(results, devOnly))).toEqual([[inSource, undefined]]);
  });
});
