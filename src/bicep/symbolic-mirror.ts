import fs from 'node:fs';
import path from 'node:path';
import { applyEdits, modify, parseTree, findNodeAtLocation } from 'jsonc-parser';
import { makeTempDir, removeTempDir } from './temp-dirs';

const CONFIG_FILE = 'bicepconfig.json';
const FEATURES = 'experimentalFeaturesEnabled';
const formattingOptions = { insertSpaces: true, tabSize: 2 };

/** The user's bicepconfig.json text with symbolic-name output switched on; comments are kept. */
export function withSymbolicNames(configText: string): string {
  // `"experimentalFeaturesEnabled": null` (or any non-object) means no features: replace it whole.
  const features = findNodeAtLocation(parseTree(configText) ?? { type: 'null', offset: 0, length: 0 }, [FEATURES]);
  const edits =
    features && features.type !== 'object'
      ? modify(configText, [FEATURES], { symbolicNameCodegen: true }, { formattingOptions })
      : modify(configText, [FEATURES, 'symbolicNameCodegen'], true, { formattingOptions });
  return applyEdits(configText, edits);
}

/**
 * The config with every linter rule at `error` lowered to `warning`, so that the compile still
 * gives a template to audit; the lowered rule names are returned to raise their diagnostics back.
 */
export function withLinterErrorsAsWarnings(configText: string): { text: string; lowered: string[] } {
  const rules = findNodeAtLocation(parseTree(configText) ?? { type: 'null', offset: 0, length: 0 }, ['analyzers', 'core', 'rules']);
  const lowered: string[] = [];
  let text = configText;
  for (const property of rules?.type === 'object' ? (rules.children ?? []) : []) {
    const name = property.children?.[0]?.value;
    const level = property.children?.[1] && findNodeAtLocation(property.children[1], ['level']);
    if (typeof name !== 'string' || typeof level?.value !== 'string' || level.value.toLowerCase() !== 'error') continue;
    lowered.push(name);
  }
  for (const name of lowered) {
    text = applyEdits(text, modify(text, ['analyzers', 'core', 'rules', name, 'level'], 'warning', { formattingOptions }));
  }
  return { text, lowered };
}

/**
 * A copy, in a temp folder, of the files the run's compilations read, at the same absolute paths
 * below the mirror's root, with every bicepconfig.json switched to symbolic-name output (and its
 * linter errors lowered to warnings) and one at the root for files that have none. Every module
 * is then compiled in symbolic-name form, whatever the user's config says. One mirror serves a
 * whole run: a file is copied once, however many entries read it. The user's tree is only read.
 */
export class SymbolicMirror {
  private madeRoot: string | undefined;
  private readonly mirrored = new Set<string>();
  private readonly folders = new Set<string>();
  /** By folder of a user's bicepconfig.json: the linter rules lowered from `error` in its copy. */
  private readonly loweredRules = new Map<string, Set<string>>();

  /** The temp folder, made with its root config when the first files are added. */
  get root(): string {
    if (this.madeRoot === undefined) {
      this.madeRoot = makeTempDir('mirror');
      fs.writeFileSync(path.join(this.madeRoot, CONFIG_FILE), withSymbolicNames('{}'));
    }
    return this.madeRoot;
  }

  /** Copies the files not copied yet; a named file that does not exist stays missing, as it is in the user's tree. */
  add(files: readonly string[]): void {
    for (const original of files) {
      const absolute = path.resolve(original);
      if (this.mirrored.has(absolute) || !fs.existsSync(absolute)) continue;
      this.mirrored.add(absolute);
      const copy = this.toMirror(absolute);
      if (!this.folders.has(path.dirname(copy))) fs.mkdirSync(path.dirname(copy), { recursive: true });
      this.folders.add(path.dirname(copy));
      if (path.basename(absolute) === CONFIG_FILE) {
        const { text, lowered } = withLinterErrorsAsWarnings(withSymbolicNames(fs.readFileSync(absolute, 'utf8')));
        fs.writeFileSync(copy, text);
        this.loweredRules.set(path.dirname(absolute), new Set(lowered.map((r) => r.toLowerCase())));
      } else {
        fs.copyFileSync(absolute, copy);
      }
    }
  }

  /** Removes the temp folder, once the run's compilations are done. */
  remove(): void {
    if (this.madeRoot !== undefined) removeTempDir(this.madeRoot);
    this.madeRoot = undefined;
    this.mirrored.clear();
    this.folders.clear();
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

  /** Whether the config that governs a user's file lowered this linter rule from `error`. */
  wasLowered(originalFile: string, code: string): boolean {
    for (let folder = path.dirname(path.resolve(originalFile)); ; folder = path.dirname(folder)) {
      const lowered = this.loweredRules.get(folder);
      if (lowered) return lowered.has(code.toLowerCase());
      if (path.dirname(folder) === folder) return false;
    }
  }

  /** A message of the CLI with the mirror's paths turned back into the user's. */
  toOriginalText(text: string): string {
    return text.split(this.root).join('');
  }
}
