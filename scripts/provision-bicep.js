#!/usr/bin/env node
// Provisions the pinned Bicep CLI into .cache/bicep/<version>/ by restoring the NuGet package
// Azure.Bicep.CommandLine.<rid> with the machine's `dotnet`. The version and the package's
// SHA-512 per platform are pinned in one place: package.json → bicepCli.
// What is installed is checked: the restored .nupkg must hash to the pinned SHA-512, and a binary
// already in place is kept only when its `--version` prints the pinned version.
// `--if-possible` (npm's postinstall) turns a failure into a warning on a laptop, so installing
// never fails on a machine without dotnet; under CI (CI=true) a failure fails the install.
'use strict';

const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const projectRoot = path.resolve(__dirname, '..');
const { bicepCli } = require(path.join(projectRoot, 'package.json'));

function runtimeIdentifier() {
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  const platform = { linux: 'linux', darwin: 'osx', win32: 'win' }[process.platform];
  if (!arch || !platform) {
    throw new Error(`no Bicep CLI package exists for ${process.platform}-${process.arch}`);
  }
  return `${platform}-${arch}`;
}

function binaryName() {
  return process.platform === 'win32' ? 'bicep.exe' : 'bicep';
}

function provisionedPath(version) {
  return path.join(projectRoot, '.cache', 'bicep', version, binaryName());
}

function run(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) {
    throw new Error(`${command} ${args.join(' ')} could not start: ${result.error.message}`);
  }
  if (result.status !== 0) {
    const output = `${result.stdout}${result.stderr}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}:\n${output}`);
  }
  return result.stdout;
}

/** The version a binary prints, or undefined when it does not run or prints something else. */
function versionOf(binary) {
  const result = spawnSync(binary, ['--version'], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, DOTNET_EnableDiagnostics: '0' },
  });
  return /Bicep CLI version (\d+\.\d+\.\d+)/.exec(result.stdout ?? '')?.[1];
}

function sha512Base64(file) {
  return createHash('sha512').update(fs.readFileSync(file)).digest('base64');
}

function pinnedSha512(rid) {
  const pinned = bicepCli.sha512?.[rid];
  if (!pinned) {
    const known = Object.keys(bicepCli.sha512 ?? {}).join(', ') || 'none';
    throw new Error(`package.json records no SHA-512 of the Bicep CLI package for ${rid} (recorded: ${known})`);
  }
  return pinned;
}

function restore(version, target) {
  const rid = runtimeIdentifier();
  const expectedSha512 = pinnedSha512(rid);
  const packageId = `Azure.Bicep.CommandLine.${rid}`;
  const sdkMajor = run('dotnet', ['--version']).trim().split('.')[0];
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bicep-audit-provision-'));
  try {
    // A project that only downloads the package: nothing is built, nothing is referenced.
    fs.writeFileSync(
      path.join(workDir, 'provision.csproj'),
      `<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net${sdkMajor}.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="${packageId}" Version="[${version}]" /></ItemGroup>
</Project>
`,
    );
    const packagesDir = path.join(workDir, 'packages');
    run('dotnet', ['restore', path.join(workDir, 'provision.csproj'), '--packages', packagesDir], {
      cwd: workDir,
    });
    const packageDir = path.join(packagesDir, packageId.toLowerCase(), version);
    const nupkg = path.join(packageDir, `${packageId.toLowerCase()}.${version}.nupkg`);
    if (!fs.existsSync(nupkg)) throw new Error(`the restore left no ${path.basename(nupkg)}`);
    const actualSha512 = sha512Base64(nupkg);
    if (actualSha512 !== expectedSha512) {
      throw new Error(
        `the restored ${packageId} ${version} has SHA-512 ${actualSha512}, not the pinned ${expectedSha512}; ` +
          'it was not installed',
      );
    }
    const restored = path.join(packageDir, 'tools', binaryName());
    if (!fs.existsSync(restored)) {
      throw new Error(`the restored package ${packageId} ${version} has no tools/${binaryName()}`);
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(restored, `${target}.partial`);
    fs.chmodSync(`${target}.partial`, 0o755);
    const printed = versionOf(`${target}.partial`);
    if (printed !== version) {
      fs.rmSync(`${target}.partial`, { force: true });
      throw new Error(`the restored binary prints version ${printed ?? 'nothing'}, not ${version}`);
    }
    fs.renameSync(`${target}.partial`, target);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function main(argv, env) {
  const ifPossible = argv.includes('--if-possible') && env.CI !== 'true';
  const version = bicepCli.version;
  const target = provisionedPath(version);
  if (fs.existsSync(target)) {
    const printed = versionOf(target);
    if (printed === version) {
      console.log(`bicep-audit: Bicep CLI ${version} is already provisioned at ${target}`);
      return 0;
    }
    console.log(`bicep-audit: ${target} prints version ${printed ?? 'nothing'}, not ${version}; restoring it again`);
    fs.rmSync(target, { force: true });
  }
  try {
    restore(version, target);
    console.log(`bicep-audit: provisioned Bicep CLI ${version} at ${target}`);
    return 0;
  } catch (error) {
    const message =
      `bicep-audit: could not provision Bicep CLI ${version} from NuGet: ${error.message}\n` +
      'bicep-audit will look for a Bicep CLI in --bicep, BICEP_PATH, PATH and ~/.azure/bin instead: ' +
      'install the .NET SDK and run `npm run provision-bicep`, or run `az bicep install`, or set BICEP_PATH.';
    console.error(message);
    return ifPossible ? 0 : 1;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), process.env);
}

module.exports = { provisionedPath, binaryName };
