import fs from 'node:fs';
import type { BicepDiagnostic, Range } from '../bicep/compile-output';
import { LineIndex } from '../locate/line-index';
import type { Finding } from '../rules/finding';
import { inputFinding } from './problem-findings';

// BCP192: the restore of a `br:`/`ts:` module failed; BCP190: it was never restored (`--no-restore`).
const RESTORE_FAILURES = new Set(['BCP190', 'BCP192']);

// The same parenthesised cause, once per retry: `(Name or service not known (host:443)) (Name or …`.
const REPEATED_CAUSE = /( \((?:[^()]|\([^()]*\))*\))\1+/g;

// Noise of the .NET client and the docs link, neither of which helps the reader.
const CLIENT_ADVICE = / Retry settings can be adjusted in .*?RetryPolicy\./;
const TRAILING_LINK = /\s*\[https:\/\/[^\]\s]+\]\s*$/;

/** The module path the diagnostic is on: its range, or (`bicep build` gives a position only) the string that starts there. */
function modulePathAt(file: string, diagnostic: BicepDiagnostic): Range {
  const text = fs.readFileSync(file, 'utf8');
  const lines = new LineIndex(text);
  const start = lines.offsetAt(diagnostic.range.start);
  const end = lines.offsetAt(diagnostic.range.end);
  if (end > start) return diagnostic.range;
  const quoted = /^'[^'\r\n]*'/.exec(text.slice(start));
  return quoted ? lines.rangeOf(start, start + quoted[0].length) : diagnostic.range;
}

function textIn(file: string, range: Range): string {
  const text = fs.readFileSync(file, 'utf8');
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

/**
 * A registry module that could not be fetched makes every use of it an error too: one finding per
 * such module, on its `module` line, says what could not be fetched and that the input was not
 * analysed, instead of the cascade. Undefined when every module was there.
 */
export function restoreFailureFindings(entry: string, diagnostics: readonly BicepDiagnostic[]): Finding[] | undefined {
  const failures = diagnostics.filter((d) => RESTORE_FAILURES.has(d.code));
  if (failures.length === 0) return undefined;
  return failures.map((d) => {
    const range = modulePathAt(d.file, d);
    const reference = textIn(d.file, range).replace(/^'|'$/g, '');
    const cause = d.message.replace(REPEATED_CAUSE, '$1').replace(CLIENT_ADVICE, '').replace(TRAILING_LINK, '');
    const reason = `the module ${reference} could not be fetched, so the file was not analysed (Bicep ${d.code}: ${cause})`;
    return inputFinding(entry, reason, { file: d.file, range });
  });
}
