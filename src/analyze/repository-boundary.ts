import { relativeInside } from '../discover/repository-root';
import { localReferences, type LocalReference } from '../discover/local-files';

/**
 * The first file reference, in the entry or the local Bicep files it pulls in, that leaves the
 * repository: compiling it would make the Bicep CLI read a file the repository does not hold.
 */
export async function referenceOutsideRepository(entry: string, repoRoot: string): Promise<LocalReference | undefined> {
  return (await localReferences(entry, repoRoot)).find((r) => r.target !== repoRoot && relativeInside(r.target, repoRoot) === undefined);
}
