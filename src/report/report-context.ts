import type { RuleMeta } from '../rules/rule';

/** What every reporter may use besides the results. */
export interface ReportContext {
  /** Paths are printed relative to this folder. */
  cwd: string;
  toolVersion: string;
  /** Metadata of every rule that ran, by id. */
  rules: ReadonlyMap<string, RuleMeta>;
}
