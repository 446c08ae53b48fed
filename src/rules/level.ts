export type FindingLevel = 'error' | 'warning' | 'note';

/** `fail`: the input breaks the rule; `review`: the outcome depends on a value known only at deployment. */
export type FindingKind = 'fail' | 'review';

export const LEVEL_ORDER: Record<FindingLevel, number> = { note: 1, warning: 2, error: 3 };
