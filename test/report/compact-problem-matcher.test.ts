import fs from 'node:fs';
import path from 'node:path';
import { auditWithRealBicep, BICEP_FIXTURES } from '../helpers/real-bicep';

const README = fs.readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');

interface Pattern {
  regexp: string;
  file: number;
  line: number;
  column: number;
  severity: number;
  message: number;
  code: number;
}

/** The problem matcher of the README's VS Code task, as VS Code would read it. */
function documentedPattern(): Pattern {
  const block = [...README.matchAll(/^```json\n([^]*?)\n```$/gm)].map((m) => m[1]!).find((b) => b.includes('"problemMatcher"'));
  expect(block).toBeDefined();
  return JSON.parse(block!).tasks[0].problemMatcher.pattern as Pattern;
}

const INPUTS = ['demo/main.bicep', 'baseline/main.bicep'];

describe('--format compact and the README problem matcher', () => {
  it('matches every line the tool prints, giving the file, position, severity, message and rule of each finding', async () => {
    const pattern = documentedPattern();
    const compact = await auditWithRealBicep([...INPUTS, '--format', 'compact', '--no-cache']);
    const json = await auditWithRealBicep([...INPUTS, '--format', 'json', '--no-cache']);
    expect([compact.code, compact.stderr]).toEqual([1, '']);
    const lines = compact.stdout.split('\n');
    expect(lines.pop()).toBe('');
    const matcher = new RegExp(pattern.regexp);
    const parsed = lines.map((line) => {
      const m = matcher.exec(line);
      expect(m).not.toBeNull();
      return { file: m![pattern.file], line: Number(m![pattern.line]), column: Number(m![pattern.column]), severity: m![pattern.severity], message: m![pattern.message], code: m![pattern.code] };
    });
    const results = (JSON.parse(json.stdout) as { results: { ruleId: string; level: string; message: string; location: { file: string; line: number; column: number } }[] }).results;
    expect(parsed).toEqual(
      results.map((r) => ({ file: path.relative(BICEP_FIXTURES, r.location.file), line: r.location.line, column: r.location.column, severity: r.level, message: r.message, code: r.ruleId })),
    );
    // An error, a review (warning) and a finding in a module's file are among them.
    expect(parsed.map((p) => `${p.file}:${p.line}:${p.severity}`)).toEqual([
      'demo/main.bicep:16:error',
      'demo/main.bicep:22:error',
      'baseline/main.bicep:18:warning',
      'baseline/main.bicep:24:error',
      'baseline/modules/registry.bicep:4:error',
    ]);
  });
});
