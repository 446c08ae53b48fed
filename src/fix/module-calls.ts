import path from 'node:path';
import { localReferences } from '../discover/local-files';
import type { SourceLocation } from '../rules/finding';

/**
 * Where each local Bicep file of a run is used: the path of every `module` declaration (and
 * `using` statement) of the entries and the files they pull in, by the file it names. A new
 * required parameter of a module must be passed at each of them.
 */
export class ModuleCalls {
  private constructor(private readonly byTarget: ReadonlyMap<string, readonly SourceLocation[]>) {}

  /** The calls among the files the entries read, found by parsing them. */
  static async of(entries: readonly string[]): Promise<ModuleCalls> {
    const byTarget = new Map<string, SourceLocation[]>();
    const seen = new Set<string>();
    for (const entry of entries) {
      for (const reference of await localReferences(entry)) {
        if (!/\.bicep$/i.test(reference.target)) continue;
        const key = JSON.stringify([reference.file, reference.range]);
        if (seen.has(key)) continue;
        seen.add(key);
        byTarget.set(reference.target, [...(byTarget.get(reference.target) ?? []), { file: reference.file, range: reference.range }]);
      }
    }
    return new ModuleCalls(byTarget);
  }

  /** The places that name `file` as a module (or as the template of a `.bicepparam` file): its path string in each. */
  of(file: string): readonly SourceLocation[] {
    return this.byTarget.get(path.resolve(file)) ?? [];
  }
}
