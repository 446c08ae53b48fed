#!/usr/bin/env node
// Provisions the pinned Bicep CLI into the per-user cache (~/.cache/bicep-audit/bicep/<version>/,
// see bicep-cli/platform.js), shared by every repository and every `npm ci`, without dotnet: it
// downloads the NuGet package Azure.Bicep.CommandLine.<rid> of the pinned version from the
// machine's feed (BICEP_AUDIT_NUGET_FEED, else the user's NuGet.config, else the public feed),
// checks it against the SHA-512 the feed publishes and the one package.json pins (bicepCli), and
// unpacks tools/bicep. A binary already there is kept when it prints the pinned version.
//
//   node scripts/provision-bicep.js                 provision now; exit 1 when it cannot
//   node scripts/provision-bicep.js --if-possible   npm's postinstall: never fails the install; it
//                                                    says what went wrong, and skips the download
//                                                    when a dependency's user has a CLI already
'use strict';

const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { binaryName, isMusl, provisionedCliPath, runtimeIdentifier, WHAT_TO_DO } = require('./bicep-cli/platform');
const { downloadPackage, feedsFor, publishedSha512, userNugetConfig } = require('./bicep-cli/nuget-feed');
const { readEntry } = require('./bicep-cli/nupkg');

const projectRoot = path.resolve(__dirname, '..');

/** The version a binary prints, or undefined when it does not run or prints something else. */
function versionOf(binary) {
  const result = spawnSync(binary, ['--version'], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, DOTNET_EnableDiagnostics: '0' },
  });
  return /Bicep CLI version (\d+\.\d+\.\d+)/.exec(result.stdout ?? '')?.[1];
}

const sha512Base64 = (data) => createHash('sha512').update(data).digest('base64');

/** The CLI the user has already, which makes a download needless: BICEP_PATH, or `bicep` on PATH. */
function existingCli(env, platform) {
  if (env.BICEP_PATH) return { path: env.BICEP_PATH, via: 'BICEP_PATH' };
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, binaryName(platform));
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return { path: candidate, via: 'PATH' };
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Downloads, checks and unpacks the package into `target`; throws an Error that says what failed. */
async function install({ version, pinned, rid, platform, env, homeDir, target, say }) {
  const id = `Azure.Bicep.CommandLine.${rid}`;
  const { feeds, from } = feedsFor(env, userNugetConfig(env, platform, homeDir));
  const failures = [];
  let download;
  let feedUsed;
  for (const feed of feeds) {
    try {
      download = await downloadPackage(feed, id, version);
      feedUsed = feed;
      break;
    } catch (error) {
      failures.push(error.message);
    }
  }
  if (!download) throw new Error(`no feed served ${id} ${version} (feeds from ${from}):\n  ${failures.join('\n  ')}`);
  say(`downloaded ${download.url}`);
  const actual = sha512Base64(download.nupkg);
  const published = await publishedSha512(download, id, version);
  const pinnedHash = pinned[rid];
  if (!published && !pinnedHash) {
    throw new Error(`${feedUsed} publishes no SHA-512 for ${id} ${version}, and package.json pins none for ${rid}, so it cannot be checked; it was not installed`);
  }
  if (published && actual !== published.sha512) {
    throw new Error(`the downloaded ${id} ${version} has SHA-512 ${actual}, not the ${published.sha512} that ${published.from} publishes; it was not installed`);
  }
  if (pinnedHash && actual !== pinnedHash) {
    throw new Error(`the downloaded ${id} ${version} has SHA-512 ${actual}, not the pinned ${pinnedHash}; it was not installed`);
  }
  const entry = `tools/${binaryName(platform)}`;
  const binary = readEntry(download.nupkg, entry);
  if (!binary) throw new Error(`the package ${id} ${version} has no ${entry}`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Renamed into place: an install beside this one (another repository, another npm ci) sees the old binary or the new one, whole.
  const partial = `${target}.${process.pid}.partial`;
  try {
    fs.writeFileSync(partial, binary, { mode: 0o755 });
    const printed = versionOf(partial);
    if (printed !== version) throw new Error(`the unpacked binary prints version ${printed ?? 'nothing'}, not ${version}`);
    fs.renameSync(partial, target);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  say(`checked its SHA-512 against ${[published && published.from, pinnedHash && 'package.json'].filter(Boolean).join(' and ')}`);
}

/**
 * Provisions the pinned CLI; returns its path. `env`, `platform`, `homeDir` say where and for what;
 * `say` gets each step. Throws an Error saying what failed.
 */
async function provisionBicep({ env = process.env, platform = process.platform, arch = process.arch, homeDir = os.homedir(), say = () => {} } = {}) {
  const { bicepCli } = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
  const version = bicepCli.version;
  const target = provisionedCliPath(version, env, platform, homeDir);
  if (fs.existsSync(target)) {
    const printed = versionOf(target);
    if (printed === version) {
      say(`Bicep CLI ${version} is already provisioned at ${target}`);
      return target;
    }
    say(`${target} prints version ${printed ?? 'nothing'}, not ${version}; provisioning it again`);
  }
  const rid = runtimeIdentifier(platform, arch, platform === process.platform && isMusl());
  if (!rid) throw new Error(`the Bicep CLI ships for no ${platform}-${arch} machine`);
  await install({ version, pinned: bicepCli.sha512 ?? {}, rid, platform, env, homeDir, target, say });
  say(`provisioned Bicep CLI ${version} at ${target}`);
  return target;
}

/** Writes where a person sees it: npm keeps an install script's output to itself unless the script fails. */
function tellPerson(text) {
  process.stderr.write(text);
  if (process.stderr.isTTY || process.platform === 'win32' || process.env.npm_lifecycle_event !== 'postinstall') return;
  try {
    fs.writeFileSync('/dev/tty', text);
  } catch {
    // No terminal (CI): the log has it, and the first run says what to do.
  }
}

async function main(argv, env) {
  const ifPossible = argv.includes('--if-possible');
  const say = (line) => console.log(`bicep-audit: ${line}`);
  // Installed as a dependency, a CLI the user already has is enough; the project's own checkout always provisions the pin, which its tests compile with.
  const dependency = path.basename(path.dirname(projectRoot)) === 'node_modules' || path.basename(path.dirname(path.dirname(projectRoot))) === 'node_modules';
  const existing = ifPossible && dependency ? existingCli(env, process.platform) : undefined;
  if (existing) {
    say(`using the Bicep CLI at ${existing.path} (found via ${existing.via}); the pinned one is not downloaded`);
    return 0;
  }
  try {
    await provisionBicep({ env, say });
    return 0;
  } catch (error) {
    const lines = [
      '',
      `bicep-audit: could not provision the pinned Bicep CLI: ${error.message}`,
      `bicep-audit: Bicep files cannot be audited until there is one: ${WHAT_TO_DO}.`,
      ifPossible ? 'bicep-audit: the install itself went through.' : '',
      '',
    ];
    tellPerson(lines.filter((line, i) => line !== '' || i === 0 || i === lines.length - 1).join('\n'));
    return ifPossible ? 0 : 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), process.env).then((code) => (process.exitCode = code));
}

module.exports = { provisionBicep };
