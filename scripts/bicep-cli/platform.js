'use strict';
// Which package of the Bicep CLI a machine needs, and where the provisioned copy lives. Plain
// JavaScript, because the install script runs before anything is built; the run reads the same
// functions (src/bicep/provisioned-cli.ts), so both agree on the place.

const path = require('node:path');

/** The platforms the Bicep CLI ships for, each as the NuGet package Azure.Bicep.CommandLine.<rid>. */
const RUNTIME_IDENTIFIERS = ['linux-x64', 'linux-musl-x64', 'linux-arm64', 'osx-x64', 'osx-arm64', 'win-x64', 'win-arm64'];

/**
 * The runtime identifier of the CLI package for a platform (`process.platform`, `process.arch`,
 * and whether the C library is musl, as on Alpine), or undefined when the CLI ships for none such.
 */
function runtimeIdentifier(platform, arch, musl) {
  const system = { linux: musl ? 'linux-musl' : 'linux', darwin: 'osx', win32: 'win' }[platform];
  const rid = system && `${system}-${arch}`;
  return RUNTIME_IDENTIFIERS.includes(rid) ? rid : undefined;
}

/** Whether this Linux runs on musl: node built for glibc reports the glibc it runs with. */
function isMusl() {
  return process.platform === 'linux' && !process.report.getReport().header.glibcVersionRuntime;
}

function binaryName(platform) {
  return platform === 'win32' ? 'bicep.exe' : 'bicep';
}

/**
 * The per-user folder of provisioned CLIs, shared by every repository and every `npm ci`:
 * `$XDG_CACHE_HOME/bicep-audit/bicep` (else `~/.cache/...`), on Windows `%LOCALAPPDATA%\bicep-audit\bicep`.
 */
function provisionedCliFolder(env, platform, homeDir) {
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA || path.win32.join(homeDir, 'AppData', 'Local');
    return path.win32.join(local, 'bicep-audit', 'bicep');
  }
  // The XDG spec ignores a relative XDG_CACHE_HOME.
  const cache = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(homeDir, '.cache');
  return path.join(cache, 'bicep-audit', 'bicep');
}

/** Where the provisioned CLI of a version is. */
function provisionedCliPath(version, env, platform, homeDir) {
  const join = platform === 'win32' ? path.win32.join : path.join;
  return join(provisionedCliFolder(env, platform, homeDir), version, binaryName(platform));
}

/** What to do when there is no Bicep CLI, said by the install script and by a run that finds none. */
const WHAT_TO_DO =
  'run `npx bicep-audit --provision` (downloads the pinned Bicep CLI from your NuGet feed into your user cache), ' +
  'or set BICEP_PATH to a Bicep CLI, or run `az bicep install`';

module.exports = { RUNTIME_IDENTIFIERS, runtimeIdentifier, isMusl, binaryName, provisionedCliPath, WHAT_TO_DO };
