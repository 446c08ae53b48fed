#!/usr/bin/env node
// npm run bench:scale [-- N] [--dir FOLDER] [--rounds R] [--sample S]: a registry of modules at
// scale. Generates N entries (default 300, scripts/scale-corpus.js) in a temp folder, or takes a
// folder of the user's (--dir, only read), and measures in one run: bicep-audit cold with an empty
// cache (the default), with --no-cache (in turn, R rounds, default 3, the median of each), warm
// (the cache of the last cold run), and one `bicep build --stdout` process per entry on a sample of
// S entries (default 20) spread over the entries, scaled to all of them. Every time is a whole
// process's wall time, measured from outside; the peak memory of a bicep-audit run is the largest
// sum of the resident memory of its whole process tree (node and Bicep servers), sampled from /proc.
// Prints the table and the ratios beside their targets, and writes them to bench/results/.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { locateBicepCli } = require('../dist/bicep/locate-cli.js');
const { median } = require('./bench-expansion.js');
const { writeScaleCorpus, writeModuleCache } = require('./scale-corpus.js');

const ROOT = path.resolve(__dirname, '..');
const PAGE = 4096;
const SAMPLE_MS = 100;

/** The targets of the scale work, each a ratio measured in this one run. */
const TARGETS = [
  { ratio: 'coldOverNoCache', name: 'cold, empty cache / --no-cache', atMost: 1.05 },
  { ratio: 'buildOverCold', name: 'one bicep build per entry / cold', atLeast: 12 },
];
const PEAK_TARGET = 2 * 2 ** 30;

function options(argv) {
  const given = { count: 300, rounds: 3, sample: 20, dir: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--dir') given.dir = path.resolve(argv[++i]);
    else if (arg === '--rounds') given.rounds = Number(argv[++i]);
    else if (arg === '--sample') given.sample = Number(argv[++i]);
    else if (/^\d+$/.test(arg)) given.count = Number(arg);
    else throw new Error(`unknown argument ${arg}; usage: npm run bench:scale [-- N] [--dir FOLDER] [--rounds R] [--sample S]`);
  }
  return given;
}

/** Every process's parent, read from /proc. */
function parents() {
  const parent = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: the fields after its last ')' are plain.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
    } catch {
      // The process ended while the list was read.
    }
  }
  return parent;
}

/** The resident memory of a process and all its descendants now, in bytes. */
function treeResident(root) {
  const parent = parents();
  const tree = new Set([root]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const [pid, ppid] of parent) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grown = true;
      }
    }
  }
  let bytes = 0;
  for (const pid of tree) {
    try {
      bytes += Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
    } catch {
      // Ended meanwhile.
    }
  }
  return bytes;
}

/** Runs a command; its wall time from outside, the peak of its tree's resident memory, and what it printed. */
function measured(command, args, spawnOptions, okCodes) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeResident(child.pid))), SAMPLE_MS);
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      clearInterval(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (!okCodes.includes(code)) reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${stderr.slice(-2000)}`));
      else resolve({ wallMs, peakBytes: peak, stdout });
    });
  });
}

const audit = (folder, cli, extra, env, cwd) =>
  measured(process.execPath, [path.join(ROOT, 'bin', 'bicep-audit.js'), folder, '--bicep', cli, '--format', 'json', '--fail-on', 'never', ...extra], { env, cwd }, [0, 2]);

/** `count` items spread evenly over `items`. */
function spread(items, count) {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, k) => items[Math.floor((k * items.length) / count)]);
}

const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const given = options(process.argv.slice(2));
  let cli;
  try {
    cli = locateBicepCli({ env: process.env, homeDir: os.homedir(), cwd: process.cwd() }).path;
  } catch (error) {
    console.error(`npm run bench:scale needs a Bicep CLI: ${error.message}`);
    process.exitCode = 3;
    return;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bicep-audit-scale-'));
  try {
    // The generated corpus's registry module is in a module cache below this HOME; a folder of the user's uses the user's own.
    const home = given.dir ? os.homedir() : path.join(work, 'home');
    let folder = given.dir;
    if (!folder) {
      folder = path.join(work, 'corpus');
      writeScaleCorpus(folder, given.count);
      writeModuleCache(home, cli);
    }
    const env = { ...process.env, HOME: home };
    // Run from the temp folder, with no node_modules above it: the cache goes to XDG_CACHE_HOME, a fresh one for each cold run.
    const cacheOf = (name) => ({ ...env, XDG_CACHE_HOME: path.join(work, name) });
    const rounds = { cold: [], noCache: [] };
    let entries;
    for (let round = 0; round < given.rounds; round += 1) {
      // In turn, first one then the other, so that a busy moment of a shared machine falls on both alike.
      const steps = [
        async () => rounds.cold.push(await audit(folder, cli, [], cacheOf(`cache-${round}`), work)),
        async () => rounds.noCache.push(await audit(folder, cli, ['--no-cache'], cacheOf('unused'), work)),
      ];
      if (round % 2 === 1) steps.reverse();
      for (const step of steps) await step();
      entries ??= JSON.parse(rounds.noCache[0]?.stdout ?? rounds.cold[0].stdout).inputs.map((r) => r.file);
      process.stderr.write(`round ${round + 1}/${given.rounds}: cold ${seconds(rounds.cold.at(-1).wallMs)}, --no-cache ${seconds(rounds.noCache.at(-1).wallMs)}\n`);
    }
    const warm = await audit(folder, cli, [], cacheOf(`cache-${given.rounds - 1}`), work);
    entries = entries.map((file) => path.resolve(work, file));
    const sample = spread(entries, given.sample);
    let buildMs = 0;
    for (const file of sample) {
      // Exit 1 is an entry that does not compile.
      buildMs += (await measured(cli, ['build', file, '--stdout'], { env, cwd: work }, [0, 1])).wallMs;
    }
    const perEntry = buildMs / sample.length;
    const row = (runs) => ({ wallMs: median(runs.map((r) => r.wallMs)), peakBytes: Math.max(...runs.map((r) => r.peakBytes)), roundsMs: runs.map((r) => r.wallMs) });
    const steps = { cold: row(rounds.cold), noCache: row(rounds.noCache), warm: row([warm]), build: { wallMs: perEntry * entries.length, perEntryMs: perEntry, sample: sample.length } };
    const ratios = {
      coldOverNoCache: steps.cold.wallMs / steps.noCache.wallMs,
      buildOverCold: steps.build.wallMs / steps.cold.wallMs,
      warmOverCold: steps.warm.wallMs / steps.cold.wallMs,
    };
    const files = countFiles(folder);
    console.log(`${given.dir ?? `generated corpus`}: ${entries.length} entries, ${files} .bicep files; bicep ${spawnSync(cli, ['--version'], { encoding: 'utf8' }).stdout.trim()}; ${os.cpus().length} cores`);
    console.log('');
    console.log('| run | wall | peak memory (process tree) |');
    console.log('| --- | ---: | ---: |');
    const spreadOf = (step) => ` (median of ${step.roundsMs.length}: ${step.roundsMs.map((ms) => (ms / 1000).toFixed(1)).join(', ')})`;
    console.log(`| cold, cache empty (the default) | ${seconds(steps.cold.wallMs)}${spreadOf(steps.cold)} | ${mb(steps.cold.peakBytes)} |`);
    console.log(`| \`--no-cache\` | ${seconds(steps.noCache.wallMs)}${spreadOf(steps.noCache)} | ${mb(steps.noCache.peakBytes)} |`);
    console.log(`| warm | ${seconds(steps.warm.wallMs)} | ${mb(steps.warm.peakBytes)} |`);
    console.log(`| one \`bicep build\` per entry (${sample.length}-entry sample, scaled) | ${seconds(steps.build.wallMs)} (${perEntry.toFixed(0)} ms an entry) | |`);
    console.log('');
    for (const target of TARGETS) {
      const value = ratios[target.ratio];
      const met = target.atLeast === undefined ? value <= target.atMost : value >= target.atLeast;
      const goal = target.atLeast === undefined ? `<= ${target.atMost}` : `>= ${target.atLeast}`;
      console.log(`${target.name.padEnd(36)} ${value.toFixed(3).padStart(7)}  target ${goal.padEnd(7)} ${met ? 'met' : 'NOT MET'}`);
    }
    console.log(`${'warm / cold'.padEnd(36)} ${ratios.warmOverCold.toFixed(3).padStart(7)}`);
    const peak = Math.max(steps.cold.peakBytes, steps.noCache.peakBytes, steps.warm.peakBytes);
    console.log(`${'peak memory of any run'.padEnd(36)} ${mb(peak).padStart(7)}  target <= 2048 MB ${peak <= PEAK_TARGET ? 'met' : 'NOT MET'}`);
    const result = { date: new Date().toISOString(), folder: given.dir ?? null, entries: entries.length, files, machine: { cpus: os.cpus().length, memory: os.totalmem() }, steps, ratios, peakBytes: peak };
    fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
    const out = path.join(ROOT, 'bench', 'results', `${result.date.replace(/[:.]/g, '-')}-scale-n${entries.length}.json`);
    fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`written to ${path.relative(ROOT, out)}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function countFiles(folder) {
  return fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.bicep')).length;
}

main().catch((error) => {
  console.error(error.stack ?? error.message);
  process.exitCode = 1;
});
