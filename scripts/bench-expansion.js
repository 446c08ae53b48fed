#!/usr/bin/env node
// Times parse + expansion + rules + location per template over the ARM fixtures (needs `npm run build`).
// Prints the median milliseconds for each template and the median over all of them.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { analyzeArmTemplate } = require('../dist/analyze/arm-input.js');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The median time of each template over `rounds` runs, as [file, ms] rows; `rules` as analyzeArmTemplate takes them (default: every rule). */
async function engineTimes(files, rounds, rules) {
  const rows = [];
  for (const file of files) {
    const times = [];
    for (let i = 0; i < rounds; i += 1) {
      const start = process.hrtime.bigint();
      await analyzeArmTemplate(file, new Map(), rules);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    rows.push([file, median(times)]);
  }
  return rows;
}

async function main() {
  const rounds = Number(process.argv[2] ?? 200);
  const folder = path.resolve(__dirname, '..', 'test', 'fixtures', 'arm');
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(folder, f));
  const rows = await engineTimes(files, rounds);
  for (const [file, ms] of rows) console.log(`${path.basename(file).padEnd(24)} ${ms.toFixed(3)} ms`);
  console.log(`median over ${rows.length} templates: ${median(rows.map(([, ms]) => ms)).toFixed(3)} ms per template (${rounds} rounds each)`);
}

if (require.main === module) main();

/** Every rule but Azure.ACR.Logs off: the baseline the rule family's cost is measured against. */
function onlyRegistryRule() {
  const { RULES } = require('../dist/rules/index.js');
  return { settings: new Map(RULES.filter((r) => r.id !== 'Azure.ACR.Logs').map((r) => [r.id, 'off'])), declared: [] };
}

/** The engine's total time over the templates with every rule and with Azure.ACR.Logs alone, alternating, the median of `rounds` each. */
async function ruleFamilyCost(files, rounds) {
  const total = async (rules) => (await engineTimes(files, 20, rules)).reduce((sum, [, ms]) => sum + ms, 0);
  const every = [];
  const one = [];
  for (let round = 0; round < rounds; round += 1) {
    every.push(await total(undefined));
    one.push(await total(onlyRegistryRule()));
  }
  return { everyRuleMs: median(every), registryRuleMs: median(one), ratio: median(every) / median(one) };
}

module.exports = { engineTimes, median, ruleFamilyCost };
