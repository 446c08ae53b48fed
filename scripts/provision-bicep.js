#!/usr/bin/env node
// Provisions the pinned Bicep CLI into .cache/bicep/<version>/ by restoring the NuGet package
// Azure.Bicep.CommandLine.<rid> with the machine's `dotnet`. The version is pinned in one place:
// package.json → bicepCli.version. A no-op when that binary is already there.
// `--if-possible` (used by npm's postinstall) turns a failure into a warning so that installing
// the package never fails on a machine without dotnet; `bicep-audit` then looks elsewhere.
'use strict';

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

function restore(version, target) {
  const packageId = `Azure.Bicep.CommandLine.${runtimeIdentifier()}`;
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
    const restored = path.join(packagesDir, packageId.toLowerCase(), version, 'tools', binaryName());
    if (!fs.existsSync(restored)) {
      throw new Error(`the restored package ${packageId} ${version} has no tools/${binaryName()}`);
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(restored, `${target}.partial`);
    fs.chmodSync(`${target}.partial`, 0o755);
    fs.renameSync(`${target}.partial`, target);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function main(argv) {
  const ifPossible = argv.includes('--if-possible');
  const version = bicepCli.version;
  const target = provisionedPath(version);
  if (fs.existsSync(target)) {
    console.log(`bicep-audit: Bicep CLI ${version} is already provisioned at ${target}`);
    return 0;
  }
  try {
    restore(version, target);
    console.log(`bicep-audit: provisioned Bicep CLI ${version} at ${target}`);
    return 0;
  } catch (error) {
    const message =
      `bicep-audit: could not provision Bicep CLI ${version} from NuGet: ${error.message}\n` +
      'bicep-audit will look for a Bicep CLI in --bicep, BICEP_PATH, PATH and ~/.azure/bin instead.';
    console.error(message);
    return ifPossible ? 0 : 1;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}

module.exports = { provisionedPath, binaryName };
