import { excerpt } from '../../src/report/excerpt';

const range = (line: number, start: number, endLine: number, end: number) => ({
  start: { line, character: start },
  end: { line: endLine, character: end },
});

describe('excerpt', () => {
  it('underlines the range on its line', () => {
    expect(excerpt('first\n  name: acr\n', range(1, 8, 1, 11))).toEqual(['2 |   name: acr', '  |         ^^^']);
  });

  it('underlines to the end of the line when the range goes on to later lines', () => {
    expect(excerpt('resource acr x = {\n}\n', range(0, 9, 1, 1))).toEqual(['1 | resource acr x = {', '  |          ^^^^^^^^^']);
  });

  it('puts one caret under an empty range, and shows tabs as spaces so the caret stays aligned', () => {
    expect(excerpt('\tkey\r\n', range(0, 1, 0, 1))).toEqual(['1 |  key', '  |  ^']);
  });

  it('shows a window of a very long line (minified JSON) around the range', () => {
    const line = `${'a'.repeat(500)}TARGET${'b'.repeat(500)}`;
    const [shown, carets] = excerpt(line, range(0, 500, 0, 506))!;
    expect(shown).toBe(`1 | …${'a'.repeat(30)}TARGET${'b'.repeat(84)}…`);
    expect(carets).toBe(`  | ${' '.repeat(31)}^^^^^^`);
  });

  it('widens the gutter with the line number', () => {
    const text = `${'\n'.repeat(99)}x`;
    expect(excerpt(text, range(99, 0, 99, 1))).toEqual(['100 | x', '    | ^']);
  });

  it('gives nothing for a line the text does not have', () => {
    expect(excerpt('one line', range(5, 0, 5, 1))).toBeUndefined();
  });
});
