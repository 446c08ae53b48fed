import { realBicep } from '../helpers/real-bicep';
import { JUDGED_TYPES } from './deployment-view';
import { formatOracleReport, runOracle, verdictTally } from './run-oracle';

// A fixed seed: the same 50 programs on every run. `npm run oracle -- --count N --seed S` runs others.
const SEED = 20261204;
const COUNT = 50;

describe('the engine against Azure’s own engine (bicep snapshot)', () => {
  it(`agrees on the judged resources, settings and verdicts of ${COUNT} generated programs, every judged type passing and failing`, async () => {
    const results = await runOracle({ cli: realBicep(), seed: SEED, count: COUNT, concurrency: 2 });
    // Without the tally lines, so that a disagreement shows in full.
    const report = formatOracleReport(results).split('\n').filter((line) => !/^ {2}\S+: \d+ pass, \d+ fail/.test(line));
    expect(report.join('\n')).toBe(`oracle: ${COUNT} compared, 0 disagreements`);
    const tally = verdictTally(results);
    for (const type of JUDGED_TYPES) expect({ type, passes: tally[type].pass > 0, fails: tally[type].fail > 0 }).toEqual({ type, passes: true, fails: true });
  }, 600_000);
});
