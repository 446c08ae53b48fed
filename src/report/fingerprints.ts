import { createHash } from 'node:crypto';
import type { Finding } from '../rules/finding';
import { artifactLocation } from './paths';
import type { ReportContext } from './report-context';

/**
 * A key per finding that survives edits elsewhere in the file: it hashes the rule, the file (as
 * the repository names it), the
 * instance and the text of the finding's first line (not its line number), plus a counter that
 * tells apart findings that share all of those.
 */
export function partialFingerprints(findings: readonly Finding[], context: ReportContext): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const { file, range } = finding.location;
    const lineText = context.sourceText(file)?.split('\n')[range.start.line]?.trim() ?? '';
    const instance = finding.instance ? [...finding.instance.deploymentChain, finding.instance.symbolicName].join('/') : '';
    const key = createHash('sha256').update(JSON.stringify([finding.ruleId, finding.kind, artifactLocation(file, context.repoRoot).uri, instance, lineText])).digest('hex').slice(0, 32);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return `${key}:${occurrence}`;
  });
}
