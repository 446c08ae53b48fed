import path from 'node:path';
import type { DiscoveredInput } from './discover-inputs';

/**
 * Drops, among the Bicep files found in folders, those that another input reads as a local
 * module, a `.bicepparam` file uses or extends: they are analysed inside their callers, with the callers'
 * values, so that one problem is reported once. Files the user named are always kept.
 * `known` gives the files an input reads when they are known already (from a kept result); the
 * others are asked of `fileReferences`, except a file another input reads: what it reads, its
 * caller reads too.
 */
export async function entryPoints(
  inputs: readonly DiscoveredInput[],
  fileReferences: (file: string) => Promise<readonly string[]>,
  known: (file: string) => readonly string[] | undefined = () => undefined,
): Promise<DiscoveredInput[]> {
  const usedByOthers = new Set<string>();
  const addReadsOf = (input: DiscoveredInput, references: readonly string[]) => {
    for (const reference of references) {
      const resolved = path.resolve(reference);
      if (resolved !== input.file) usedByOthers.add(resolved);
    }
  };
  const bicepInputs = inputs.filter((i) => i.kind !== 'arm-template');
  for (const input of bicepInputs) addReadsOf(input, known(input.file) ?? []);
  for (const input of bicepInputs) {
    if (known(input.file) === undefined && !usedByOthers.has(input.file)) addReadsOf(input, await fileReferences(input.file));
  }
  return inputs.filter((i) => !(i.fromFolder && i.kind !== 'arm-template' && usedByOthers.has(i.file)));
}
