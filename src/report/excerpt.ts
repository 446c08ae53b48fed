import type { Range } from '../positions';

/** The widest slice of a line an excerpt shows; minified JSON can put a whole template on one line. */
const MAX_WIDTH = 120;
const CONTEXT_BEFORE = 30;

/**
 * The finding's first line with a caret line under its range, e.g.
 * `  12 | resource acr 'Microsoft…' = {` over `     |          ^^^`.
 * A range that goes on past the line is underlined to the line's end.
 */
export function excerpt(text: string, range: Range): [string, string] | undefined {
  const line = text.split('\n')[range.start.line]?.replace(/\r$/, '').replace(/\t/g, ' ');
  if (line === undefined) return undefined;
  const start = Math.min(range.start.character, line.length);
  const end = range.end.line === range.start.line ? Math.min(Math.max(range.end.character, start + 1), line.length) : line.length;
  const from = line.length > MAX_WIDTH ? Math.max(0, Math.min(start - CONTEXT_BEFORE, line.length - MAX_WIDTH)) : 0;
  const to = Math.min(line.length, from + MAX_WIDTH);
  const shown = `${from > 0 ? '…' : ''}${line.slice(from, to)}${to < line.length ? '…' : ''}`;
  const caretStart = start - from + (from > 0 ? 1 : 0);
  const carets = '^'.repeat(Math.max(1, Math.min(end, to) - start));
  const gutter = String(range.start.line + 1);
  return [`${gutter} | ${shown}`, `${' '.repeat(gutter.length)} | ${' '.repeat(caretStart)}${carets}`];
}
