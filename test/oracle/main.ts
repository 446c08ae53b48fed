import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { provisionedBicepPath } from '../../src/bicep/provisioned-cli';
import { generateProgram } from './generate-program';
import { formatOracleReport, runOracle } from './run-oracle';

const USAGE = 'usage: npm run oracle -- [--count N] [--seed S] [--jobs J] [--only I,J] [--keep DIR]';

function optionValues(argv: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]!;
    if (!name.startsWith('--') || argv[i + 1] === undefined) throw new Error(USAGE);
    values.set(name.slice(2), argv[i + 1]!);
  }
  for (const name of values.keys()) if (!['count', 'seed', 'jobs', 'only', 'keep'].includes(name)) throw new Error(`unknown option --${name}\n${USAGE}`);
  return values;
}

function wholeNumber(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number, not ${JSON.stringify(text)}`);
  return value;
}

/** `npm run oracle`: compares generated programs with `bicep snapshot`; exit 1 on any disagreement. */
export async function oracleMain(argv: readonly string[]): Promise<number> {
  const options = optionValues(argv);
  const seed = wholeNumber(options.get('seed'), 1, 'seed');
  const only = options.get('only')?.split(',').map((i) => wholeNumber(i, 0, 'only'));
  const cli = process.env.BICEP_PATH ?? provisionedBicepPath(process.env, os.homedir());
  if (!fs.existsSync(cli)) throw new Error(`no Bicep CLI at ${cli}: run \`npm ci\` or \`npm run provision-bicep\`, or set BICEP_PATH`);
  const results = await runOracle({ cli, seed, count: wholeNumber(options.get('count'), 100, 'count'), concurrency: wholeNumber(options.get('jobs'), 2, 'jobs') || 1, ...(only ? { only } : {}) });
  process.stdout.write(`${formatOracleReport(results)}\n`);
  const keep = options.get('keep');
  const disagreeing = results.filter((r) => r.outcome.kind === 'compared' && r.outcome.differences.length > 0);
  if (keep) {
    for (const { program } of disagreeing) {
      for (const [relative, content] of Object.entries(generateProgram(program.seed, program.index).files)) {
        const file = path.join(keep, `seed${program.seed}-program${program.index}`, relative);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
      }
    }
  }
  return disagreeing.length > 0 ? 1 : 0;
}
