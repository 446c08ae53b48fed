import { applyEdits } from './apply-edits';
import type { SourceFix } from '../rules/source-fix';
import { regions, shiftEdits } from './unified-diff';

/** A fix as the lines that replace one range of lines, the shape of a pull-request suggestion. */
export interface LineRangeChange {
  file: string;
  /** 0-based, inclusive. */
  firstLine: number;
  lastLine: number;
  /** The new text of those lines, without the final line break. */
  text: string;
}

/** The fix as one range of whole lines replaced, when its edits touch one range of one file; else undefined. */
export function lineRangeChange(fix: SourceFix, sourceText: (file: string) => string | undefined): LineRangeChange | undefined {
  const files = new Set(fix.edits.map((e) => e.file));
  const groups = regions(fix.edits);
  const text = sourceText(fix.edits[0]?.file ?? '');
  if (files.size !== 1 || groups.length !== 1 || text === undefined) return undefined;
  const [{ first, last, edits }] = groups as [(typeof groups)[number]];
  const lines = text.split('\n').slice(first, last + 1).join('\n');
  return { file: fix.edits[0]!.file, firstLine: first, lastLine: last, text: applyEdits(lines, shiftEdits(edits, first)).replace(/\r/g, '') };
}
