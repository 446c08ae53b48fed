import type { Rule } from '../rules/rule';

/** A rule as reports show it: its metadata and its docs page text. */
export interface ReportedRule {
  meta: Rule['meta'];
  help?: string;
}

/** What every reporter may use besides the results. */
export interface ReportContext {
  /** Paths are printed relative to this folder. */
  cwd: string;
  toolVersion: string;
  /** Metadata of every rule that ran, by id. */
  rules: ReadonlyMap<string, ReportedRule>;
}
