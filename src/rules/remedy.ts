import type { InstancePlace, SourceLocation } from './location';

/**
 * One change to a diagnostic setting's declaration that a rule knows would help clear its
 * finding, in terms of the compiled template; src/fix turns it into an edit of the Bicep source,
 * where the source spells the value out.
 */
export type RemedyStep<Place = InstancePlace> =
  /** Add `{ category: ..., enabled: true }` entries (or one category group, where the type has one) to the `logs` array at `at`. */
  | { kind: 'add-log-entries'; at: Place; categories: readonly string[]; group?: string }
  /** Set the `enabled` value at `at` to true; `at` is the log entry itself when it has no `enabled`. */
  | { kind: 'enable-log-entry'; at: Place }
  /** Replace the misspelt category or group name at `at`. */
  | { kind: 'rename-log-entry'; at: Place; from: string; to: string };

/** A new diagnostic setting for a resource that has none: offered as a suggestion, never applied on its own. */
export interface SettingSuggestion<Place = InstancePlace> {
  kind: 'add-setting';
  /** The resource's declaration. */
  target: Place;
  /** What messages call the resource (`registry`) and its service (`container registry`). */
  noun: string;
  service: string;
  categories: readonly string[];
  group?: string;
}

/** A diagnostic setting at the scope the entry template deploys to (its subscription), which has none: a suggestion. */
export interface ScopeSettingSuggestion<Place = InstancePlace> {
  kind: 'add-scope-setting';
  /** The template itself, placed on its `targetScope` line. */
  target: Place;
  noun: string;
  service: string;
  categories: readonly string[];
  /** A destination another setting of the deployment exports to, known in full: `workspaceId` and its value. */
  destination?: { property: string; value: string };
}

/** A `CanNotDelete` lock on a resource that has none: a suggestion, never applied on its own. */
export interface LockSuggestion<Place = InstancePlace> {
  kind: 'add-lock';
  /** The resource's declaration. */
  target: Place;
  noun: string;
}

/** What would clear a finding, or why the rule offers nothing. */
export type Remedy<Place = InstancePlace> =
  | { kind: 'steps'; steps: readonly RemedyStep<Place>[] }
  | SettingSuggestion<Place>
  | ScopeSettingSuggestion<Place>
  | LockSuggestion<Place>
  | { kind: 'none'; reason: string };

/** A remedy whose places have been found in the user's files. */
export type LocatedRemedy = Remedy<SourceLocation>;
