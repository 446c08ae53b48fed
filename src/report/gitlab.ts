import path from 'node:path';
import { relativeInside } from '../discover/repository-root';
import type { FindingLevel, InputResult } from '../rules/finding';
import { partialFingerprints } from './fingerprints';
import type { ReportContext } from './report-context';

/** Code Quality's severities: info, minor, major, critical, blocker. */
const SEVERITIES: Record<FindingLevel, string> = { error: 'major', warning: 'minor', note: 'info' };

/**
 * GitLab Code Quality (`artifacts: reports: codequality`): one issue per finding that is neither
 * suppressed nor baselined; the path relative to the repository root, the fingerprint SARIF's.
 */
export function formatGitlab(results: readonly InputResult[], context: ReportContext): string {
  const findings = results.flatMap((r) => r.findings);
  // Over every finding, as SARIF counts them, so that the two agree.
  const fingerprints = partialFingerprints(findings, context);
  const issues = findings.flatMap((f, i) =>
    f.suppression || f.baselined
      ? []
      : [
          {
            description: f.message,
            check_name: f.ruleId,
            fingerprint: fingerprints[i]!,
            severity: SEVERITIES[f.level],
            location: {
              path: (relativeInside(f.location.file, context.repoRoot) ?? f.location.file).split(path.sep).join('/'),
              lines: { begin: f.location.range.start.line + 1 },
            },
          },
        ],
  );
  return `${JSON.stringify(issues, null, 2)}\n`;
}
