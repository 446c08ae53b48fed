import type { Position, Range } from '../positions';

/** Converts 0-based offsets in a text to 0-based line/character positions; a byte order mark is not a character of line 1. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(text: string) {
    this.lineStarts = [text.startsWith('\uFEFF') ? 1 : 0];
    for (let i = 0; i < text.length; i += 1) {
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  positionAt(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: Math.max(0, offset - this.lineStarts[low]!) };
  }

  offsetAt(position: Position): number {
    return (this.lineStarts[position.line] ?? Number.POSITIVE_INFINITY) + position.character;
  }

  /** The range from `start` to `end` (offsets). */
  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** The start of a file: where a finding about the whole file is shown. */
export const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
