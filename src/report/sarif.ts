import { pathToFileURL } from 'node:url';
import type { Fix, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import type { Shard } from '../analyze/shard';
import type { FixOutcome } from '../fix/apply-fixes';
import type { SourceFix } from '../rules/source-fix';
import type { Finding, InputResult, SourceLocation } from '../rules/finding';
import { packageJson } from '../package-info';
import { partialFingerprints } from './fingerprints';
import { artifactLocation } from './paths';
import type { ReportContext } from './report-context';
import { describeRule } from './rule-descriptions';

const FINGERPRINT_KEY = 'bicepAuditFindingHash/v1';

function physicalLocation(location: SourceLocation, context: ReportContext) {
  const { start, end } = location.range;
  return {
    artifactLocation: artifactLocation(location.file, context.repoRoot),
    region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
  };
}

/** SARIF's `fixes`: per file, each edit as a replacement of a region of the original (an insertion deletes an empty region). */
function sarifFix(fix: SourceFix, context: ReportContext): Fix {
  const files = [...new Set(fix.edits.map((e) => e.file))];
  return {
    description: { text: fix.kind === 'suggestion' ? `Suggestion: ${fix.description}` : fix.description },
    artifactChanges: files.map((file) => ({
      artifactLocation: artifactLocation(file, context.repoRoot),
      replacements: fix.edits
        .filter((e) => e.file === file)
        .map((e) => ({ deletedRegion: physicalLocation(e, context).region, insertedContent: { text: e.newText } })),
    })),
  };
}

const OUTCOME_LEVELS: Record<FixOutcome['status'], Notification['level']> = { applied: 'note', 'rolled-back': 'warning', 'not-applied': 'warning' };

/** What --fix did, as notifications of the invocation. */
function fixNotifications(outcomes: readonly FixOutcome[], context: ReportContext): Notification[] {
  return outcomes.map((o) => ({
    level: OUTCOME_LEVELS[o.status],
    message: { text: `${o.status === 'applied' ? 'fixed' : o.status}: ${o.finding.fix.description}${o.reason ? ` (${o.reason})` : ''}` },
    locations: [{ physicalLocation: physicalLocation(o.finding.location, context) }],
    associatedRule: { id: o.finding.ruleId },
  }));
}

function descriptor(id: string, context: ReportContext, findings: readonly Finding[]): ReportingDescriptor {
  const rule = describeRule(id, context, findings.filter((f) => f.ruleId === id));
  return {
    id,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    helpUri: rule.helpUri,
    help: rule.help === undefined ? { text: `${rule.description} See ${rule.helpUri}` } : { text: rule.help, markdown: rule.help },
    defaultConfiguration: { level: rule.level },
    properties: {
      tags: [...rule.tags],
      ...(rule.aliases.length > 0 ? { aliases: [...rule.aliases] } : {}),
      ...(rule.securitySeverity === undefined ? {} : { 'security-severity': rule.securitySeverity }),
    },
  };
}

function sarifResult(finding: Finding, ruleIndex: number, fingerprint: string, context: ReportContext): Result {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    kind: finding.kind,
    level: finding.level,
    message: { text: finding.message },
    locations: [{ physicalLocation: physicalLocation(finding.location, context) }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    ...(finding.relatedLocations.length > 0
      ? {
          relatedLocations: finding.relatedLocations.map((r, id) => ({
            id,
            message: { text: r.message },
            physicalLocation: physicalLocation(r.location, context),
          })),
        }
      : {}),
    ...(finding.suppression ? { suppressions: [{ ...finding.suppression, status: 'accepted' as const }] } : {}),
    ...(context.baseline ? { baselineState: finding.baselined ? ('unchanged' as const) : ('new' as const) } : {}),
    ...(finding.fix ? { fixes: [sarifFix(finding.fix, context)] } : {}),
    ...(finding.appliesTo || finding.noFix
      ? {
          properties: {
            ...(finding.appliesTo ? { appliesTo: finding.appliesTo.map((f) => artifactLocation(f, context.repoRoot).uri) } : {}),
            ...(finding.noFix ? { noFix: finding.noFix } : {}),
          },
        }
      : {}),
  };
}

/** The run of one shard: category `bicep-audit`, run `shard-i-of-n`. */
export function shardRunId(shard: Shard): string {
  return `bicep-audit/shard-${shard.index}-of-${shard.count}`;
}

/** SARIF 2.1.0 for GitHub code scanning; rule metadata and help come from the rules themselves. */
export function formatSarif(results: readonly InputResult[], context: ReportContext): string {
  const findings = results.flatMap((r) => r.findings);
  const ruleIds = [...new Set([...context.rules.keys(), ...findings.map((f) => f.ruleId)])];
  const fingerprints = partialFingerprints(findings, context);
  const failed = results.filter((r) => r.status !== 'analysed');
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'bicep-audit',
            version: context.toolVersion,
            semanticVersion: context.toolVersion,
            informationUri: packageJson().homepage,
            rules: ruleIds.map((id) => descriptor(id, context, findings)),
          },
        },
        // One shard's run: `bicep-audit merge-sarif` makes the n of them one run for one upload.
        ...(context.shard ? { automationDetails: { id: shardRunId(context.shard) } } : {}),
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(`${context.repoRoot}/`).href } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f, i) => sarifResult(f, ruleIds.indexOf(f.ruleId), fingerprints[i]!, context)),
        invocations: [
          {
            executionSuccessful: failed.length === 0,
            ...(failed.length > 0 || context.fixes?.outcomes?.length
              ? {
                  toolExecutionNotifications: [
                    ...failed.map((r) => ({
                      level: 'error' as const,
                      message: { text: `could not analyse ${artifactLocation(r.file, context.repoRoot).uri}` },
                      locations: [{ physicalLocation: { artifactLocation: artifactLocation(r.file, context.repoRoot) } }],
                    })),
                    ...fixNotifications(context.fixes?.outcomes ?? [], context),
                  ],
                }
              : {}),
          },
        ],
        ...(context.bicepVersion === undefined ? {} : { properties: { bicepVersion: context.bicepVersion } }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
