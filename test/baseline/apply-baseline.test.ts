import path from 'node:path';
import { analyzeArmTemplate } from '../../src/analyze/arm-input';
import { applyBaseline, entriesOf, withoutFixed } from '../../src/baseline/apply-baseline';
import type { InputResult } from '../../src/rules/finding';
import { ARM_FIXTURES } from '../helpers/expand-fixture';

// Two inputs whose findings share every part of the key (as two copies of one template in a folder would, were they one file).
async function twice(): Promise<InputResult[]> {
  const result = await analyzeArmTemplate(path.join(ARM_FIXTURES, 'typo.json'), new Map());
  expect(result.findings).toHaveLength(1);
  return [result, { ...result, file: path.join(ARM_FIXTURES, 'typo-copy.json') }];
}

describe('baseline counts', () => {
  it('writes one entry with a count for findings that share a key', async () => {
    const entries = entriesOf(await twice(), ARM_FIXTURES);
    expect(entries).toEqual([{ rule: 'Azure.ACR.Logs', file: 'typo.json', resource: 'registry', message: expect.stringContaining("registry 'acrtypo'"), count: 2 }]);
  });

  it('accepts as many findings as the count, in report order; the rest are new', async () => {
    const results = await twice();
    const [entry] = entriesOf(results.slice(0, 1), ARM_FIXTURES);
    const applied = applyBaseline(results, [entry!], ARM_FIXTURES);
    expect(applied.results.map((r) => r.findings[0]!.baselined ?? false)).toEqual([true, false]);
    expect(applied.fixed).toEqual([]);
  });

  it('reports what the count has beyond the findings as fixed, and pruning lowers the count', async () => {
    const results = await twice();
    const entries = entriesOf(results, ARM_FIXTURES).map((e) => ({ ...e, count: 5 }));
    const applied = applyBaseline(results, entries, ARM_FIXTURES);
    expect(applied.fixed).toEqual([{ ...entries[0], count: 3 }]);
    expect(withoutFixed(entries, applied.fixed).map((e) => e.count)).toEqual([2]);
  });
});
