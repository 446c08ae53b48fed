import type { Shard } from '../analyze/shard';
import type { BaselineOutcome } from '../baseline/apply-baseline';
import type { FixOutcome } from '../fix/apply-fixes';
import { ruleDocs } from '../rules/docs';
import type { FindingLevel } from '../rules/finding';
import type { Rule } from '../rules/rule';

/** The exit code of a run that fails on findings at or above --fail-on (the CLI's EXIT.findings). */
export const EXIT_FINDINGS = 1;

/** A rule as reports show it: its metadata and its docs page text. */
export interface ReportedRule {
  meta: Rule['meta'];
  help?: string;
}

/** What every reporter may use besides the results. */
export interface ReportContext {
  /** Paths are printed relative to this folder. */
  cwd: string;
  /** SARIF artifact URIs are relative to this folder (`%SRCROOT%`): the repository root, else `cwd`. */
  repoRoot: string;
  toolVersion: string;
  /** The Bicep CLI's version, when an input needed it. */
  bicepVersion?: string;
  /** Metadata of every rule that ran, by id. */
  rules: ReadonlyMap<string, ReportedRule>;
  /** A source file's text, for excerpts and fingerprints; undefined when it cannot be read. */
  sourceText(file: string): string | undefined;
  /** Whether stylish output may use ANSI colours. */
  color: boolean;
  /** `--shard i/n`: the report covers only this part of the entries. */
  shard?: Shard;
  /** Whether the run was asked to fix (`--fix`, `--fix-dry-run`), and what `--fix` did. */
  fixes?: { requested: boolean; outcomes?: readonly FixOutcome[] };
  /** `--fail-on`: the level from which a finding fails the run. */
  failOn?: FindingLevel | 'never';
  /** The run's exit code, for formats that tell their consumer the run failed. */
  exitCode?: number;
  /** BUILD_SOURCESDIRECTORY: Azure Pipelines resolves source paths against it. */
  sourcesDirectory?: string;
  /** How the run compares with its baseline, when it has one. */
  baseline?: BaselineOutcome;
}

/** The rules of a run as reports show them, by id; the first of two with one id wins. */
export function reportedRules(rules: readonly Rule[]): Map<string, ReportedRule> {
  const reported = new Map<string, ReportedRule>();
  for (const rule of rules) {
    if (reported.has(rule.id)) continue;
    let help: string | undefined;
    // Read on first use: only SARIF carries a rule's docs page, and a run has a page per rule.
    reported.set(rule.id, { meta: rule.meta, get help() { return (help ??= ruleDocs(rule)); } });
  }
  return reported;
}
