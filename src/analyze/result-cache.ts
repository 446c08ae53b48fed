import fs from 'node:fs';
import path from 'node:path';
import { watchedFiles } from '../discover/local-files';
import { HashedEntries, sha256 } from '../files/hashed-entries';
import type { InputResult } from '../rules/finding';
import { Symbolic } from '../template/expressions/value';

/** Bumped whenever an entry's shape or meaning changes, so old entries are simply missed. */
// 2: the places a bicepconfig.json would apply from are watched too (watchedFiles); 3: results carry the resources each rule judged.
const FORMAT = 3;

const SYMBOLIC = '$symbolic';

/** JSON for results, whose values may be symbolic (an instance's unknown name). */
function withSymbolics(_key: string, value: unknown): unknown {
  return value instanceof Symbolic ? { [SYMBOLIC]: [value.key, value.type, value.origins, value.parts ?? null] } : value;
}

function revivingSymbolics(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !(SYMBOLIC in value)) return value;
  const [key, type, origins, parts] = (value as Record<string, ConstructorParameters<typeof Symbolic>>)[SYMBOLIC]!;
  return new Symbolic(key, type, origins, parts ?? undefined);
}

interface Entry {
  format: number;
  result: InputResult;
  /** Every file the result follows from: those the compile read or looked for. */
  filesRead: string[];
}

function isEntry(value: unknown): value is Entry {
  const entry = value as Partial<Entry> | null;
  return typeof entry === 'object' && entry !== null && entry.format === FORMAT && Array.isArray(entry.filesRead) && typeof entry.result === 'object';
}

let ownCode: string | undefined;

/**
 * bicep-audit's own code, as the files it runs from (dist/, the Action's bundle, or the sources
 * under test) and their sizes and change times: a result is its work, and a new build is new work.
 */
export function toolIdentity(): string {
  // This file sits in dist/analyze/ or src/analyze/, beside the other stages; bundled, everything is beside it.
  ownCode ??= identityOfCode(path.basename(__dirname) === 'analyze' ? path.dirname(__dirname) : __dirname);
  return ownCode;
}

function identityOfCode(root: string): string {
  const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.[jt]s$/.test(f)).sort();
  return sha256(
    files
      .map((f) => {
        const stat = fs.statSync(path.join(root, f));
        return `${f}\0${stat.size}\0${stat.mtimeMs}`;
      })
      .join('\n'),
  );
}

/**
 * Whole results of Bicep inputs, kept between runs: a run whose inputs and everything they read
 * are unchanged neither compiles nor analyses them again. An entry is given back only for the
 * same tool, CLI and settings (`context`, where the bicep-audit.json that applies has its say),
 * while every file it follows from hashes the same: the same files the compile cache watches.
 */
export class ResultCache {
  private readonly entries: HashedEntries;

  constructor(
    folder: string,
    /** Who made the results: the tool's code and the Bicep CLI. */
    private readonly identity: string,
  ) {
    this.entries = new HashedEntries(folder);
  }

  lookup(file: string, context: string): { result: InputResult; filesRead: readonly string[] } | undefined {
    const entry = this.entries.read(this.keyFor(file, context), revivingSymbolics);
    return isEntry(entry) && entry.result.file === file ? { result: entry.result, filesRead: entry.filesRead } : undefined;
  }

  store(file: string, context: string, filesRead: readonly string[], result: InputResult): void {
    const entry: Entry = { format: FORMAT, result, filesRead: [...filesRead] };
    this.entries.write(this.keyFor(file, context), watchedFiles(file, filesRead), entry, withSymbolics);
  }

  private keyFor(file: string, context: string): string {
    return `result-${sha256(JSON.stringify([FORMAT, this.identity, file, context]))}`;
  }
}

/** The settings besides the files that decide an input's result, as one string (symbolic values included). */
export function resultContext(settings: unknown): string {
  return JSON.stringify(settings, withSymbolics);
}
