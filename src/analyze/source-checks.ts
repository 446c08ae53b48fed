import fs from 'node:fs';
import path from 'node:path';
import type { Range } from '../positions';
import { isLocalModule } from '../locate/bicep-source';
import { FILE_START, LineIndex } from '../locate/line-index';

// `using './main.bicep'` at the start of a line of a .bicepparam file.
const USING = /^(\s*using\s+')([^']+)'/m;

/** The local template a `.bicepparam` file's `using` names, with the offset of its path; none for `br:`/`ts:` or none at all. */
export function usingTarget(file: string, text: string): { file: string; offset: number; length: number } | undefined {
  const match = USING.exec(text);
  if (!match || !isLocalModule(match[2]!)) return undefined;
  return { file: path.resolve(path.dirname(file), match[2]!), offset: match.index + match[1]!.length, length: match[2]!.length };
}

// `using none`: a base parameter file that others extend.
const USING_NONE = /^[ \t]*(using\s+none)\b/m;

/** Where a `.bicepparam` file's text says `using none`, if it does. */
export function usingNone(text: string): Range | undefined {
  const match = USING_NONE.exec(text);
  if (!match) return undefined;
  const start = match.index + match[0].indexOf(match[1]!);
  return new LineIndex(text).rangeOf(start, start + match[1]!.length);
}

export interface SourceProblem {
  reason: string;
  range: Range;
}

/**
 * What makes a Bicep source unusable before any compile: the CLI would report these poorly or,
 * for an empty file, compile an empty template that would look clean.
 */
export function bicepSourceProblem(file: string, bytes: Buffer): SourceProblem | undefined {
  if (bytes.includes(0)) return { reason: 'it is a binary file, not Bicep source', range: FILE_START };
  const text = bytes.toString('utf8');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = new LineIndex(text).positionAt(text.indexOf('\uFFFD'));
    return { reason: 'it is not valid UTF-8 text', range: { start: at, end: { ...at, character: at.character + 1 } } };
  }
  if (text.trim() === '') return { reason: 'the file is empty', range: FILE_START };
  const target = file.endsWith('.bicepparam') ? usingTarget(file, text) : undefined;
  if (target && !fs.existsSync(target.file)) {
    return { reason: `the file its using declaration names does not exist: ${target.file}`, range: new LineIndex(text).rangeOf(target.offset, target.offset + target.length) };
  }
  return undefined;
}
