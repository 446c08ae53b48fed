import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { packageJson } from '../../src/package-info';
import { fakeCliPackage, startLocalFeed, type LocalFeed } from '../helpers/local-nuget-feed';
import { makeTree } from '../helpers/temp-tree';

// bicep-audit installed as a dependency, as an infrastructure repository installs it: from the
// packed tarball, on a machine without dotnet, with the Bicep CLI package on a local feed.

const REPO = path.resolve(__dirname, '..', '..');
const { version } = packageJson().bicepCli;
const ID = 'Azure.Bicep.CommandLine.linux-x64';
const NPM_CLI = fs.realpathSync(execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim());

/**
 * The package as `npm pack` makes it, with no SHA-512 pinned: the feed's fake CLI package is
 * checked against the hash the feed publishes (the real package.json pins the real package's).
 */
function packedWithoutPin(): string {
  const work = makeTree({});
  const packed = execFileSync(process.execPath, [NPM_CLI, 'pack', '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: REPO, encoding: 'utf8' }).trim();
  execFileSync('tar', ['-xzf', path.join(work, packed), '-C', work]);
  const manifest = path.join(work, 'package', 'package.json');
  const json = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  fs.writeFileSync(manifest, JSON.stringify({ ...json, bicepCli: { version: json.bicepCli.version } }, null, 2));
  const out = makeTree({});
  const repacked = execFileSync(process.execPath, [NPM_CLI, 'pack', path.join(work, 'package'), '--ignore-scripts', '--silent', '--pack-destination', out], { cwd: work, encoding: 'utf8' }).trim();
  return path.join(out, repacked);
}

/** A PATH with node, npm and the shell npm runs scripts with, and nothing else: no dotnet, no Bicep CLI. */
function pathWithoutDotnet(): string {
  const bin = makeTree({});
  fs.symlinkSync(process.execPath, path.join(bin, 'node'));
  fs.symlinkSync(NPM_CLI, path.join(bin, 'npm'));
  fs.symlinkSync(fs.realpathSync('/bin/sh'), path.join(bin, 'sh'));
  return bin;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, encoding: 'utf8', timeout: 300_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

describe('npm install of the packed bicep-audit, without dotnet', () => {
  let tarball: string;
  let feed: LocalFeed;
  const bin = pathWithoutDotnet();

  beforeAll(async () => {
    tarball = packedWithoutPin();
    feed = await startLocalFeed([{ id: ID, version, nupkg: fakeCliPackage(version), publishes: 'hash' }]);
  }, 120_000);
  afterAll(() => feed.close());

  /** A repository that installs bicep-audit, and the environment of its user (own cache, the feed given). */
  function repository(serviceIndex: string) {
    const root = makeTree({ 'package.json': JSON.stringify({ name: 'infra', version: '1.0.0', private: true }), 'main.bicep': "param location string = 'westeurope'\n" });
    const cache = makeTree({});
    const env = { PATH: bin, HOME: process.env.HOME!, XDG_CACHE_HOME: cache, BICEP_AUDIT_NUGET_FEED: serviceIndex };
    const install = () => run(process.execPath, [NPM_CLI, 'install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--foreground-scripts'], root, env);
    const audit = (...argv: string[]) => run(process.execPath, [path.join(root, 'node_modules', 'bicep-audit', 'bin', 'bicep-audit.js'), ...argv], root, env);
    return { root, cache, install, audit };
  }

  it('provisions the pinned CLI from the feed into the user cache, where the run finds it', async () => {
    expect(fs.readdirSync(bin).sort()).toEqual(['node', 'npm', 'sh']);
    const { cache, install, audit } = repository(feed.serviceIndex);
    const installed = await install();
    expect(installed.code).toBe(0);
    const binary = path.join(cache, 'bicep-audit', 'bicep', version, 'bicep');
    expect(installed.stdout).toContain(`bicep-audit: provisioned Bicep CLI ${version} at ${binary}`);
    const versions = await audit('--version');
    expect(versions).toEqual({ code: 0, stdout: `bicep-audit ${packageJson().version}\nBicep CLI ${version} (${binary}, found via provisioned)\n`, stderr: '' });
  }, 300_000);

  it('runs no install script but its own and brings no native addon: the Bicep grammar is the WASM file the package ships', async () => {
    const { root, install } = repository(feed.serviceIndex);
    const installed = await install();
    expect(installed.code).toBe(0);
    // --foreground-scripts shows each script npm runs as `> package@version script`.
    expect(installed.stdout.split('\n').filter((l) => l.startsWith('> ') && l.includes('@'))).toEqual([`> bicep-audit@${packageJson().version} postinstall`]);
    const modules = fs.readdirSync(path.join(root, 'node_modules'));
    expect(modules.filter((m) => ['tree-sitter-bicep', 'node-addon-api', 'node-gyp-build'].includes(m))).toEqual([]);
    // The installed package parses Bicep with the grammar it ships.
    const parsed = await run(process.execPath, ['-e', "require('./node_modules/bicep-audit/dist/locate/bicep-source.js').bicepParser().then((p) => console.log(p.parse('param a string').rootNode.type))"], root, { PATH: bin });
    expect(parsed).toEqual({ code: 0, stdout: 'infrastructure\n', stderr: '' });
  }, 300_000);

  it('with the feed unreachable the install still exits 0 and says so; the run says what to do and exits 3', async () => {
    const { install, audit } = repository('http://127.0.0.1:9/v3/index.json');
    const installed = await install();
    expect(installed.code).toBe(0);
    expect(installed.stderr).toContain(`bicep-audit: could not provision the pinned Bicep CLI: no feed served ${ID} ${version} (feeds from BICEP_AUDIT_NUGET_FEED)`);
    expect(installed.stderr).toContain('bicep-audit: the install itself went through.');
    const audited = await audit('main.bicep');
    expect(audited.code).toBe(3);
    expect(audited.stderr).toMatch(/^bicep-audit: no Bicep CLI found; looked in the provisioned copy \(.*\), PATH, .*\. To audit Bicep files, run `npx bicep-audit --provision` /);
    expect(audited.stderr).toContain('or set BICEP_PATH to a Bicep CLI, or run `az bicep install`.');
  }, 300_000);
});
