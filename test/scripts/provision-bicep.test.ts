import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { packageJson } from '../../src/package-info';
import { makeExecutable, makeTree } from '../helpers/temp-tree';

const SCRIPT = path.resolve(__dirname, '..', '..', 'scripts', 'provision-bicep.js');
const { version, sha512 } = packageJson().bicepCli as { version: string; sha512: Record<string, string> };

/** A project folder holding the provision script and a package.json with the given pin. */
function project(pin: object): string {
  const root = makeTree({ 'package.json': JSON.stringify({ bicepCli: pin }), 'scripts/provision-bicep.js': fs.readFileSync(SCRIPT, 'utf8') });
  return root;
}

function provision(root: string, args: string[], env: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'provision-bicep.js'), ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const binary = (root: string) => path.join(root, '.cache', 'bicep', version, 'bicep');

describe('scripts/provision-bicep.js', () => {
  it('pins the version and a SHA-512 for linux-x64 in package.json', () => {
    expect(version).toBe('0.49.2');
    expect(sha512['linux-x64']).toMatch(/^[A-Za-z0-9+/]{86}==$/);
  });

  it('refuses a package whose SHA-512 is not the pinned one: under CI it fails, and installs nothing', () => {
    const root = project({ version, sha512: { 'linux-x64': `A${sha512['linux-x64']!.slice(1)}` } });
    const result = provision(root, ['--if-possible'], { CI: 'true' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`has SHA-512 ${sha512['linux-x64']}, not the pinned A${sha512['linux-x64']!.slice(1)}; it was not installed`);
    expect(fs.existsSync(binary(root))).toBe(false);
  }, 120_000);

  it('on a laptop, a failure is a warning that says how to get a CLI', () => {
    const root = project({ version, sha512: {} });
    const result = provision(root, ['--if-possible'], { CI: undefined });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `bicep-audit: could not provision Bicep CLI ${version} from NuGet: package.json records no SHA-512 of the Bicep CLI package for linux-x64 (recorded: none)\n` +
        'bicep-audit will look for a Bicep CLI in --bicep, BICEP_PATH, PATH and ~/.azure/bin instead: install the .NET SDK and run `npm run provision-bicep`, ' +
        'or run `az bicep install`, or set BICEP_PATH.\n',
    );
  });

  it('replaces a binary in place that does not print the pinned version, and keeps one that does', () => {
    const root = project({ version, sha512 });
    makeExecutable(binary(root), '#!/bin/sh\necho "Bicep CLI version 0.47.16 (elsewhere)"\n');
    const replaced = provision(root, [], { CI: 'true' });
    expect(replaced.stdout).toBe(
      `bicep-audit: ${binary(root)} prints version 0.47.16, not ${version}; restoring it again\nbicep-audit: provisioned Bicep CLI ${version} at ${binary(root)}\n`,
    );
    expect(replaced.code).toBe(0);
    const kept = provision(root, [], { CI: 'true' });
    expect(kept.stdout).toBe(`bicep-audit: Bicep CLI ${version} is already provisioned at ${binary(root)}\n`);
  }, 120_000);
});
