import fs from 'node:fs';
import path from 'node:path';
import { auditWithRealBicep, BICEP_FIXTURES, realBicep } from '../helpers/real-bicep';
import { makeTree } from '../helpers/temp-tree';
import { CASES, copyOfCases } from './fix-helpers';

/** Fixture folders whose whole run a docs page shows. */
const FOLDERS = [path.join(BICEP_FIXTURES, 'fix', 'modules-threaded')];

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
    // A block of the fix cases is one file's diff; a block of a folder (the module callers) holds several files' diffs, all of that folder's run.
    const ofCases = blocks.filter((_, i) => fs.existsSync(path.join(CASES, files[i]!)));
    const root = copyOfCases();
    const run = await auditWithRealBicep([...ofCases.map((b) => files[blocks.indexOf(b)]!), '--fix-dry-run', '--suggestions', '--no-cache', '--jobs', '1'], { cwd: root });
    expect(run.code).toBe(1);
    for (const block of ofCases) expect(sectionOf(run.stdout, files[blocks.indexOf(block)]!)).toBe(block);
    for (const block of blocks.filter((b) => !ofCases.includes(b))) {
      const folder = FOLDERS.find((f) => fs.existsSync(path.join(f, files[blocks.indexOf(block)]!)))!;
      const copy = makeTree({ '.git/HEAD': 'ref: refs/heads/main\n' });
      fs.cpSync(folder, copy, { recursive: true });
      const folderRun = await auditWithRealBicep(['.', '--fix-dry-run', '--suggestions', '--no-cache', '--jobs', '1'], { cwd: copy });
      expect(folderRun.code).toBe(1);
      expect(folderRun.stdout).toContain(block);
    }
  }, 240_000);
});
