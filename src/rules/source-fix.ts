import type { Range } from '../positions';

/** A replacement of a range of a file (0-based); an insertion has an empty range. */
export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

/**
 * Edits of the user's Bicep files that clear a finding. A `fix` is applied by `--fix`; a
 * `suggestion` (a new resource, a new parameter) only by `--fix --suggestions`.
 */
export interface SourceFix {
  kind: 'fix' | 'suggestion';
  /** What the edit does, in a few words. */
  description: string;
  /** In the order they appear in each file; never overlapping. */
  edits: TextEdit[];
}
