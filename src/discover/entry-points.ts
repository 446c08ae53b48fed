import path from 'node:path';
import type { DiscoveredInput } from './discover-inputs';

/**
 * Drops, among the Bicep files found in folders, those that another input reads as a local
 * module, a `.bicepparam` file uses or extends: they are analysed inside their callers, with the callers'
 * values, so that one problem is reported once. Files the user named are always kept.
 */
export async function entryPoints(
  inputs: readonly DiscoveredInput[],
  fileReferences: (file: string) => Promise<readonly string[]>,
): Promise<DiscoveredInput[]> {
  const usedByOthers = new Set<string>();
  for (const input of inputs) {
    if (input.kind === 'arm-template') continue;
    for (const reference of await fileReferences(input.file)) {
      const resolved = path.resolve(reference);
      if (resolved !== input.file) usedByOthers.add(resolved);
    }
  }
  return inputs.filter((i) => !(i.fromFolder && i.kind !== 'arm-template' && usedByOthers.has(i.file)));
}
