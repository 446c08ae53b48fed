import { applyEdits, collides } from '../../src/fix/apply-edits';
import type { TextEdit } from '../../src/rules/source-fix';

const at = (line: number, character: number) => ({ line, character });
const edit = (start: [number, number], end: [number, number], newText: string, file = 'main.bicep'): TextEdit => ({ file, range: { start: at(...start), end: at(...end) }, newText });

describe('edits of one file', () => {
  const text = 'resource a\nresource b\n';

  it('two insertions at one place both go in, in the order given', () => {
    const lock = edit([0, 10], [0, 10], '\n\nlock');
    const setting = edit([0, 10], [0, 10], '\n\nsetting');
    expect(collides([setting], [lock])).toBe(false);
    expect(applyEdits(text, [lock, setting])).toBe('resource a\n\nlock\n\nsetting\nresource b\n');
    expect(applyEdits(text, [setting, lock])).toBe('resource a\n\nsetting\n\nlock\nresource b\n');
  });

  it('an insertion where a replacement starts or ends collides with it, and so do replacements that share text', () => {
    const replace = edit([0, 9], [1, 8], 'x');
    expect(collides([edit([0, 9], [0, 9], 'y')], [replace])).toBe(true);
    expect(collides([edit([1, 8], [1, 8], 'y')], [replace])).toBe(true);
    expect(collides([edit([1, 0], [1, 10], 'z')], [replace])).toBe(true);
    expect(collides([edit([1, 9], [1, 10], 'z')], [replace])).toBe(false);
    expect(collides([edit([0, 9], [0, 9], 'y', 'other.bicep')], [replace])).toBe(false);
  });
});
