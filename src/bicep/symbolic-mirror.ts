import fs from 'node:fs';
import path from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';
import { makeTempDir } from './temp-dirs';

const CONFIG_FILE = 'bicepconfig.json';
const SWITCH_PATH = ['experimentalFeaturesEnabled', 'symbolicNameCodegen'];

/** The user's bicepconfig.json text with symbolic-name output switched on; comments are kept. */
export function withSymbolicNames(configText: string): string {
  const edits = modify(configText, SWITCH_PATH, true, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
  return applyEdits(configText, edits);
}

/**
 * A copy, in a temp folder, of exactly the files one compilation reads, at the same absolute
 * paths below the mirror's root, with every bicepconfig.json switched to symbolic-name output
 * (a new one at the root when the user has none). The user's tree is only read.
 */
export class SymbolicMirror {
  readonly root: string;

  constructor(fileReferences: readonly string[]) {
    this.root = makeTempDir('mirror');
    let sawConfig = false;
    for (const original of fileReferences) {
      const copy = this.toMirror(original);
      fs.mkdirSync(path.dirname(copy), { recursive: true });
      if (path.basename(original) === CONFIG_FILE) {
        sawConfig = true;
        fs.writeFileSync(copy, withSymbolicNames(fs.readFileSync(original, 'utf8')));
      } else {
        fs.copyFileSync(original, copy);
      }
    }
    if (!sawConfig) {
      fs.writeFileSync(path.join(this.root, CONFIG_FILE), withSymbolicNames('{}'));
    }
  }

  toMirror(original: string): string {
    const absolute = path.resolve(original);
    return path.join(this.root, absolute.slice(path.parse(absolute).root.length));
  }

  /** The user's path for a path inside the mirror; other paths are returned unchanged. */
  toOriginal(mirrored: string): string {
    const prefix = this.root + path.sep;
    return mirrored.startsWith(prefix) ? path.resolve(path.sep, mirrored.slice(prefix.length)) : mirrored;
  }
}
