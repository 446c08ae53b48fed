import { LineIndex } from '../locate/line-index';
import type { TextEdit } from '../rules/source-fix';

/** A file's text with edits of that file made; they must not overlap. Insertions at one place go in the order given. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  // Made from the end backwards: of two insertions at one place, the later one first, so that the earlier ends up before it.
  const byOffset = edits
    .map((e, order) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText, order }))
    .sort((a, b) => b.start - a.start || b.end - a.end || b.order - a.order);
  let result = text;
  for (const edit of byOffset) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

const isInsertion = (e: TextEdit) => e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character;

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.file !== b.file) return false;
  // Two insertions at one place (a lock and a setting after one resource) do not overlap: they go in report order.
  if (isInsertion(a) && isInsertion(b)) return false;
  const before = (p: TextEdit['range']['start'], q: TextEdit['range']['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  // An insertion where another edit starts or ends overlaps it: which side it belongs to would be a guess.
  return before(a.range.start, b.range.end) && before(b.range.start, a.range.end);
}

export function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.file === b.file && a.newText === b.newText && JSON.stringify(a.range) === JSON.stringify(b.range);
}

/** Whether an edit of one fix collides with an edit of others (the same edit twice is no collision). */
export function collides(edits: readonly TextEdit[], taken: readonly TextEdit[]): boolean {
  return edits.some((e) => taken.some((t) => !sameEdit(e, t) && overlaps(e, t)));
}

/** The edits once each: two findings may need the very same edit. */
export function distinctEdits(edits: readonly TextEdit[]): TextEdit[] {
  return edits.filter((e, i) => edits.findIndex((o) => sameEdit(e, o)) === i);
}
