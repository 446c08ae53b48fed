import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { packageJson } from '../../src/package-info';
import { fakeCliPackage, sha512Base64, startLocalFeed, type FeedPackage, type LocalFeed } from '../helpers/local-nuget-feed';
import { makeExecutable, makeTree } from '../helpers/temp-tree';

const SCRIPTS = path.resolve(__dirname, '..', '..', 'scripts');
const { version, sha512 } = packageJson().bicepCli as { version: string; sha512: Record<string, string> };
const platform = require('../../scripts/bicep-cli/platform.js') as {
  runtimeIdentifier(platform: string, arch: string, musl: boolean): string | undefined;
  provisionedCliPath(version: string, env: Record<string, string | undefined>, platform: string, homeDir: string): string;
};
const feedSources = require('../../scripts/bicep-cli/nuget-feed.js') as {
  DEFAULT_FEED: string;
  nugetConfigSources(text: string): string[];
  feedsFor(env: Record<string, string | undefined>, config?: { file: string; text: string }): { feeds: string[]; from: string };
};

describe('the platform a Bicep CLI package is for', () => {
  it.each([
    ['linux', 'x64', false, 'linux-x64'],
    ['linux', 'x64', true, 'linux-musl-x64'],
    ['linux', 'arm64', false, 'linux-arm64'],
    ['linux', 'arm64', true, undefined],
    ['darwin', 'x64', false, 'osx-x64'],
    ['darwin', 'arm64', false, 'osx-arm64'],
    ['win32', 'x64', false, 'win-x64'],
    ['win32', 'arm64', false, 'win-arm64'],
    ['win32', 'ia32', false, undefined],
    ['linux', 'ppc64', false, undefined],
    ['freebsd', 'x64', false, undefined],
  ])('%s %s (musl: %s) takes %s', (system, arch, musl, rid) => {
    expect(platform.runtimeIdentifier(system, arch, musl)).toBe(rid);
  });
});

describe('the per-user cache the CLI is provisioned into', () => {
  it.each([
    ['XDG_CACHE_HOME', 'linux', { XDG_CACHE_HOME: '/xdg' }, '/home/u', '/xdg/bicep-audit/bicep/1.2.3/bicep'],
    ['~/.cache without it', 'linux', {}, '/home/u', '/home/u/.cache/bicep-audit/bicep/1.2.3/bicep'],
    ['~/.cache when it is relative (the XDG spec ignores it)', 'darwin', { XDG_CACHE_HOME: 'xdg' }, '/Users/u', '/Users/u/.cache/bicep-audit/bicep/1.2.3/bicep'],
    ['%LOCALAPPDATA% on Windows', 'win32', { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local', XDG_CACHE_HOME: '/xdg' }, 'C:\\Users\\u', 'C:\\Users\\u\\AppData\\Local\\bicep-audit\\bicep\\1.2.3\\bicep.exe'],
    ['the home AppData\\Local without it', 'win32', {}, 'C:\\Users\\u', 'C:\\Users\\u\\AppData\\Local\\bicep-audit\\bicep\\1.2.3\\bicep.exe'],
  ])('%s', (_name, system, env, home, expected) => {
    expect(platform.provisionedCliPath('1.2.3', env, system, home)).toBe(expected);
  });
});

describe('the feeds the CLI package is fetched from', () => {
  const config = `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="dropped" value="https://dropped.example/v3/index.json" />
    <clear />
    <add key="company" value="https://feed.example/nuget/v3/index.json?a=1&amp;b=2" protocolVersion="3" />
    <add key="v2" value="https://v2.example/api/v2" />
    <add key="folder" value="/srv/packages" />
    <add key='off' value='https://off.example/v3/index.json' />
    <add key="public" value="https://public.example/v3/index.json" />
  </packageSources>
  <disabledPackageSources>
    <add key="off" value="true" />
  </disabledPackageSources>
</configuration>`;

  it("reads the enabled v3 sources of a NuGet.config, in order, after its last <clear />", () => {
    expect(feedSources.nugetConfigSources(config)).toEqual(['https://feed.example/nuget/v3/index.json?a=1&b=2', 'https://public.example/v3/index.json']);
  });

  it('takes BICEP_AUDIT_NUGET_FEED first, then the NuGet.config, then the default', () => {
    const file = { file: '/home/u/.nuget/NuGet/NuGet.Config', text: config };
    expect(feedSources.feedsFor({ BICEP_AUDIT_NUGET_FEED: 'http://127.0.0.1:1/v3/index.json' }, file)).toEqual({ feeds: ['http://127.0.0.1:1/v3/index.json'], from: 'BICEP_AUDIT_NUGET_FEED' });
    expect(feedSources.feedsFor({}, file).from).toBe(file.file);
    expect(feedSources.feedsFor({}, { file: file.file, text: '<configuration/>' })).toEqual({ feeds: [feedSources.DEFAULT_FEED], from: 'the default feed' });
    expect(feedSources.feedsFor({}, undefined)).toEqual({ feeds: [feedSources.DEFAULT_FEED], from: 'the default feed' });
  });
});

/** A project folder holding the provisioning scripts and a package.json with the given pin. */
function project(pin: object): string {
  const root = makeTree({ 'package.json': JSON.stringify({ bicepCli: pin }) });
  fs.cpSync(path.join(SCRIPTS, 'provision-bicep.js'), path.join(root, 'scripts', 'provision-bicep.js'));
  fs.cpSync(path.join(SCRIPTS, 'bicep-cli'), path.join(root, 'scripts', 'bicep-cli'), { recursive: true });
  return root;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the script in a child process, while this process serves the feed (so not spawnSync). */
function provision(root: string, args: string[], env: Record<string, string | undefined>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, 'scripts', 'provision-bicep.js'), ...args], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

const ID = 'Azure.Bicep.CommandLine.linux-x64';
const NUPKG_PATH = `/flat/${ID.toLowerCase()}/${version}/${ID.toLowerCase()}.${version}.nupkg`;

describe('scripts/provision-bicep.js, from a local feed', () => {
  const nupkg = fakeCliPackage(version);
  let feed: LocalFeed;
  const feeds: LocalFeed[] = [];
  afterAll(() => Promise.all(feeds.map((f) => f.close())));

  async function serve(publishes: FeedPackage['publishes'], pkg = nupkg): Promise<string> {
    feed = await startLocalFeed([{ id: ID, version, nupkg: pkg, publishes }]);
    feeds.push(feed);
    return feed.serviceIndex;
  }

  /** A home and a cache of its own, so that nothing of the machine's is read or written. */
  function user() {
    const home = makeTree({});
    const cache = path.join(home, 'xdg');
    return { home, cache, env: { HOME: home, XDG_CACHE_HOME: cache }, binary: path.join(cache, 'bicep-audit', 'bicep', version, 'bicep') };
  }

  it('downloads the package, checks it against the SHA-512 the feed publishes, and unpacks tools/bicep into the user cache', async () => {
    const serviceIndex = await serve('hash');
    const { env, binary } = user();
    const run = await provision(project({ version }), [], { ...env, BICEP_AUDIT_NUGET_FEED: serviceIndex });
    const base = serviceIndex.replace('/v3/index.json', '');
    expect(run).toEqual({
      code: 0,
      stdout: [
        `bicep-audit: downloaded ${base}${NUPKG_PATH}`,
        `bicep-audit: checked its SHA-512 against ${base}/catalog/${ID.toLowerCase()}.${version}.json`,
        `bicep-audit: provisioned Bicep CLI ${version} at ${binary}`,
        '',
      ].join('\n'),
      stderr: '',
    });
    expect(fs.statSync(binary).mode & 0o777).toBe(0o755);
    expect(fs.readFileSync(binary, 'utf8')).toContain(`Bicep CLI version ${version} (local feed)`);
    expect(fs.readdirSync(path.dirname(binary))).toEqual(['bicep']);
    // Another repository of the same user finds it there, and downloads nothing.
    const again = await provision(project({ version }), [], { ...env, BICEP_AUDIT_NUGET_FEED: serviceIndex });
    expect(again).toEqual({ code: 0, stdout: `bicep-audit: Bicep CLI ${version} is already provisioned at ${binary}\n`, stderr: '' });
    expect(feed.requests.filter((r) => r === NUPKG_PATH)).toHaveLength(1);
  });

  it('checks the pinned SHA-512 too, where package.json has one', async () => {
    const serviceIndex = await serve('hash');
    const { env, binary } = user();
    const pinned = sha512['linux-x64']!;
    const run = await provision(project({ version, sha512: { 'linux-x64': pinned } }), [], { ...env, BICEP_AUDIT_NUGET_FEED: serviceIndex });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`could not provision the pinned Bicep CLI: the downloaded ${ID} ${version} has SHA-512 ${sha512Base64(nupkg)}, not the pinned ${pinned}; it was not installed`);
    expect(fs.existsSync(path.dirname(binary)) ? fs.readdirSync(path.dirname(binary)) : []).toEqual([]);
  });

  it('refuses a package whose SHA-512 is not the one the feed publishes', async () => {
    const serviceIndex = await serve('wrong hash');
    const { env, binary } = user();
    const run = await provision(project({ version }), [], { ...env, BICEP_AUDIT_NUGET_FEED: serviceIndex });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`has SHA-512 ${sha512Base64(nupkg)}, not the ${sha512Base64(Buffer.from('another package'))} that `);
    expect(fs.existsSync(binary)).toBe(false);
  });

  it('refuses a package it cannot check: the feed publishes no SHA-512 and package.json pins none', async () => {
    const serviceIndex = await serve('nothing');
    const { env, binary } = user();
    const run = await provision(project({ version }), [], { ...env, BICEP_AUDIT_NUGET_FEED: serviceIndex });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${serviceIndex} publishes no SHA-512 for ${ID} ${version}, and package.json pins none for linux-x64, so it cannot be checked; it was not installed`);
    expect(fs.existsSync(binary)).toBe(false);
  });

  it("takes the feed from the user's NuGet.config", async () => {
    const serviceIndex = await serve('hash');
    const { env, home, binary } = user();
    fs.mkdirSync(path.join(home, '.nuget', 'NuGet'), { recursive: true });
    fs.writeFileSync(path.join(home, '.nuget', 'NuGet', 'NuGet.Config'), `<configuration><packageSources><clear /><add key="local" value="${serviceIndex}" /></packageSources></configuration>`);
    const run = await provision(project({ version }), [], env);
    expect(run.code).toBe(0);
    expect(fs.existsSync(binary)).toBe(true);
  });

  it('replaces a binary that does not print the pinned version', async () => {
    const serviceIndex = await serve('hash');
    const { env, binary } = user();
    makeExecutable(binary, '#!/bin/sh\necho "Bicep CLI version 0.47.16 (elsewhere)"\n');
    const run = await provision(project({ version }), [], { ...env, BICEP_AUDIT_NUGET_FEED: serviceIndex });
    expect(run.stdout.split('\n')[0]).toBe(`bicep-audit: ${binary} prints version 0.47.16, not ${version}; provisioning it again`);
    expect(run.code).toBe(0);
    expect(fs.readFileSync(binary, 'utf8')).toContain('(local feed)');
  });

  it('bicep-audit --provision does the same, and refuses a package that is not the one package.json pins (exit 3)', async () => {
    const serviceIndex = await serve('hash');
    const { env, binary } = user();
    const run = await new Promise<Run>((resolve) =>
      execFile(process.execPath, [path.resolve(__dirname, '..', '..', 'bin', 'bicep-audit.js'), '--provision'], { env: { PATH: process.env.PATH, ...env, BICEP_AUDIT_NUGET_FEED: serviceIndex }, encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr }),
      ),
    );
    expect(run.code).toBe(3);
    expect(run.stdout).toBe(`bicep-audit: downloaded ${serviceIndex.replace('/v3/index.json', '')}${NUPKG_PATH}\n`);
    expect(run.stderr).toBe(
      `bicep-audit: could not provision the pinned Bicep CLI: the downloaded ${ID} ${version} has SHA-512 ${sha512Base64(nupkg)}, not the pinned ${sha512['linux-x64']}; it was not installed\n`,
    );
    expect(fs.existsSync(binary)).toBe(false);
  });

  it('as the postinstall (--if-possible), a feed that cannot be reached fails nothing: it says what to do, and exits 0', async () => {
    const serviceIndex = await serve('hash');
    await feed.close();
    feeds.pop();
    const { env, binary } = user();
    const run = await provision(project({ version }), ['--if-possible'], { ...env, BICEP_AUDIT_NUGET_FEED: serviceIndex });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      new RegExp(
        `^\\nbicep-audit: could not provision the pinned Bicep CLI: no feed served ${ID} ${version} \\(feeds from BICEP_AUDIT_NUGET_FEED\\):\\n  ${serviceIndex.replace(/[.?]/g, '\\$&')}: connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+\\n` +
          'bicep-audit: Bicep files cannot be audited until there is one: run `npx bicep-audit --provision` \\(downloads the pinned Bicep CLI from your NuGet feed into your user cache\\), or set BICEP_PATH to a Bicep CLI, or run `az bicep install`\\.\\n' +
          'bicep-audit: the install itself went through\\.\\n$',
      ),
    );
    expect(fs.existsSync(binary)).toBe(false);
  });
});
