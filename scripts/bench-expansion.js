#!/usr/bin/env node
// Times parse + expansion + rules per template over the ARM fixtures (needs `npm run build`).
// Prints the median milliseconds for each template and the median over all of them.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { analyzeArmTemplate } = require('../dist/analyze/arm-input.js');

const ROUNDS = Number(process.argv[2] ?? 200);
const folder = path.resolve(__dirname, '..', 'test', 'fixtures', 'arm');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  const rows = [];
  for (const name of fs.readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
    const file = path.join(folder, name);
    const times = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      const start = process.hrtime.bigint();
      await analyzeArmTemplate(file, new Map());
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    rows.push([name, median(times)]);
  }
  const all = median(rows.map(([, ms]) => ms));
  for (const [name, ms] of rows) console.log(`${name.padEnd(24)} ${ms.toFixed(3)} ms`);
  console.log(`median over ${rows.length} templates: ${all.toFixed(3)} ms per template (${ROUNDS} rounds each)`);
}

main();
