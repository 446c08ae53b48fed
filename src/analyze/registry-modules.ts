import fs from 'node:fs';
import { splitDocsLink, type BicepDiagnostic } from '../bicep/compile-output';
import type { Range } from '../positions';
import { LineIndex } from '../locate/line-index';
import type { Finding } from '../rules/finding';
import type { RegistryModule } from '../discover/local-files';
import { inputFinding } from './problem-findings';

// BCP192: the restore of a `br:`/`ts:` module failed; BCP190: it was never restored (`--no-restore`).
const RESTORE_FAILURES = new Set(['BCP190', 'BCP192']);

// The same parenthesised cause, once per retry: `(Name or service not known (host:443)) (Name or …`.
const REPEATED_CAUSE = /( \((?:[^()]|\([^()]*\))*\))\1+/g;

// Advice of the .NET client that does not help the reader.
const CLIENT_ADVICE = / Retry settings can be adjusted in .*?RetryPolicy\./;

/** The module path the diagnostic is on, as a range and as written: `bicep build` gives a position only, so the string that starts there. */
function modulePathAt(diagnostic: BicepDiagnostic): { range: Range; written: string } {
  const text = fs.readFileSync(diagnostic.file, 'utf8');
  const lines = new LineIndex(text);
  const start = lines.offsetAt(diagnostic.range.start);
  const end = lines.offsetAt(diagnostic.range.end);
  const quoted = end > start ? undefined : /^'[^'\r\n]*'/.exec(text.slice(start));
  const range = quoted ? lines.rangeOf(start, start + quoted[0].length) : diagnostic.range;
  return { range, written: text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end)).replace(/^'|'$/g, '') };
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
    const { range, written } = modulePathAt(d);
    const cause = splitDocsLink(d.message).text.replace(REPEATED_CAUSE, '$1').replace(CLIENT_ADVICE, '');
    // BCP190 comes only from a compile that fetched nothing (--no-restore): the module was never asked for.
    const what =
      d.code === 'BCP190'
        ? `the module ${written} is not in the local module cache, and --no-restore fetches nothing, so the file was not analysed; restore it first (\`bicep restore\`) or run without --no-restore`
        : `the module ${written} could not be fetched, so the file was not analysed`;
    const reason = `${what} (Bicep ${d.code}: ${cause})`;
    return inputFinding(entry, reason, { file: d.file, range });
  });
}

/** The file's registry modules when Bicep was still fetching them at the bound: one finding on each. */
export function notFetchedInTime(entry: string, modules: readonly RegistryModule[], timeoutMs: number): Finding[] {
  return modules.map((m) => {
    const reason =
      `the module ${m.path} was not fetched within ${timeoutMs / 1000} s (the Bicep CLI was still fetching the file's registry modules), ` +
      'so the file was not analysed; check the registry can be reached, or raise --restore-timeout';
    return inputFinding(entry, reason, { file: m.file, range: m.range });
  });
}
