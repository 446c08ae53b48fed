import path from 'node:path';
import type { Finding, InputResult } from '../rules/finding';
import { withCount, type BaselineEntry } from './baseline-file';

/** How a run compares with its baseline. */
export interface BaselineOutcome {
  /** The baseline file (absolute). */
  file: string;
  /** Findings an entry accepts. */
  unchanged: number;
  /** Unsuppressed findings no entry accepts. */
  new: number;
  /** Entries (with how many of their count) that no finding of the audited files matches any more. */
  fixed: BaselineEntry[];
  /** With --write-baseline: the entries written; with --prune-baseline: the entries dropped. */
  written?: number;
  pruned?: number;
}

// `main.bicep:12:5` in a message (where a parameter is declared) moves with every edit above it.
const PLACE = /(\.(?:bicep|bicepparam|jsonc?)):\d+:\d+/gi;

/** A finding as the baseline keys it: what survives edits elsewhere, and running from another folder. */
export function baselineEntry(finding: Finding, folder: string): BaselineEntry {
  const file = path.relative(folder, finding.location.file).split(path.sep).join('/');
  const resource = finding.instance ? [...finding.instance.deploymentChain, finding.instance.symbolicName].join('/') : '';
  const message = finding.message.split(`${folder}${path.sep}`).join('').replace(PLACE, '$1');
  return { rule: finding.ruleId, file, resource, message };
}

const keyOf = (entry: BaselineEntry) => JSON.stringify([entry.rule, entry.file, entry.resource, entry.message]);

/**
 * The files the run looked at, relative to the baseline's folder: the analysed inputs and every
 * file a finding or a judged resource of theirs is in. An entry of another file is neither
 * matched nor fixed: the run did not audit it.
 */
export function auditedFiles(results: readonly InputResult[], folder: string): Set<string> {
  const files = new Set<string>();
  for (const result of results.filter((r) => r.status === 'analysed')) {
    const locations = [
      { file: result.file },
      ...result.findings.flatMap((f) => [f.location, ...f.relatedLocations.map((r) => r.location)]),
      ...(result.evaluations ?? []).map((e) => e.location),
    ];
    for (const { file } of locations) files.add(path.relative(folder, file).split(path.sep).join('/'));
  }
  return files;
}

const accepted = (finding: Finding) => !finding.suppression;

/** The baseline entries of the run's unsuppressed findings, with a count where several share a key. */
export function entriesOf(results: readonly InputResult[], folder: string): BaselineEntry[] {
  const byKey = new Map<string, BaselineEntry>();
  for (const finding of results.filter((r) => r.status === 'analysed').flatMap((r) => r.findings).filter(accepted)) {
    const entry = baselineEntry(finding, folder);
    const earlier = byKey.get(keyOf(entry));
    if (earlier) earlier.count = (earlier.count ?? 1) + 1;
    else byKey.set(keyOf(entry), entry);
  }
  return [...byKey.values()];
}

/**
 * Marks the unsuppressed findings that an entry accepts as baselined, up to the entry's count,
 * in report order; what remains of the entries of audited files is fixed.
 */
export function applyBaseline(results: readonly InputResult[], entries: readonly BaselineEntry[], folder: string): { results: InputResult[]; fixed: BaselineEntry[] } {
  const left = new Map(entries.map((e) => [keyOf(e), { entry: e, count: e.count ?? 1 }]));
  const marked = results.map((result) => ({
    ...result,
    findings: result.findings.map((finding) => {
      if (!accepted(finding)) return finding;
      const match = left.get(keyOf(baselineEntry(finding, folder)));
      if (!match || match.count === 0) return finding;
      match.count -= 1;
      return { ...finding, baselined: true };
    }),
  }));
  const audited = auditedFiles(results, folder);
  const fixed = [...left.values()]
    .filter(({ entry, count }) => count > 0 && audited.has(entry.file))
    .map(({ entry, count }) => withCount(entry, count));
  return { results: marked, fixed };
}

/** The entries without what is fixed: --prune-baseline. */
export function withoutFixed(entries: readonly BaselineEntry[], fixed: readonly BaselineEntry[]): BaselineEntry[] {
  const gone = new Map(fixed.map((e) => [keyOf(e), e.count ?? 1]));
  return entries.flatMap((entry) => {
    const count = (entry.count ?? 1) - (gone.get(keyOf(entry)) ?? 0);
    return count > 0 ? [withCount(entry, count)] : [];
  });
}

/** Entries of files the run did not audit, kept when --write-baseline rewrites the file. */
export function entriesNotAudited(entries: readonly BaselineEntry[], results: readonly InputResult[], folder: string): BaselineEntry[] {
  const audited = auditedFiles(results, folder);
  return entries.filter((e) => !audited.has(e.file));
}

/** How many findings a baseline accepts and how many are new. */
export function baselineCounts(results: readonly InputResult[]): { unchanged: number; new: number } {
  const findings = results.flatMap((r) => r.findings).filter(accepted);
  const unchanged = findings.filter((f) => f.baselined).length;
  return { unchanged, new: findings.length - unchanged };
}
