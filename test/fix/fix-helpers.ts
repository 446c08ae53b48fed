import fs from 'node:fs';
import path from 'node:path';
import { BICEP_FIXTURES } from '../helpers/real-bicep';
import { makeTree } from '../helpers/temp-tree';

export const CASES = path.join(BICEP_FIXTURES, 'fix', 'cases');
export const FIXED = path.join(BICEP_FIXTURES, 'fix', 'fixed');

/** Every file below a folder, by path relative to it, with its text. */
export function readTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(root, entry);
    if (fs.statSync(full).isFile()) files[entry.split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
  }
  return files;
}

/** Paths, modes and bytes of every file below a folder, for "nothing changed" checks. */
export function snapshot(root: string): Record<string, string> {
  const seen: Record<string, string> = {};
  for (const entry of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(root, entry);
    const stat = fs.statSync(full);
    seen[entry] = stat.isFile() ? `${stat.mode.toString(8)} ${fs.readFileSync(full).toString('base64')}` : `${stat.mode.toString(8)} dir`;
  }
  return seen;
}

/** A temp copy of the fix cases, each text passed through `transform` (line endings, indentation). */
export function copyOfCases(transform: (text: string) => string = (t) => t, extra: Record<string, string> = {}): string {
  const files = Object.fromEntries(Object.entries(readTree(CASES)).map(([name, text]) => [name, transform(text)]));
  return makeTree({ '.git/HEAD': 'ref: refs/heads/main\n', ...files, ...extra });
}

export const toCrlf = (text: string) => text.replace(/\n/g, '\r\n');
/** Each two spaces of indentation a tab. */
export const toTabs = (text: string) => text.replace(/^((?: {2})+)/gm, (indent) => '\t'.repeat(indent.length / 2));

export interface FixReport {
  inputs: { file: string; status: string }[];
  results: { ruleId: string; message: string; location: { file: string; line: number; column: number }; fix: unknown; noFix: string | null }[];
  fixes?: { status: string; reason: string | null; ruleId: string; location: { file: string; line: number }; fix: { kind: string; description: string } }[];
}
