import fs from 'node:fs';
import path from 'node:path';
import { auditWithRealBicep, realBicep } from '../helpers/real-bicep';
import { copyOfCases } from './fix-helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const PAGES = ['README.md', 'docs/rules/Azure.ACR.Logs.md'];

/** Every ```diff block of a page, without the indentation of a list item. */
function diffBlocks(page: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, page), 'utf8');
  return [...text.matchAll(/^( *)```diff\n([\s\S]*?)^ *```$/gm)].map((m) =>
    m[2]!
      .split('\n')
      .map((line) => line.slice(m[1]!.length))
      .join('\n'),
  );
}

/** The diff of one file, from `--- a/<file>` to the next file's header. */
function sectionOf(diff: string, file: string): string | undefined {
  const start = diff.indexOf(`--- a/${file}\n`);
  if (start < 0) return undefined;
  const next = diff.indexOf('\n--- a/', start + 1);
  return diff.slice(start, next < 0 ? undefined : next + 1);
}

beforeAll(() => {
  realBicep();
});

describe('the fixes shown in the docs', () => {
  it.each(PAGES)('%s shows each fix kind, and each diff is what --fix-dry-run prints for its fixture', async (page) => {
    const blocks = diffBlocks(page);
    const files = blocks.map((b) => /^--- a\/(\S+)\n/.exec(b)?.[1]);
    expect(files).toEqual(expect.arrayContaining(['add-missing-category.bicep', 'enable-entry-without-enabled.bicep', 'rename-category.bicep', 'suggest-new-parameter.bicep']));
    const root = copyOfCases();
    const run = await auditWithRealBicep([...files.map(String), '--fix-dry-run', '--suggestions', '--no-cache', '--jobs', '1'], { cwd: root });
    expect(run.code).toBe(1);
    for (const [i, block] of blocks.entries()) expect(sectionOf(run.stdout, files[i]!)).toBe(block);
  }, 120_000);
});
