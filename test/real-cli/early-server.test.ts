import fs from 'node:fs';
import path from 'node:path';
import { startEarlyServer } from '../../src/cli/early-server';
import { BicepJsonRpcClient } from '../../src/bicep/jsonrpc-client';
import { CompileCache } from '../../src/bicep/compile-cache';
import { cliIdentity } from '../../src/bicep/cli-version-record';
import { realBicep } from '../helpers/real-bicep';
import { isolatedEnv, runInProcess, runSpawned } from '../helpers/run-cli';
import { makeExecutable, makeTree } from '../helpers/temp-tree';

const REGISTRY = "resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {\n  name: 'acrearly'\n  location: 'westeurope'\n  sku: { name: 'Basic' }\n}\n";

/** A repository with one Bicep file, an ARM file and a cache folder of its own. */
function repository() {
  const root = makeTree({ '.git/HEAD': '', 'infra/main.bicep': REGISTRY, 'infra/arm.json': '{}' });
  const env = isolatedEnv({ BICEP_PATH: realBicep(), XDG_CACHE_HOME: path.join(root, '.cache') });
  return { root, env };
}

/** Whether a process still runs (a zombie awaiting its parent counts as ended). */
function alive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

describe('a first run starts its Bicep server from the command line, before the rest loads', () => {
  it.each([
    [['infra/main.bicep', '--no-cache'], true],
    [['infra', '--format', 'sarif'], true],
    [['infra/main.bicep', '--no-cache', '--bicep', '/nowhere/bicep'], false],
    [['infra/main.bicep', '--no-restore'], false],
    [['infra/main.bicep', '--restore=false'], false],
    [['infra/arm.json', '--no-cache'], false],
    [['infra/main.bicep', '--help'], false],
    [['--version'], false],
    [['rules', 'main.bicep'], false],
    [['merge-sarif', 'a.sarif'], false],
  ])('%j: %s', (argv, started) => {
    const { root, env } = repository();
    const early = startEarlyServer(argv, env, root, root);
    expect(early !== undefined).toBe(started);
    early?.discard();
  });

  it('starts none once this CLI binary has compiled for the cache (a warm run may need no server at all)', () => {
    const { root, env } = repository();
    new CompileCache(path.join(root, '.cache', 'bicep-audit'), cliIdentity(realBicep(), false)).store(path.join(root, 'infra', 'main.bicep'), '0.49.2', {
      file: path.join(root, 'infra', 'main.bicep'),
      success: true,
      diagnostics: [],
      filesRead: [path.join(root, 'infra', 'main.bicep')],
    });
    expect(startEarlyServer(['infra'], env, root, root)).toBeUndefined();
    const uncached = [startEarlyServer(['infra', '--no-cache'], env, root, root), startEarlyServer(['infra', '--cache=false'], env, root, root)];
    uncached.forEach((early) => early?.discard());
    expect(uncached.map((early) => early !== undefined)).toEqual([true, true]);
  });

  it('gives its process once, to a run of the same CLI, as a working server', async () => {
    const { root, env } = repository();
    const early = startEarlyServer(['infra/main.bicep', '--no-cache'], env, root, root)!;
    expect(early.take('/another/bicep')).toBeUndefined();
    const child = early.take(realBicep())!;
    expect(child.spawnargs).toEqual([realBicep(), 'jsonrpc', '--stdio']);
    expect(early.take(realBicep())).toBeUndefined();
    const client = BicepJsonRpcClient.start(realBicep(), 60_000, child);
    expect((await client.version()).version).toBe('0.49.2');
    await client.close();
    early.discard();
    expect(child.exitCode ?? child.signalCode).not.toBeNull();
  }, 60_000);

  it('does not give a process that has already ended (the run then starts its own)', async () => {
    const { root, env } = repository();
    const folder = makeTree({});
    const pidFile = path.join(folder, 'pid');
    const cli = makeExecutable(path.join(folder, 'bicep'), `#!/bin/sh\necho $$ > '${pidFile}'\nexit 3\n`);
    const early = startEarlyServer(['infra/main.bicep', '--no-cache'], env, root, root)!;
    expect(early).toBeDefined();
    const ended = startEarlyServer(['infra/main.bicep', '--no-cache', '--bicep', cli], env, root, root)!;
    // Until node has reaped the process, which it does on its event loop, as it records the exit: no fixed wait.
    while (!fs.existsSync(pidFile) || fs.readFileSync(pidFile, 'utf8').trim() === '' || fs.existsSync(`/proc/${fs.readFileSync(pidFile, 'utf8').trim()}`)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(ended.take(cli)).toBeUndefined();
    early.discard();
  }, 60_000);
});

describe('bin/bicep-audit.js with the early server', () => {
  /** The real CLI behind a wrapper that logs the pid and arguments of each process it starts. */
  function loggingCli(): { cli: string; starts: () => [number, string][] } {
    const folder = makeTree({});
    const log = path.join(folder, 'starts.log');
    const cli = makeExecutable(path.join(folder, 'bicep'), `#!/bin/sh\necho "$$ $*" >> '${log}'\nexec '${realBicep()}' "$@"\n`);
    const starts = () =>
      (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : []).map((line): [number, string] => [Number(line.split(' ')[0]), line.slice(line.indexOf(' ') + 1)]);
    return { cli, starts };
  }

  it('reports what a run without it reports, from the one server it started early', async () => {
    const { root, env } = repository();
    const { cli, starts } = loggingCli();
    const argv = ['infra/main.bicep', '--no-cache', '--format', 'json'];
    const spawned = runSpawned({ argv, cwd: root, env: { ...env, BICEP_PATH: cli }, homeDir: root });
    expect(starts().map(([, args]) => args)).toEqual(['jsonrpc --stdio']);
    expect(starts().filter(([pid]) => alive(pid))).toEqual([]);
    const inProcess = await runInProcess({ argv, cwd: root, env, homeDir: root });
    expect(spawned).toEqual({ ...inProcess, stdout: inProcess.stdout.split(realBicep()).join(cli) });
    expect(spawned.code).toBe(1);
  }, 60_000);

  it('ends the server of a run that stops on a usage error, and exits 2', () => {
    const { root, env } = repository();
    const { cli, starts } = loggingCli();
    const run = runSpawned({ argv: ['infra/main.bicep', '--no-cache', '--jobs', '0'], cwd: root, env: { ...env, BICEP_PATH: cli }, homeDir: root });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'bicep-audit: --jobs takes a whole number of 1 or more\nRun bicep-audit --help for usage.\n' });
    expect(starts().map(([, args]) => args)).toEqual(['jsonrpc --stdio']);
    expect(starts().filter(([pid]) => alive(pid))).toEqual([]);
  }, 60_000);
});
