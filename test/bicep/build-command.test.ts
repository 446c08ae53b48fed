import { parseDiagnosticLines } from '../../src/bicep/build-command';

describe('parseDiagnosticLines', () => {
  it('reads the CLI diagnostic line format into 0-based positions', () => {
    const stderr = [
      "/repo/main.bicep(3,7) : Error BCP018: Expected the \"=\" character at this location.",
      '/repo/main.bicep(1,7) : Warning no-unused-params: Parameter "location" is declared but never used.',
      'Some unrelated line',
    ].join('\n');
    expect(parseDiagnosticLines(stderr)).toEqual([
      {
        file: '/repo/main.bicep',
        range: { start: { line: 2, character: 6 }, end: { line: 2, character: 6 } },
        level: 'error',
        code: 'BCP018',
        message: 'Expected the "=" character at this location.',
      },
      {
        file: '/repo/main.bicep',
        range: { start: { line: 0, character: 6 }, end: { line: 0, character: 6 } },
        level: 'warning',
        code: 'no-unused-params',
        message: 'Parameter "location" is declared but never used.',
      },
    ]);
  });
});
