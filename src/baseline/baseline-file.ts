import fs from 'node:fs';
import { LineIndex } from '../locate/line-index';
import { JsonSyntaxError, parseJsonWithPositions, spanAtPath, stripBom } from '../template/parse-json';
import { validateAgainstSchema } from '../template/validate';

/** The file --write-baseline writes, at the repository root, when no other is named. */
export const DEFAULT_BASELINE_FILE = 'bicep-audit-baseline.json';

/** One accepted finding (or several that share everything here): schemas/baseline.schema.json. */
export interface BaselineEntry {
  rule: string;
  /** Relative to the baseline's folder, with forward slashes. */
  file: string;
  /** Module symbols and the resource's symbolic name, joined by `/`; empty for a finding about no resource. */
  resource: string;
  message: string;
  count?: number;
}

/** The entry with a count: written only when more than one finding shares it. */
export function withCount(entry: BaselineEntry, count: number): BaselineEntry {
  return { rule: entry.rule, file: entry.file, resource: entry.resource, message: entry.message, ...(count > 1 ? { count } : {}) };
}

/** A baseline that cannot be read or breaks its schema; the message names the file, line and column. */
export class BaselineError extends Error {}

/** Reads and checks a baseline file: a missing, broken or invalid one is an error, never an empty baseline. */
export function readBaseline(file: string): BaselineEntry[] {
  let text: string;
  try {
    text = stripBom(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new BaselineError(missing ? `no baseline at ${file}; write one with --write-baseline` : `cannot read the baseline ${file}: ${(error as Error).message}`);
  }
  const lines = new LineIndex(text);
  const at = (offset: number, message: string) => {
    const { line, character } = lines.positionAt(offset);
    return `${file}:${line + 1}:${character + 1}: ${message}`;
  };
  let doc;
  try {
    doc = parseJsonWithPositions(file, text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new BaselineError(error.problems.map((p) => at(p.offset, p.message)).join('\n'));
  }
  const problems = validateAgainstSchema('baseline', doc.value);
  if (problems.length > 0) {
    throw new BaselineError(problems.map((p) => at(spanAtPath(doc, p.path).offset, `${p.message} (schemas/baseline.schema.json)`)).join('\n'));
  }
  return (doc.value as unknown as { findings: BaselineEntry[] }).findings;
}

const order = (a: BaselineEntry, b: BaselineEntry) => compare(a.file, b.file) || compare(a.rule, b.rule) || compare(a.resource, b.resource) || compare(a.message, b.message);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The baseline's text: entries sorted by file, rule, resource and message, so that it diffs well. */
export function baselineText(entries: readonly BaselineEntry[]): string {
  const findings = [...entries].sort(order).map((e) => withCount(e, e.count ?? 1));
  return `${JSON.stringify({ version: 1, findings }, null, 2)}\n`;
}
