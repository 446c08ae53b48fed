import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isolatedEnv } from '../helpers/run-cli';
import { makeTree } from '../helpers/temp-tree';

const BIN = path.resolve(__dirname, '..', '..', 'bin', 'bicep-audit.js');
const FAKES = path.resolve(__dirname, '..', 'fixtures', 'fake-bicep');

/** A source tree, a private temp folder for the tool (TMPDIR) and a file where each fake CLI records its pid. */
function workspace() {
  // The fake CLIs' registries are about failure modes: the lock each lacks is test/rules/control-plane.test.ts's.
  const tree = makeTree({ 'src/main.bicep': "param location string = 'westeurope'\n", 'tmp/.keep': '', 'bicep-audit.json': '{ "rules": { "Azure.ACR.DeleteLock": "off" } }\n' });
  fs.rmSync(path.join(tree, 'tmp', '.keep'));
  const pids = path.join(tree, 'pids');
  const env = isolatedEnv({ HOME: tree, TMPDIR: path.join(tree, 'tmp'), FAKE_BICEP_PIDS: pids });
  return { tree, env, pids, tmp: path.join(tree, 'tmp') };
}

/** Whether a process still runs (a zombie awaiting its parent counts as ended). */
function alive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

function recordedPids(file: string): number[] {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').map(Number) : [];
}

interface Scenario {
  name: string;
  fake: string;
  extra?: string[];
  /** Every line of stderr; a RegExp where the text comes from the platform (a JSON parser's message). */
  stderr: (string | RegExp)[];
}

const fake = (name: string) => path.join(FAKES, name);

const scenarios: Scenario[] = [
  {
    name: 'crashes at start, even for --version',
    fake: 'starts-crashing.js',
    stderr: [
      'bicep-audit: the Bicep CLI did not report its version',
      `  command: ${fake('starts-crashing.js')} --version`,
      '  exit code: 1',
      '  output: Unhandled exception. System.TypeInitializationException: simulated crash at start',
    ],
  },
  {
    name: 'exits non-zero with garbage',
    fake: 'garbage-exit.js',
    stderr: [
      'bicep-audit: the Bicep CLI JSON-RPC server ended unexpectedly',
      `  command: ${fake('garbage-exit.js')} jsonrpc --stdio`,
      '  exit code: 2',
      '  output: fatal: something went wrong',
    ],
  },
  {
    name: 'answers with invalid JSON',
    fake: 'invalid-json.js',
    stderr: [/^bicep-audit: the Bicep CLI sent something that is not JSON-RPC: .*JSON/, `  command: ${fake('invalid-json.js')} jsonrpc --stdio`],
  },
  {
    name: 'closes the JSON-RPC stream mid-answer and lives on',
    fake: 'mid-answer.js',
    stderr: ['bicep-audit: the Bicep CLI closed its output before answering', `  command: ${fake('mid-answer.js')} jsonrpc --stdio`],
  },
  {
    name: 'never answers its first request, the version',
    fake: 'mute.js',
    extra: ['--timeout', '1'],
    stderr: ['bicep-audit: the Bicep CLI did not answer bicep/version within 1000 ms', `  command: ${fake('mute.js')} jsonrpc --stdio`],
  },
  {
    name: 'is killed by a signal',
    fake: 'killed.js',
    stderr: ['bicep-audit: the Bicep CLI JSON-RPC server ended unexpectedly', `  command: ${fake('killed.js')} jsonrpc --stdio`, '  signal: SIGKILL', '  output: about to be killed'],
  },
];

describe('a failing Bicep CLI: exit 3, a message that says what failed, no process left behind', () => {
  it.each(scenarios)('$name', ({ fake: name, extra = [], stderr }) => {
    const { tree, env, pids, tmp } = workspace();
    const result = spawnSync(process.execPath, [BIN, 'src/main.bicep', '--bicep', fake(name), ...extra], { cwd: tree, env, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(3);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split(tree).join('<tree>').split('\n');
    expect(lines).toHaveLength(stderr.length + 1);
    stderr.forEach((expected, i) => (typeof expected === 'string' ? expect(lines[i]).toBe(expected) : expect(lines[i]).toMatch(expected)));
    const started = recordedPids(pids);
    expect(started.length).toBeGreaterThanOrEqual(1);
    expect(started.filter(alive)).toEqual([]);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });
});

/** The stylish report of a file the CLI timed out on: the run goes on and exits 3. */
const timedOut = (file: string) =>
  `${file}\n  1:1  error  cannot analyse <tree>/${file}: the Bicep CLI did not answer bicep/compile within 1000 ms; the process was replaced and the file not analysed (if it needs longer, raise --timeout, now 1 s)  input\n` +
  `    1 | param location string = 'westeurope'\n      | ^\n`;

describe('a CLI that hangs on files: they are not analysed, its process is replaced, the run goes on', () => {
  it.each(['hangs.js', 'stubborn-hang.js'])('%s', (name) => {
    const { tree, env, pids, tmp } = workspace();
    fs.writeFileSync(path.join(tree, 'src', 'typo.json'), fs.readFileSync(path.resolve(__dirname, '..', 'fixtures', 'arm', 'typo.json')));
    const more = ['second', 'third', 'fourth', 'fifth'].map((name) => `src/${name}.bicep`);
    for (const file of more) fs.writeFileSync(path.join(tree, file), "param location string = 'westeurope'\n");
    const argv = ['src/main.bicep', 'src/typo.json', ...more, '--bicep', fake(name), '--timeout', '1', '--jobs', '1'];
    const result = spawnSync(process.execPath, [BIN, ...argv], { cwd: tree, env, encoding: 'utf8', timeout: 60_000 });
    expect([result.status, result.stderr]).toEqual([3, '']);
    const report = result.stdout.split(tree).join('<tree>');
    expect(report.startsWith(`${timedOut('src/main.bicep')}\nsrc/typo.json\n  22:25  error  registry 'acrtypo' does not export`)).toBe(true);
    const rest = more.map((file) => timedOut(file)).join('\n');
    expect(report.endsWith(`${rest}\n✖ 6 problems (6 errors, 0 warnings)\n✖ 5 of 6 inputs could not be analysed\n`)).toBe(true);
    // A server takes four files at once; when one times out the server is ended and the others move to a new one, uncounted, so how
    // many servers start depends on when each file's wait ends: at least the first and one more, at most two a file and the first.
    const started = recordedPids(pids);
    expect(started.length).toBeGreaterThanOrEqual(2);
    expect(started.length).toBeLessThanOrEqual(2 * 5 + 1);
    expect(started.filter(alive)).toEqual([]);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('a `bicep build --no-restore` that fails on a file twice fails that file alone, with the command, exit code and output in the report', () => {
    const { tree, env, pids } = workspace();
    const result = spawnSync(process.execPath, [BIN, 'src/main.bicep', '--bicep', fake('garbage-exit.js'), '--no-restore'], { cwd: tree, env, encoding: 'utf8', timeout: 60_000 });
    expect([result.status, result.stderr]).toEqual([3, '']);
    expect(result.stdout.split(tree).join('<tree>').split('\n').slice(0, 2)).toEqual([
      'src/main.bicep',
      `  1:1  error  cannot analyse <tree>/src/main.bicep: the Bicep CLI failed with exit code 2 on this file twice (${fake('garbage-exit.js')} build <tree>/src/main.bicep --stdout --no-restore: fatal: something went wrong); the file was not analysed  input`,
    ]);
    expect(recordedPids(pids).filter(alive)).toEqual([]);
  });

  it('a CLI that crashes is replaced and the file tried once more; then that file fails alone and the run reports the others', () => {
    const { tree, env, pids } = workspace();
    fs.writeFileSync(path.join(tree, 'src', 'typo.json'), fs.readFileSync(path.resolve(__dirname, '..', 'fixtures', 'arm', 'typo.json')));
    const result = spawnSync(process.execPath, [BIN, 'src/main.bicep', 'src/typo.json', '--bicep', fake('crashes.js'), '--format', 'json'], { cwd: tree, env, encoding: 'utf8', timeout: 60_000 });
    expect([result.status, result.stderr]).toEqual([3, '']);
    const report = JSON.parse(result.stdout) as { inputs: { status: string }[]; results: { ruleId: string; location: { line: number } }[] };
    expect(report.inputs.map((i) => i.status)).toEqual(['error', 'analysed']);
    expect(report.results.map((r) => `${r.ruleId}:${r.location.line}`)).toEqual(['input:1', 'Azure.ACR.Logs:22']);
    // The server that said its version and crashed, and its replacements: the file's two tries, and the requests of a try
    // (the files it reads, then the compile) each on a server of its own when the one before crashed.
    const started = recordedPids(pids);
    expect(started.length).toBeGreaterThanOrEqual(2);
    expect(started.length).toBeLessThanOrEqual(4);
    expect(started.filter(alive)).toEqual([]);
  });

  it('files in flight on a server ended for another file’s timeout go to another server, uncounted: the run ends with a report', () => {
    const { tree, env, pids, tmp } = workspace();
    const fetching = "module m 'br:example.azurecr.io/bicep/modules/registry:v1' = {\n  name: 'm'\n}\n";
    const files = { fetch1: fetching, plain1: '', plain2: '', plain3: '', fetch2: fetching };
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(tree, 'src', `${name}.bicep`), text || "param location string = 'westeurope'\n");
    // One server takes four files: fetch1 and the plain ones. fetch1's fetch never ends; past --restore-timeout its server is ended,
    // and the plain files go to a second server with fetch2, which never ends either; the plain files then go to a third.
    const argv = [...Object.keys(files).map((name) => `src/${name}.bicep`), '--bicep', fake('hangs-on-fetch.js'), '--restore-timeout', '1', '--jobs', '1', '--format', 'json'];
    const result = spawnSync(process.execPath, [BIN, ...argv], { cwd: tree, env, encoding: 'utf8', timeout: 60_000 });
    expect([result.status, result.stderr]).toEqual([2, '']);
    const report = JSON.parse(result.stdout) as { inputs: { status: string }[]; results: { ruleId: string; message: string }[] };
    expect(report.inputs.map((i) => i.status)).toEqual(['failed', 'analysed', 'analysed', 'analysed', 'failed']);
    expect(report.results.map((r) => r.ruleId)).toEqual(['input', 'Azure.ACR.Logs', 'Azure.ACR.Logs', 'Azure.ACR.Logs', 'input']);
    // Three servers at least; a fourth when the plain files' move and fetch2's timeout fall apart in time.
    const started = recordedPids(pids);
    expect(started.length).toBeGreaterThanOrEqual(3);
    expect(started.length).toBeLessThanOrEqual(4);
    expect(started.filter(alive)).toEqual([]);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });
});

describe('interrupted while the CLI works: temp folders removed, the CLI ended, the signal kept', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s', async (signal) => {
    const { tree, env, pids, tmp } = workspace();
    const child = spawn(process.execPath, [BIN, 'src/main.bicep', '--bicep', fake('hangs.js')], { cwd: tree, env, stdio: 'ignore' });
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, s) => resolve(s)));
    // The mirror exists once the fake has been asked to compile it.
    // (Jest's timeout bounds a run that never makes it.)
    while (fs.readdirSync(tmp).length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fs.readdirSync(tmp)[0]).toMatch(/^bicep-audit-mirror-/);
    child.kill(signal);
    expect(await ended).toBe(signal);
    expect(fs.readdirSync(tmp)).toEqual([]);
    // The CLI was sent SIGKILL before bicep-audit ended; wait for it to be gone rather than a fixed time.
    while (recordedPids(pids).some(alive)) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(recordedPids(pids)).not.toEqual([]);
  });
});
