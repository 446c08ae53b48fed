import fs from 'node:fs';
import path from 'node:path';
import type { Range } from '../bicep/compile-output';
import { relativeInside } from '../discover/repository-root';
import { bicepParser, BicepSourceFile } from '../locate/bicep-source';

export interface OutsideReference {
  /** The Bicep file that names the path, and where. */
  file: string;
  range: Range;
  /** The path as resolved. */
  target: string;
}

/**
 * The first file reference, in the entry or the local Bicep files it pulls in, that leaves the
 * repository: compiling it would make the Bicep CLI read a file the repository does not hold.
 */
export async function referenceOutsideRepository(entry: string, repoRoot: string): Promise<OutsideReference | undefined> {
  const parser = await bicepParser();
  const queue = [entry];
  const seen = new Set(queue);
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const reference of BicepSourceFile.parse(file, parser).fileReferences()) {
      const target = path.resolve(path.dirname(file), reference.path);
      if (target !== repoRoot && relativeInside(target, repoRoot) === undefined) return { file, range: reference.range, target };
      const bicep = /\.bicep(param)?$/i.test(target);
      if (bicep && !seen.has(target) && fs.existsSync(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return undefined;
}
