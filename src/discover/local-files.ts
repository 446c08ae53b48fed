import fs from 'node:fs';
import path from 'node:path';
import type { Range } from '../positions';
import { bicepParser, BicepSourceFile } from '../locate/bicep-source';
import { relativeInside } from './repository-root';

/** A path one Bicep file names, resolved. */
export interface LocalReference {
  /** The Bicep file that names the path, and where. */
  file: string;
  range: Range;
  target: string;
}

const CONFIG_FILE = 'bicepconfig.json';

/** Parses the entry and every local Bicep file it pulls in, once each, handing each to `visit`; files outside `followOnlyBelow` are not read. */
async function walkBicepFiles(entry: string, visit: (source: BicepSourceFile) => void, followOnlyBelow?: string): Promise<void> {
  const parser = await bicepParser();
  const queue = [path.resolve(entry)];
  const seen = new Set(queue);
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const source = BicepSourceFile.parse(file, parser);
    visit(source);
    for (const reference of source.fileReferences()) {
      const target = path.resolve(path.dirname(file), reference.path);
      const followed = followOnlyBelow === undefined || relativeInside(target, followOnlyBelow) !== undefined;
      if (followed && /\.bicep(param)?$/i.test(target) && !seen.has(target) && fs.existsSync(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
}

/**
 * Every local path the entry names, and the local Bicep files it pulls in name in turn (modules,
 * `using`, `extends`, `import` and the `load…()` functions), found by parsing: the CLI's own
 * `getFileReferences` leaves out ARM JSON modules and `using 'main.json'` templates. With
 * `followOnlyBelow`, files outside that folder are listed but not read.
 */
export async function localReferences(entry: string, followOnlyBelow?: string): Promise<LocalReference[]> {
  const references: LocalReference[] = [];
  await walkBicepFiles(
    entry,
    (source) => references.push(...source.fileReferences().map((r) => ({ file: source.file, range: r.range, target: path.resolve(path.dirname(source.file), r.path) }))),
    followOnlyBelow,
  );
  return references;
}

/** A `br:` or `ts:` module declared in the entry or a local Bicep file it pulls in. */
export interface RegistryModule {
  file: string;
  range: Range;
  /** As written, e.g. `br/public:avm/res/container-registry/registry:0.4.0`. */
  path: string;
}

export async function registryModules(entry: string): Promise<RegistryModule[]> {
  const modules: RegistryModule[] = [];
  await walkBicepFiles(entry, (source) => modules.push(...source.registryModules().map((m) => ({ file: source.file, ...m }))));
  return modules;
}

/** The local paths one Bicep file names (modules, imports, `load…()` literals), resolved, when the source grammar parses it whole; else (or unreadable) undefined. */
export async function pathsNamedIn(file: string): Promise<string[] | undefined> {
  try {
    const source = BicepSourceFile.parse(file, await bicepParser());
    return source.hasGrammarGaps ? undefined : source.fileReferences().map((r) => path.resolve(path.dirname(file), r.path));
  } catch {
    return undefined;
  }
}

/** The bicepconfig.json files at or above a file's folder, nearest first: Bicep applies the first. */
export function bicepConfigsAbove(file: string): string[] {
  const found: string[] = [];
  for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, CONFIG_FILE);
    if (fs.existsSync(candidate)) found.push(candidate);
    if (path.dirname(folder) === folder) return found;
  }
}

/**
 * Everything a compile of `entry` that read `filesRead` follows from, which both caches watch: those
 * files, and for each Bicep file among them every place a bicepconfig.json would apply from, its
 * folder up to the nearest one there is. One added below the nearest, or the nearest changed or
 * removed, changes the compile; one above the nearest Bicep never reads.
 */
export function watchedFiles(entry: string, filesRead: readonly string[]): string[] {
  const files = [entry, ...filesRead];
  const configs = files.filter((f) => /\.bicep(param)?$/i.test(f)).flatMap(configPlaces);
  return [...new Set([...files, ...configs])];
}

/** The bicepconfig.json paths from a file's folder up to the first that exists (or the root). */
function configPlaces(file: string): string[] {
  const places: string[] = [];
  for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, CONFIG_FILE);
    places.push(candidate);
    if (fs.existsSync(candidate) || path.dirname(folder) === folder) return places;
  }
}

/**
 * What `localFilesRead` gives, when parsing alone tells every file the compile reads: every Bicep
 * file of the entry's local graph parses whole and names each path it reads as a plain local
 * string (no `br:`/`ts:` module, no `load…()` of an expression); else undefined, and only the
 * Bicep CLI can tell.
 */
export async function filesReadByParsing(entry: string): Promise<string[] | undefined> {
  if (!/\.bicep$/i.test(entry)) return undefined;
  let complete = true;
  await walkBicepFiles(entry, (source) => (complete &&= source.namesAllItReads));
  return complete ? localFilesRead(entry) : undefined;
}

/**
 * The entry, every local file it reads, and the bicepconfig.json of each Bicep file among them.
 * A file it names that does not exist is listed too: its appearing changes the compile.
 */
export async function localFilesRead(entry: string): Promise<string[]> {
  const targets = (await localReferences(entry)).map((r) => r.target).filter((t) => !fs.existsSync(t) || fs.statSync(t).isFile());
  const files = [path.resolve(entry), ...targets];
  const configs = files.filter((f) => /\.bicep(param)?$/i.test(f) && fs.existsSync(f)).flatMap((f) => bicepConfigsAbove(f).slice(0, 1));
  return [...new Set([...files, ...configs])];
}
