import type { RuleSetting } from '../../src/config/load-config';
import type { JsonValue } from '../../src/template/expressions/value';
import type { TemplateCategory, Violation } from './checks';
import type { Work } from './work-meter';

/** What the test asks the worker to run. */
export type Task =
  | {
      kind: 'template';
      file: string;
      parameters: [string, JsonValue][];
      ruleSettings: [string, RuleSetting][];
      /** Analyse a second time, to compare the results. */
      repeat: boolean;
    }
  | { kind: 'expression'; text: string };

/**
 * A value as plain JSON: a Symbolic as `{ $symbolic: key, type }`, a lambda as
 * `{ $lambda: parameters }`, anything too deep, long or large elided; `problems` lists what is
 * not a well-formed Value anywhere in it (a non-finite number, undefined, a function, ...).
 */
export interface ValueReport {
  preview: unknown;
  problems: ValueProblem[];
}

export interface ValueProblem {
  code: 'non-finite-number' | 'malformed-symbolic' | 'not-a-value' | 'too-long';
  detail: string;
}

/** Anything thrown that is not one of the engine's structured errors. */
export interface Thrown {
  kind: 'thrown';
  name: string;
  message: string;
  stack: string;
}

export type EvaluationOutcome =
  | { kind: 'value'; value: ValueReport }
  | { kind: 'expression-error'; message: string; expression: string; offset: number; limit: boolean }
  | { kind: 'function-error'; message: string; limit: boolean }
  | Thrown;

/** An InputResult whose Values (instance names and IDs) are ValueReports. */
export type TemplateOutcome = { kind: 'result'; result: unknown } | Thrown;

/**
 * A template case is checked in the worker (checkTemplateOutcome): an InputResult can be tens of
 * megabytes, too much to send. `work` is that of analyzeArmTemplate alone.
 */
export interface TemplateReply {
  kind: 'template';
  work: Work;
  category: TemplateCategory;
  violations: Violation[];
  /** How many findings the result has, when there is one. */
  findings?: number;
}

export interface ExpressionReply {
  kind: 'expression';
  work: Work;
  /** parseExpression(text): 'value' (with a null preview) when it parsed. */
  parsed: EvaluationOutcome;
  /** evaluateExpression of the parse, when it parsed. */
  evaluated?: EvaluationOutcome;
  /** evaluateString(`[${text}]`). */
  viaString: EvaluationOutcome;
}

export type Reply = TemplateReply | ExpressionReply;

/** The worker's own failures: it did not answer in time, or it died (out of memory, ...). */
export type SandboxFailure = { kind: 'timeout'; ms: number } | { kind: 'crashed'; message: string };
