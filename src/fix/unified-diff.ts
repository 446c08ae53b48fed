import { applyEdits } from './apply-edits';
import type { TextEdit } from '../rules/source-fix';

const CONTEXT = 3;

/** The longest-common-subsequence diff of a few lines, as ' ', '-' and '+' lines, removals first. */
function lineDiff(a: readonly string[], b: readonly string[]): string[] {
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(` ${a[i++]}`);
      j += 1;
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      out.push(`-${a[i++]}`);
    } else {
      out.push(`+${b[j++]}`);
    }
  }
  return out;
}

/** Groups of edits that touch the same lines, with the first and last line they touch (0-based). */
export function regions(edits: readonly TextEdit[]): { first: number; last: number; edits: TextEdit[] }[] {
  const sorted = [...edits].sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
  const groups: { first: number; last: number; edits: TextEdit[] }[] = [];
  for (const edit of sorted) {
    const group = groups.at(-1);
    if (group && edit.range.start.line <= group.last) {
      group.last = Math.max(group.last, edit.range.end.line);
      group.edits.push(edit);
    } else {
      groups.push({ first: edit.range.start.line, last: edit.range.end.line, edits: [edit] });
    }
  }
  return groups;
}

/** Edits of a file as edits of its text from line `first` on. */
export function shiftEdits(edits: readonly TextEdit[], first: number): TextEdit[] {
  return edits.map((e) => ({
    ...e,
    range: { start: { ...e.range.start, line: e.range.start.line - first }, end: { ...e.range.end, line: e.range.end.line - first } },
  }));
}

/** The file as ' ', '-' and '+' lines (a CRLF file's keep their `\r`, as git shows them): each group of edited lines diffed on its own, the rest unchanged. */
function diffLines(before: string, edits: readonly TextEdit[]): string[] {
  const lines = before.split('\n');
  const out: string[] = [];
  let next = 0;
  for (const region of regions(edits)) {
    out.push(...lines.slice(next, region.first).map((l) => ` ${l}`));
    const oldText = lines.slice(region.first, region.last + 1).join('\n');
    out.push(...lineDiff(oldText.split('\n'), applyEdits(oldText, shiftEdits(region.edits, region.first)).split('\n')));
    next = region.last + 1;
  }
  out.push(...lines.slice(next).map((l) => ` ${l}`));
  // A final line break leaves an empty last piece that is no line.
  if (before.endsWith('\n') && out.at(-1) === ' ') out.pop();
  return out;
}

/**
 * A unified diff of one file's edits (`--- a/<name>`, `+++ b/<name>`, hunks with three lines of
 * context), as `git apply` and `patch -p1` take it; empty when the edits change nothing.
 */
export function unifiedDiff(name: string, before: string, edits: readonly TextEdit[]): string {
  if (applyEdits(before, edits) === before) return '';
  const lines = diffLines(before, edits);
  const hunks: string[] = [];
  let index = 0;
  let oldLine = 1;
  let newLine = 1;
  while (index < lines.length) {
    const change = lines.findIndex((l, k) => k >= index && l[0] !== ' ');
    if (change < 0) break;
    const start = Math.max(index, change - CONTEXT);
    oldLine += start - index;
    newLine += start - index;
    let end = change;
    // A hunk runs on while the next change is within two contexts of the last.
    for (let k = change; k < lines.length && k <= end + 2 * CONTEXT; k += 1) if (lines[k]![0] !== ' ') end = k;
    const stop = Math.min(lines.length, end + CONTEXT + 1);
    const hunk = lines.slice(start, stop);
    const oldCount = hunk.filter((l) => l[0] !== '+').length;
    const newCount = hunk.filter((l) => l[0] !== '-').length;
    hunks.push(`@@ -${oldCount === 0 ? oldLine - 1 : oldLine},${oldCount} +${newCount === 0 ? newLine - 1 : newLine},${newCount} @@`, ...hunk);
    oldLine += oldCount;
    newLine += newCount;
    index = stop;
  }
  return [`--- a/${name}`, `+++ b/${name}`, ...hunks].join('\n') + '\n';
}
