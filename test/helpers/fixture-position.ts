import fs from 'node:fs';
import path from 'node:path';

/** 1-based line and column where `snippet` starts in a fixture (the nth occurrence, from 1). */
export function positionOf(file: string, snippet: string, occurrence = 1): { line: number; column: number } {
  const text = fs.readFileSync(file, 'utf8');
  let offset = -1;
  for (let i = 0; i < occurrence; i += 1) {
    offset = text.indexOf(snippet, offset + 1);
    if (offset < 0) throw new Error(`'${snippet}' occurs fewer than ${occurrence} times in ${path.basename(file)}`);
  }
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}
