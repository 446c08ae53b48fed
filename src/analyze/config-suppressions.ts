import type { Finding, InputResult, Suppression } from '../rules/finding';

/**
 * Marks the rule findings that bicep-audit.json suppresses. A finding kept for several inputs
 * (`.bicepparam` files that use one template) is suppressed only when the config of every one of
 * them suppresses it; the first one's reason is the justification. A directive in the source wins.
 */
export function applyConfigSuppressions(
  results: readonly InputResult[],
  suppressionFor: (input: string, finding: Finding) => Suppression | undefined,
): InputResult[] {
  return results.map((result) => ({
    ...result,
    findings: result.findings.map((finding) => {
      if (finding.suppression || !finding.instance) return finding;
      const [first, ...others] = (finding.appliesTo ?? [result.file]).map((input) => suppressionFor(input, finding));
      return first && others.every(Boolean) ? { ...finding, suppression: first } : finding;
    }),
  }));
}
