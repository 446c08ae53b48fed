import fs from 'node:fs';
import path from 'node:path';

export type InputKind = 'bicep' | 'bicepparam' | 'arm-template';

export interface DiscoveredInput {
  file: string;
  kind: InputKind;
  /** Found by searching a folder rather than named by the user. */
  fromFolder: boolean;
}

/** A path the user named that cannot be analysed as given. */
export interface UnusablePath {
  file: string;
  reason: string;
}

export interface Discovery {
  inputs: DiscoveredInput[];
  unusable: UnusablePath[];
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

function kindOf(file: string): InputKind | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.bicep')) return 'bicep';
  if (lower.endsWith('.bicepparam')) return 'bicepparam';
  if (lower.endsWith('.json') || lower.endsWith('.jsonc')) return 'arm-template';
  return undefined;
}

interface Walk {
  found: DiscoveredInput[];
  unusable: UnusablePath[];
  isExcluded(file: string): boolean;
}

// Symbolic links are not followed (a Dirent of a link is neither a file nor a folder), so a link loop cannot trap the walk.
function walk(folder: string, into: Walk): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    into.unusable.push({ file: folder, reason: `cannot read the folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
    return;
  }
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(full, into);
    } else if (entry.isFile()) {
      const kind = kindOf(entry.name);
      // In folders only Bicep sources count: most JSON files there are not templates.
      if ((kind === 'bicep' || kind === 'bicepparam') && !into.isExcluded(full)) into.found.push({ file: full, kind, fromFolder: true });
    }
  }
}

/**
 * Files and folders → entry points. Files are taken as named (`.bicep`, `.bicepparam`, ARM
 * `.json`); folders are searched for `*.bicep` and `*.bicepparam`, skipping node_modules, .git
 * and the files `isExcluded` names (a file named on the command line is always taken).
 */
export function discoverInputs(paths: readonly string[], cwd: string, isExcluded: (file: string) => boolean = () => false): Discovery {
  const inputs: DiscoveredInput[] = [];
  const unusable: UnusablePath[] = [];
  for (const given of paths) {
    const file = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      unusable.push({ file, reason: 'no such file or folder' });
      continue;
    }
    if (stat.isDirectory()) {
      walk(file, { found: inputs, unusable, isExcluded });
      continue;
    }
    if (!stat.isFile()) {
      // A FIFO or device would block or never end when read.
      unusable.push({ file, reason: 'not a regular file' });
      continue;
    }
    const kind = kindOf(file);
    if (kind) inputs.push({ file, kind, fromFolder: false });
    else unusable.push({ file, reason: 'not a .bicep, .bicepparam or ARM template .json file' });
  }
  const seen = new Set<string>();
  return { inputs: inputs.filter((i) => !seen.has(i.file) && seen.add(i.file)), unusable };
}
