import fs from 'node:fs';
import path from 'node:path';
import { BicepFlagError, BicepNotFoundError } from './errors';
import { provisionedBicepPath } from './provisioned-cli';

export type BicepCliSource = '--bicep' | 'BICEP_PATH' | 'provisioned' | 'PATH' | '~/.azure/bin';

export interface LocatedBicepCli {
  path: string;
  source: BicepCliSource;
}

export interface LocateOptions {
  /** The value of `--bicep`, if given. */
  flag?: string;
  env: Record<string, string | undefined>;
  homeDir: string;
  cwd: string;
  /** Where the provisioned copy is; defaults to the per-user cache of the pinned version (provisioned-cli.ts). */
  provisionedPath?: string;
}

const executableName = process.platform === 'win32' ? 'bicep.exe' : 'bicep';

function isExecutableFile(candidate: string): boolean {
  try {
    fs.accessSync(candidate, fs.constants.X_OK);
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}

function whyNotExecutable(candidate: string): string {
  try {
    return fs.statSync(candidate).isFile() ? 'not executable' : 'a folder, not a file';
  } catch {
    return 'no such file';
  }
}

/**
 * Finds the Bicep CLI in this order: --bicep, BICEP_PATH, the provisioned copy, PATH,
 * ~/.azure/bin (where `az bicep install` puts it). An explicit --bicep or BICEP_PATH that does
 * not point at an executable is an error, not a reason to look elsewhere: --bicep a usage error.
 */
export function locateBicepCli(options: LocateOptions): LocatedBicepCli {
  const explicit: [BicepCliSource, string | undefined][] = [
    ['--bicep', options.flag],
    ['BICEP_PATH', options.env.BICEP_PATH],
  ];
  for (const [source, value] of explicit) {
    if (value) {
      const resolved = path.resolve(options.cwd, value);
      if (isExecutableFile(resolved)) return { path: resolved, source };
      if (source === '--bicep') throw new BicepFlagError(resolved, whyNotExecutable(resolved));
      throw new BicepNotFoundError([`${source} (${resolved}: ${whyNotExecutable(resolved)})`]);
    }
  }
  const pathDirs = (options.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const provisioned = options.provisionedPath ?? provisionedBicepPath(options.env, options.homeDir);
  const candidates: [BicepCliSource, string][] = [
    ['provisioned', provisioned],
    ...pathDirs.map((dir): [BicepCliSource, string] => ['PATH', path.join(dir, executableName)]),
    ['~/.azure/bin', path.join(options.homeDir, '.azure', 'bin', executableName)],
  ];
  const found = candidates.find(([, candidate]) => isExecutableFile(candidate));
  if (found) return { path: found[1], source: found[0] };
  throw new BicepNotFoundError([
    `the provisioned copy (${provisioned})`,
    'PATH',
    path.join(options.homeDir, '.azure', 'bin', executableName),
  ]);
}
