import type { Value } from '../template/expressions/value';
import type { FindingKind, FindingLevel } from './level';
import type { SourceLocation } from './location';
import type { LocatedRemedy } from './remedy';
import type { SourceFix } from './source-fix';

export { LEVEL_ORDER, type FindingKind, type FindingLevel } from './level';
export type { SourceLocation } from './location';

export interface RelatedLocation {
  location: SourceLocation;
  message: string;
}

/** The resource instance a finding is about. */
export interface FindingInstance {
  type: string;
  name: Value;
  id: Value;
  symbolicName: string;
  /** Module symbols from the entry file down to the declaring template. */
  deploymentChain: string[];
}

export interface Finding {
  ruleId: string;
  level: FindingLevel;
  kind: FindingKind;
  message: string;
  location: SourceLocation;
  relatedLocations: RelatedLocation[];
  instance?: FindingInstance;
  /** A page about this very finding when the rule has none of its own (the link a Bicep linter diagnostic ends with). */
  helpUri?: string;
  /** For a problem in a template that `.bicepparam` files use: the parameter files it applies to. */
  appliesTo?: string[];
  /** Set when a directive in the source or the config suppresses the finding; it is still reported. */
  suppression?: Suppression;
  /** What the rule says would clear the finding, placed in the user's files; src/fix plans the edit from it. */
  remedy?: LocatedRemedy;
  /** Set when an entry of the run's baseline accepts the finding: it is reported, and does not fail the run. */
  baselined?: boolean;
  /** The edit of the Bicep source that clears the finding (planned by src/fix). */
  fix?: SourceFix;
  /** Why no fix is offered, when the finding has a remedy that the source cannot take. */
  noFix?: string;
}

/** SARIF's suppression kinds: `inSource`, a directive beside the code; `external`, an entry of bicep-audit.json. */
export interface Suppression {
  kind: 'inSource' | 'external';
  /** Why, as the directive (after `--`) or the config entry (`reason`) says. */
  justification?: string;
}

/** A resource a rule judged, whatever it found: the test cases of a JUnit report. */
export interface Evaluation {
  ruleId: string;
  instance: FindingInstance;
  /** The resource's declaration in the user's files. */
  location: SourceLocation;
}

/** What analysing one input produced. */
export interface InputResult {
  /** The entry file as the user named it (absolute). */
  file: string;
  /**
   * `failed`: the input could not be analysed for a reason in the input (missing, unreadable,
   * compile error); `error`: for a reason in the environment (the Bicep CLI timed out on it).
   */
  status: 'analysed' | 'failed' | 'error';
  findings: Finding[];
  /** Each resource each rule judged, in the order the rules ran; absent when no rule ran. */
  evaluations?: Evaluation[];
  /** The parameters the entry template declares (of the template a `.bicepparam` file uses), when it was analysed: `--param` names are checked against them. */
  declaredParameters?: string[];
}
