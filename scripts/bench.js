#!/usr/bin/env node
// npm run bench [-- N]: generates N Bicep entries (default 100; the last one does not compile) in a
// temp folder and measures, in one run on that corpus: (a) one `bicep build --stdout` process per
// file, as other tools do; (b) compile only, through one warm JSON-RPC process; (c) bicep-audit with a
// cold cache; (d) bicep-audit again with the cache warm ((b), (c) and (d) in turn, 3 rounds, the median
// of each); and one file, `bicep-audit main.bicep --no-cache` against `bicep build --stdout main.bicep`,
// alternating, the median of 5 each. Every time is a whole process's wall time, measured from outside.
// Prints the times, peak memory and every ratio beside its target, with the median engine time per
// template, and writes them to bench/results/.
// Needs `npm run build` and a Bicep CLI (found as bicep-audit finds it).
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { locateBicepCli } = require('../dist/bicep/locate-cli.js');
const { BicepJsonRpcClient } = require('../dist/bicep/jsonrpc-client.js');
const { engineTimes, median, ruleFamilyCost } = require('./bench-expansion.js');

// Every audit-log rule on may cost the engine at most this much more than Azure.ACR.Logs alone.
const FAMILY_TARGET = 1.03;

const ROOT = path.resolve(__dirname, '..');
const SETTING = (scope, logs) => `resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit'
  scope: ${scope}
  properties: {
    workspaceId: workspaceId
    logs: [${logs}]
  }
}`;
const REGISTRY = (symbol, name, extra = '') => `resource ${symbol} 'Microsoft.ContainerRegistry/registries@2023-07-01' = ${extra}{
  name: ${name}
  location: resourceGroup().location
  sku: { name: 'Premium' }
}`;
const GROUP = "{ categoryGroup: 'audit', enabled: true }";

/** Four shapes in turn: a single file, a local module, loops, conditions. */
function corpusFile(i) {
  const head = `param workspaceId string = '/subscriptions/s/resourceGroups/g/providers/Microsoft.OperationalInsights/workspaces/w${i}'\n`;
  switch (i % 4) {
    case 0:
      return { 'main.bicep': `${head}${REGISTRY('acr', `'acrsingle${i}'`)}\n${SETTING('acr', GROUP)}\n` };
    case 1:
      return {
        'main.bicep': `${head}module registry 'modules/registry.bicep' = {\n  name: 'registry${i}'\n  params: { workspaceId: workspaceId }\n}\n`,
        'modules/registry.bicep': `param workspaceId string\n${REGISTRY('acr', `'acrmodule${i}'`)}\n${SETTING('acr', "{ category: 'ContainerRegistryLoginEvents', enabled: true }")}\n`,
      };
    case 2:
      return {
        'main.bicep':
          `${head}param names array = ['a${i}', 'b${i}', 'c${i}']\n` +
          `${REGISTRY('acrs', "'acr${name}'", '[for name in names: ')}]\n` +
          `resource audits 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [for (name, k) in names: {\n  name: 'audit'\n  scope: acrs[k]\n  properties: { workspaceId: workspaceId, logs: [${GROUP}] }\n}]\n`,
      };
    default:
      return { 'main.bicep': `${head}param exportLogs bool = ${i % 8 === 3}\n${REGISTRY('acr', `'acrcond${i}'`)}\n${SETTING('acr', GROUP).replace(' = {', ' = if (exportLogs) {')}\n` };
  }
}

// An entry that does not compile, as a real repository may hold: its failure is cached too.
const BROKEN = { 'main.bicep': "resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'acrbroken'\n" };

function writeCorpus(folder, count) {
  const entries = [];
  for (let i = 0; i < count; i += 1) {
    for (const [name, text] of Object.entries(i === count - 1 ? BROKEN : corpusFile(i))) {
      const file = path.join(folder, `case${String(i).padStart(4, '0')}`, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      if (name === 'main.bicep') entries.push(file);
    }
  }
  return entries;
}

/** Runs a node script in a child: its wall time from outside, and the peak memory it prints as JSON. */
function measuredNode(script, args, env) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['-e', script, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`a measured step failed (exit ${run.status}):\n${run.stderr}`);
  return { ...JSON.parse(run.stdout.trim().split('\n').pop()), wallMs };
}

/** bicep-audit as a person runs it (bin/bicep-audit.js): its wall time from outside, and its peak memory. */
function measuredAudit(args, env, cwd) {
  const start = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, path.join(ROOT, 'bin', 'bicep-audit.js'), ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  // Exit 2: the corpus holds an entry that does not compile.
  if (run.status !== 2) throw new Error(`bicep-audit exited ${run.status}:\n${run.stderr}`);
  return { wallMs, peakBytes: Number(run.stderr.trim().split('\n').pop()) * 1024 };
}

/** The wall time of one process, from outside. */
function timedProcess(command, args, options) {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, args, { ...options, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status === null) throw new Error(`${command} ${args.join(' ')} did not finish: ${run.error ?? run.signal}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The step's median wall time over its rounds, with the largest peak memory of any of them. */
function medianStep(rounds) {
  const peaks = rounds.map((r) => r.peakBytes).filter((p) => p !== null);
  return { wallMs: median(rounds.map((r) => r.wallMs)), peakBytes: peaks.length > 0 ? Math.max(...peaks) : null, roundsMs: rounds.map((r) => r.wallMs) };
}

/** One file as a person runs it: bicep-audit against `bicep build --stdout`, alternating, `rounds` each; the medians. */
function singleFile(cli, file, env, rounds) {
  const build = [];
  const audit = [];
  for (let i = 0; i < rounds; i += 1) {
    build.push(timedProcess(cli, ['build', file, '--stdout'], { env }));
    audit.push(timedProcess(process.execPath, [path.join(ROOT, 'bin', 'bicep-audit.js'), file, '--bicep', cli, '--no-cache'], { env }));
  }
  return { buildMs: median(build), auditMs: median(audit) };
}

const PER_FILE = `
const { spawnSync } = require('node:child_process');
const [cli, ...files] = process.argv.slice(1);
let peak = 0;
for (const file of files) {
  const run = spawnSync('/usr/bin/time', ['-f', '%M', cli, 'build', file, '--stdout'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  // Exit 1 is a file that does not compile (the corpus has one); anything else is a broken step.
  if (run.status !== 0 && run.status !== 1) { console.error(run.stderr); process.exit(1); }
  peak = Math.max(peak, Number(run.stderr.trim().split('\\n').pop()) * 1024);
}
console.log(JSON.stringify({ peakBytes: peak }));`;

const ONE_SERVER = `
const { BicepJsonRpcClient } = require(${JSON.stringify(path.join(ROOT, 'dist', 'bicep', 'jsonrpc-client.js'))});
const [cli, out, ...files] = process.argv.slice(1);
const fs = require('node:fs');
(async () => {
  const client = BicepJsonRpcClient.start(cli, 120000);
  for (const [i, file] of files.entries()) {
    const answer = await client.compile({ path: file });
    // The corpus's last entry does not compile.
    if (answer.success) fs.writeFileSync(out + '/' + i + '.json', answer.contents);
  }
  await client.close();
  console.log(JSON.stringify({ peakBytes: null }));
})();`;

/** The ratios the speed work is held to, each measured in one run on this corpus. */
const TARGETS = [
  { ratio: 'aOverC', name: '(a) build per file / (c) bicep-audit cold', atLeast: 14 },
  { ratio: 'cOverB', name: '(c) bicep-audit cold / (b) one warm server', atMost: 1.0 },
  { ratio: 'dOverC', name: '(d) warm cache / (c) cold', atMost: 0.12 },
  { ratio: 'singleFile', name: 'one file: bicep-audit / bicep build', atMost: 1.1 },
];

/** Rounds of (b), (c) and (d). */
const ROUNDS = 3;

const mb = (bytes) => (bytes === null ? 'n/a' : `${(bytes / 2 ** 20).toFixed(0)} MB`);

async function main() {
  const count = Number(process.argv[2] ?? 100);
  let cli;
  try {
    cli = locateBicepCli({ env: process.env, homeDir: os.homedir(), cwd: process.cwd() }).path;
  } catch (error) {
    console.error(`npm run bench needs a Bicep CLI: ${error.message}`);
    process.exitCode = 3;
    return;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bicep-audit-bench-'));
  try {
    const corpus = path.join(work, 'corpus');
    const entries = writeCorpus(corpus, count);
    const compiled = path.join(work, 'compiled');
    fs.mkdirSync(compiled);
    const env = { ...process.env, XDG_CACHE_HOME: path.join(work, 'cache'), HOME: work };
    const auditArgs = [corpus, '--bicep', cli, '--format', 'json', '--fail-on', 'never'];
    const a = measuredNode(PER_FILE, [cli, ...entries], env);
    // In turn, so that a busy moment of a shared machine falls on every step alike.
    const rounds = { b: [], c: [], d: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      rounds.b.push(measuredNode(ONE_SERVER, [cli, compiled, ...entries], env));
      // Run from the temp folder, which has no node_modules above it: the cache goes to XDG_CACHE_HOME there, a fresh one each round.
      const roundEnv = { ...env, XDG_CACHE_HOME: path.join(work, `cache-${round}`) };
      rounds.c.push(measuredAudit(auditArgs, roundEnv, work));
      rounds.d.push(measuredAudit(auditArgs, roundEnv, work));
    }
    const [b, c, d] = [medianStep(rounds.b), medianStep(rounds.c), medianStep(rounds.d)];
    const single = singleFile(cli, entries[0], env, 5);
    const templates = fs.readdirSync(compiled).map((f) => path.join(compiled, f));
    const engine = median((await engineTimes(templates, 20)).map(([, ms]) => ms));
    const family = await ruleFamilyCost(templates, 5);
    const ratios = { aOverC: a.wallMs / c.wallMs, cOverB: c.wallMs / b.wallMs, dOverC: d.wallMs / c.wallMs, singleFile: single.auditMs / single.buildMs };
    const result = {
      date: new Date().toISOString(),
      files: count,
      bicep: spawnSync(cli, ['--version'], { encoding: 'utf8' }).stdout.trim(),
      machine: { cpus: os.cpus().length, memory: os.totalmem() },
      steps: { a, b, c, d, single },
      ratios,
      targets: TARGETS,
      engineMedianMs: engine,
      ruleFamily: family,
    };
    const rows = [
      ['(a) one bicep build per file', a],
      ['(b) compile only, one warm server', b],
      ['(c) bicep-audit, cold cache', c],
      ['(d) bicep-audit, warm cache', d],
    ];
    const ms = (value) => `${value.toFixed(0).padStart(8)} ms`;
    for (const [name, step] of rows) {
      const spread = step.roundsMs ? `  (median of ${ROUNDS}: ${step.roundsMs.map((r) => r.toFixed(0)).join(', ')})` : '';
      console.log(`${name.padEnd(40)} ${ms(step.wallMs)}  ${mb(step.peakBytes).padStart(8)}${spread}`);
    }
    console.log(`${'one file: bicep-audit --no-cache'.padEnd(40)} ${ms(single.auditMs)}  (median of 5)`);
    console.log(`${'one file: bicep build --stdout'.padEnd(40)} ${ms(single.buildMs)}  (median of 5, alternating)`);
    console.log('');
    for (const target of TARGETS) {
      const value = ratios[target.ratio];
      const met = target.atLeast === undefined ? value <= target.atMost : value >= target.atLeast;
      const goal = target.atLeast === undefined ? `<= ${target.atMost}` : `>= ${target.atLeast}`;
      console.log(`${target.name.padEnd(52)} ${value.toFixed(3).padStart(7)}  target ${goal.padEnd(7)} ${met ? 'met' : 'NOT MET'}`);
    }
    console.log(`engine (expansion + rules + location): median ${engine.toFixed(3)} ms per template over ${templates.length}  target < 1 ms ${engine < 1 ? 'met' : 'NOT MET'}`);
    const familyMet = family.ratio <= FAMILY_TARGET ? 'met' : 'NOT MET';
    console.log(
      `${'engine, every rule / Azure.ACR.Logs alone'.padEnd(52)} ${family.ratio.toFixed(3).padStart(7)}  target <= ${FAMILY_TARGET} ${familyMet}  (${family.everyRuleMs.toFixed(0)} / ${family.registryRuleMs.toFixed(0)} ms over the corpus, median of 5, alternating)`,
    );
    fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
    const out = path.join(ROOT, 'bench', 'results', `${result.date.replace(/[:.]/g, '-')}-n${count}.json`);
    fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`written to ${path.relative(ROOT, out)}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
