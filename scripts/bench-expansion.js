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

/** The median time of each template over `rounds` runs, as [file, ms] rows. */
async function engineTimes(files, rounds) {
  const rows = [];
  for (const file of files) {
    const times = [];
    for (let i = 0; i < rounds; i += 1) {
      const start = process.hrtime.bigint();
      await analyzeArmTemplate(file, new Map());
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

module.exports = { engineTimes, median };
