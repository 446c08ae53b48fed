import { mergeRepeatedFindings } from '../../src/analyze/merge-repeated';
import type { Finding, InputResult } from '../../src/rules/finding';

function finding(line: number, message = 'registry problem'): Finding {
  return {
    ruleId: 'Azure.ACR.Logs',
    level: 'error',
    kind: 'fail',
    message,
    location: { file: '/repo/main.bicep', range: { start: { line, character: 0 }, end: { line, character: 8 } } },
    relatedLocations: [],
  };
}

describe('mergeRepeatedFindings', () => {
  it('keeps one finding per place for parameter files of one template, naming all of them', () => {
    const results: InputResult[] = [
      { file: '/repo/dev.bicepparam', status: 'analysed', findings: [finding(3), finding(9)] },
      { file: '/repo/prod.bicepparam', status: 'analysed', findings: [finding(3), finding(9, 'another message')] },
      { file: '/repo/other.bicep', status: 'analysed', findings: [finding(3)] },
    ];
    expect(mergeRepeatedFindings(results)).toEqual([
      {
        file: '/repo/dev.bicepparam',
        status: 'analysed',
        findings: [
          { ...finding(3), appliesTo: ['/repo/dev.bicepparam', '/repo/prod.bicepparam'] },
          { ...finding(9), appliesTo: ['/repo/dev.bicepparam'] },
        ],
      },
      { file: '/repo/prod.bicepparam', status: 'analysed', findings: [{ ...finding(9, 'another message'), appliesTo: ['/repo/prod.bicepparam'] }] },
      { file: '/repo/other.bicep', status: 'analysed', findings: [finding(3)] },
    ]);
  });
});
