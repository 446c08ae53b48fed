import fs from 'node:fs';
import path from 'node:path';
import type { DiscoveredInput } from '../discover/discover-inputs';
import { findRepositoryRoot } from '../discover/repository-root';
import { FILE_START } from '../locate/line-index';
import type { InputResult } from '../rules/finding';
import { inputFinding } from './problem-findings';
import { referenceOutsideRepository } from './repository-boundary';
import { bicepSourceProblem } from './source-checks';

export function unusableResult(file: string, reason: string): InputResult {
  return { file, status: 'failed', findings: [inputFinding(file, reason, { file, range: FILE_START })] };
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied: it cannot be read',
  EPERM: 'permission denied: it cannot be read',
  EISDIR: 'it is a folder',
};

/** Why a file could not be read, for the errors a user can fix; undefined for anything else. */
export function readError(error: unknown): string | undefined {
  return READ_ERRORS[(error as NodeJS.ErrnoException | undefined)?.code ?? ''];
}

/** A Bicep source that cannot be compiled (unreadable, empty, binary, not UTF-8, a missing `using` file), found without the CLI. */
export function brokenSource(input: DiscoveredInput): InputResult | undefined {
  if (input.kind === 'arm-template') return undefined;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(input.file);
  } catch (error) {
    const reason = readError(error);
    if (reason === undefined) throw error;
    return unusableResult(input.file, reason);
  }
  const problem = bicepSourceProblem(input.file, bytes);
  if (!problem) return undefined;
  return { file: input.file, status: 'failed', findings: [inputFinding(input.file, problem.reason, { file: input.file, range: problem.range })] };
}

/** A Bicep input that would make the CLI read a file outside its repository: refused, so a pull request cannot reach out. */
export async function outsideRepository(input: DiscoveredInput): Promise<InputResult | undefined> {
  const repoRoot = input.kind === 'arm-template' ? undefined : findRepositoryRoot(path.dirname(input.file));
  const outside = repoRoot === undefined ? undefined : await referenceOutsideRepository(input.file, repoRoot);
  if (!outside) return undefined;
  const reason = `it reads ${outside.target}, outside the repository ${repoRoot}; bicep-audit reads only files inside the repository`;
  return { file: input.file, status: 'failed', findings: [inputFinding(input.file, reason, { file: outside.file, range: outside.range })] };
}
