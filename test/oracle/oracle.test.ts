import { realBicep } from '../helpers/real-bicep';
import { formatOracleReport, runOracle } from './run-oracle';

// A fixed seed: the same 50 programs on every run. `npm run oracle -- --count N --seed S` runs others.
const SEED = 20261204;
const COUNT = 50;

describe('the engine against Azure’s own engine (bicep snapshot)', () => {
  it(`agrees on the registries, settings and verdicts of ${COUNT} generated programs`, async () => {
    const results = await runOracle({ cli: realBicep(), seed: SEED, count: COUNT, concurrency: 2 });
    expect(formatOracleReport(results)).toBe(`oracle: ${COUNT} compared, 0 disagreements`);
  }, 600_000);
});
