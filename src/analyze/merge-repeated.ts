import type { Finding, InputResult } from '../rules/finding';

function placeKey(finding: Finding): string {
  const { start, end } = finding.location.range;
  return JSON.stringify([finding.ruleId, finding.kind, finding.message, finding.location.file, start, end]);
}

/**
 * Several `.bicepparam` files that use one template report a problem of the template at the same
 * place: it becomes one finding, kept with the first of them, that names every parameter file it
 * applies to.
 */
export function mergeRepeatedFindings(results: readonly InputResult[]): InputResult[] {
  const first = new Map<string, Finding>();
  return results.map((result) => {
    if (!result.file.endsWith('.bicepparam')) return result;
    const findings: Finding[] = [];
    for (const finding of result.findings) {
      const key = placeKey(finding);
      const earlier = first.get(key);
      if (earlier) {
        earlier.appliesTo = [...(earlier.appliesTo ?? []), result.file];
        continue;
      }
      const kept = { ...finding, appliesTo: [result.file] };
      first.set(key, kept);
      findings.push(kept);
    }
    return { ...result, findings };
  });
}
