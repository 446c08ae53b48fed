import path from 'node:path';
import { PROBLEM_RULE_IDS } from '../../src/analyze/problem-findings';
import type { RuleSetting } from '../../src/config/load-config';
import type { Finding, FindingLevel, InputResult, SourceLocation } from '../../src/rules/finding';
import { RULES } from '../../src/rules/index';
import { MAX_JSON_DEPTH } from '../../src/template/parse-json';
import type { Expected } from './expression-oracle';
import type { Work } from './work-meter';
import type { EvaluationOutcome, ExpressionReply, Reply, SandboxFailure, TemplateOutcome, TemplateReply, Thrown, ValueProblem, ValueReport } from './protocol';

// Each check returns what is wrong with one case's outcome; an empty list means the case passed.

/** One thing wrong with a case. `check` says which check failed; known-defects.ts matches on it. */
export type Violation =
  | { check: 'thrown'; text: string; name: string; frames: Frame[] }
  | { check: 'timeout' | 'crashed'; text: string }
  /** `findings`: how many findings a slow template case gave, a measure of its size. */
  | { check: 'slow'; text: string; findings?: number }
  | { check: 'value'; text: string; problem: ValueProblem }
  | { check: 'outcome' | 'finding' | 'repeat' | 'oracle'; text: string };

/** A stack frame: the function and the file, relative to the repository (or `node_modules/...`). */
export interface Frame {
  fn: string;
  file: string;
}

const ROOT = path.resolve(__dirname, '..', '..');

function framesOf(stack: string): Frame[] {
  return stack
    .split('\n')
    .map((line) => /^\s+at (?:(.*?) \()?(.*?)(?::\d+:\d+)?\)?$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ fn: m[1] ?? '', file: m[2]!.startsWith(ROOT) ? path.relative(ROOT, m[2]!) : m[2]!.replace(/^.*\/node_modules\//, 'node_modules/') }));
}

/** The first frames of a stack: enough to see where it broke. */
function topOfStack(stack: string): string {
  return stack.split('\n').slice(0, 8).join('\n');
}

function thrownViolation(what: string, error: Thrown): Violation {
  return { check: 'thrown', text: `${what} threw ${error.name}: ${error.message}\n${topOfStack(error.stack)}`, name: error.name, frames: framesOf(error.stack) };
}

const violation = (check: 'outcome' | 'finding' | 'repeat' | 'oracle', text: string): Violation => ({ check, text });

/** An outcome as text, without the call counts in newGuid() keys: each call is a new value by design. */
function withoutCallCounts(outcome: unknown): string {
  return JSON.stringify(outcome).replace(/newGuid\(\)#\d+/g, 'newGuid()#n');
}

/** Whether two outcomes are the same, apart from newGuid() call counts. */
const same = (a: unknown, b: unknown): boolean => withoutCallCounts(a) === withoutCallCounts(b);

function clipped(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 500 ? `${text.slice(0, 500)}...` : text;
}

const LEVELS = new Set(['error', 'warning', 'note']);
const KINDS = new Set(['fail', 'review']);
const PROBLEM_IDS = new Set<string>([PROBLEM_RULE_IDS.structure, PROBLEM_RULE_IDS.evaluation, PROBLEM_RULE_IDS.limit]);

/** How an outcome is counted in the summary. */
export type TemplateCategory = 'analysed' | 'failed: JSON syntax' | 'failed: not a template' | 'thrown' | 'timeout' | 'crashed' | 'unexpected';
export type ExpressionCategory = 'value' | 'parse error' | 'expression error' | 'function error' | 'thrown' | 'timeout' | 'crashed';

export function isFailure(reply: Reply | SandboxFailure): reply is SandboxFailure {
  return reply.kind === 'timeout' || reply.kind === 'crashed';
}

function sandboxViolation(failure: SandboxFailure): Violation {
  return failure.kind === 'timeout'
    ? { check: 'timeout', text: `did not finish within ${failure.ms} ms; the worker was stopped` }
    : { check: 'crashed', text: `the worker died: ${failure.message}` };
}

function checkWork(work: Work, bound: Work, findings?: number): Violation[] {
  if (work.steps <= bound.steps && work.collections <= bound.collections) return [];
  const text =
    `took ${work.steps} steps and ${work.collections} garbage collections, over the per-case bound of ${bound.steps} steps and ${bound.collections} collections` +
    (findings === undefined ? '' : ` (${findings} findings)`);
  return [{ check: 'slow', text, ...(findings === undefined ? {} : { findings }) }];
}

function valueViolations(what: string, report: ValueReport): Violation[] {
  return report.problems.map((problem) => ({ check: 'value', text: `${what} holds ${problem.code}: ${problem.detail}`, problem }));
}

// --- templates ----------------------------------------------------------------------------------

/** How deeply arrays and objects nest in JSON text: `[]` is 1. */
function nesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i += 1;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') deepest = Math.max(deepest, (depth += 1));
    else if (ch === ']' || ch === '}') depth -= 1;
  }
  return deepest;
}

/** What analyzeArmTemplate must conclude from the text alone: syntax error, not a template, or analysed. */
export function expectedStatus(text: string): 'failed: JSON syntax' | 'failed: not a template' | 'analysed' {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The mutants are JSON.stringify output, possibly cut short: no comments or trailing commas,
    // so what JSON.parse rejects jsonc-parser rejects too.
    return 'failed: JSON syntax';
  }
  // Deeper JSON is refused as a syntax problem, before the recursive parser could overflow the stack.
  if (nesting(text) > MAX_JSON_DEPTH) return 'failed: JSON syntax';
  const schema = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { $schema?: unknown }).$schema : undefined;
  if (typeof schema !== 'string' || !/deploymenttemplate/i.test(schema) || /deploymentparameters/i.test(schema)) return 'failed: not a template';
  return 'analysed';
}

function checkLocation(what: string, location: SourceLocation, file: string, lineLengths: readonly number[]): Violation[] {
  const problems: Violation[] = [];
  if (location?.file !== file) problems.push(violation('finding', `${what} is in ${JSON.stringify(location?.file)}, not the analysed file`));
  const { start, end } = location?.range ?? {};
  for (const [name, position] of [['start', start], ['end', end]] as const) {
    const inside =
      position !== undefined &&
      Number.isInteger(position.line) &&
      Number.isInteger(position.character) &&
      position.line >= 0 &&
      position.line < lineLengths.length &&
      position.character >= 0 &&
      position.character <= lineLengths[position.line]!;
    if (!inside) problems.push(violation('finding', `${what} has ${name} ${JSON.stringify(position)}, outside the text`));
  }
  if (start && end && (end.line < start.line || (end.line === start.line && end.character < start.character))) {
    problems.push(violation('finding', `${what} ends before it starts: ${JSON.stringify(location.range)}`));
  }
  return problems;
}

/** The level a rule's finding must have: the configured level, and a review at most a warning. */
function ruleLevel(kind: string, configured: FindingLevel): FindingLevel {
  return kind === 'review' && configured === 'error' ? 'warning' : configured;
}

function checkFinding(
  f: Finding,
  i: number,
  context: { file: string; lineLengths: readonly number[]; settings: ReadonlyMap<string, RuleSetting>; analysed: boolean },
): Violation[] {
  const what = `finding ${i} (${f.ruleId})`;
  const problems: Violation[] = [];
  if (!LEVELS.has(f.level)) problems.push(violation('finding', `${what} has level ${JSON.stringify(f.level)}`));
  if (!KINDS.has(f.kind)) problems.push(violation('finding', `${what} has kind ${JSON.stringify(f.kind)}`));
  if (typeof f.message !== 'string' || f.message.trim() === '') problems.push(violation('finding', `${what} has no message`));
  problems.push(...checkLocation(what, f.location, context.file, context.lineLengths));
  if (!Array.isArray(f.relatedLocations)) problems.push(violation('finding', `${what} has no relatedLocations array`));
  else {
    f.relatedLocations.forEach((r, j) => {
      problems.push(...checkLocation(`${what}, related location ${j}`, r.location, context.file, context.lineLengths));
      if (typeof r.message !== 'string' || r.message === '') problems.push(violation('finding', `${what}, related location ${j} has no message`));
    });
  }
  const rule = RULES.find((r) => r.id === f.ruleId);
  if (!context.analysed) {
    // A file that was not analysed has json-syntax or input findings only, checked by the caller.
    if (f.level !== 'error' || f.kind !== 'fail') problems.push(violation('finding', `${what} is a ${f.kind} at level ${f.level}, not a fail at error`));
  } else if (rule) {
    const setting = context.settings.get(rule.id) ?? rule.meta.level;
    if (setting === 'off') problems.push(violation('finding', `${what} is reported although the rule is off`));
    else if (f.level !== ruleLevel(f.kind, setting)) {
      problems.push(violation('finding', `${what} is a ${f.kind} at level ${f.level}, but the rule is set to ${setting}`));
    }
    const instance = f.instance;
    if (!instance || typeof instance.type !== 'string' || typeof instance.symbolicName !== 'string' || !Array.isArray(instance.deploymentChain)) {
      problems.push(violation('finding', `${what} has no well-formed instance: ${clipped(instance)}`));
    } else {
      problems.push(...valueViolations(`${what}'s instance name`, instance.name as unknown as ValueReport));
      problems.push(...valueViolations(`${what}'s instance ID`, instance.id as unknown as ValueReport));
    }
  } else if (PROBLEM_IDS.has(f.ruleId)) {
    const [level, kind] = f.ruleId === PROBLEM_RULE_IDS.evaluation ? ['warning', 'review'] : ['error', 'fail'];
    if (f.level !== level || f.kind !== kind) problems.push(violation('finding', `${what} is a ${f.kind} at level ${f.level}, not a ${kind} at ${level}`));
  } else {
    problems.push(violation('finding', `${what} has a rule id that is neither a rule nor a template problem`));
  }
  return problems;
}

function checkResult(
  outcome: TemplateOutcome,
  file: string,
  text: string,
  settings: ReadonlyMap<string, RuleSetting>,
): { category: TemplateCategory; violations: Violation[] } {
  if (outcome.kind === 'thrown') return { category: 'thrown', violations: [thrownViolation('analyzeArmTemplate', outcome)] };
  const result = outcome.result as InputResult;
  const expected = expectedStatus(text);
  const problems: Violation[] = [];
  if (result.file !== file) problems.push(violation('outcome', `the result is for ${JSON.stringify(result.file)}, not the analysed file`));
  if (!Array.isArray(result.findings)) return { category: 'unexpected', violations: [...problems, violation('outcome', 'the result has no findings array')] };
  const ids = [...new Set(result.findings.map((f) => f.ruleId))];
  if (expected === 'analysed') {
    if (result.status !== 'analysed') problems.push(violation('outcome', `status is ${JSON.stringify(result.status)}, but the text is a template: expected 'analysed'`));
  } else {
    if (result.status !== 'failed') problems.push(violation('outcome', `status is ${JSON.stringify(result.status)}; expected 'failed' (${expected})`));
    const id = expected === 'failed: JSON syntax' ? PROBLEM_RULE_IDS.syntax : PROBLEM_RULE_IDS.input;
    if (result.findings.length === 0 || ids.some((x) => x !== id)) {
      problems.push(violation('outcome', `a ${expected} must have only ${id} findings, not ${JSON.stringify(ids)}`));
    }
    if (expected === 'failed: not a template' && result.findings.length !== 1) {
      problems.push(violation('outcome', `${expected} must have one finding, not ${result.findings.length}`));
    }
  }
  const context = { file, lineLengths: text.split('\n').map((line) => line.length), settings, analysed: expected === 'analysed' };
  result.findings.forEach((f, i) => problems.push(...checkFinding(f, i, context)));
  return { category: problems.length === 0 ? expected : 'unexpected', violations: problems };
}

/**
 * Checks one template case (in the worker): a structured InputResult that agrees with the text,
 * and the same again when `again`, a second analysis, is given.
 */
export function checkTemplateOutcome(
  outcome: TemplateOutcome,
  again: TemplateOutcome | undefined,
  input: { file: string; text: string; ruleSettings: ReadonlyMap<string, RuleSetting> },
): { category: TemplateCategory; violations: Violation[] } {
  const { category, violations } = checkResult(outcome, input.file, input.text, input.ruleSettings);
  // A second run that throws as the first did differs only in its stack; the throw is reported already.
  if (again !== undefined && !(again.kind === 'thrown' && outcome.kind === 'thrown') && !same(again, outcome)) {
    violations.push(violation('repeat', `a second analysis of the same file gave a different result:\n${clipped(again)}`));
  }
  return { category, violations };
}

/** Adds to the worker's checks of a template case the bound on its work, or what stopped the worker. */
export function checkTemplate(reply: Reply | SandboxFailure, bound: Work): { category: TemplateCategory; violations: Violation[]; work?: Work } {
  if (isFailure(reply)) return { category: reply.kind, violations: [sandboxViolation(reply)] };
  const { category, violations, work, findings } = reply as TemplateReply;
  return { category, violations: [...violations, ...checkWork(work, bound, findings)], work };
}

// --- expressions --------------------------------------------------------------------------------

function checkEvaluation(what: string, outcome: EvaluationOutcome): Violation[] {
  switch (outcome.kind) {
    case 'value':
      return valueViolations(what, outcome.value);
    case 'expression-error': {
      const problems: Violation[] = [];
      if (outcome.message.trim() === '') problems.push(violation('outcome', `${what}: an ExpressionError without a message`));
      if (!Number.isInteger(outcome.offset) || outcome.offset < 0 || outcome.offset > outcome.expression.length) {
        problems.push(violation('outcome', `${what}: ExpressionError offset ${outcome.offset} is outside its expression ${JSON.stringify(outcome.expression)}`));
      }
      return problems;
    }
    case 'function-error':
      return outcome.message.trim() === '' ? [violation('outcome', `${what}: a FunctionError without a message`)] : [];
    case 'thrown':
      return [thrownViolation(what, outcome)];
  }
}

function categoryOf(reply: ExpressionReply): ExpressionCategory {
  if (reply.parsed.kind === 'expression-error') return 'parse error';
  const outcome = reply.evaluated ?? reply.viaString;
  switch (outcome.kind) {
    case 'value':
      return 'value';
    case 'expression-error':
      return 'expression error';
    case 'function-error':
      return 'function error';
    case 'thrown':
      return 'thrown';
  }
}


/**
 * Checks one expression case: parsing gives a parse or an ExpressionError located in the text;
 * evaluation a well-formed value or a structured error; `[text]` evaluates to the same outcome;
 * and an oracle expression gives exactly its expected value or an ExpressionError.
 */
export function checkExpression(
  reply: Reply | SandboxFailure,
  text: string,
  expected: Expected | undefined,
  bound: Work,
): { category: ExpressionCategory; violations: Violation[]; work?: Work } {
  if (isFailure(reply)) return { category: reply.kind, violations: [sandboxViolation(reply)] };
  const r = reply as ExpressionReply;
  const problems = checkWork(r.work, bound);
  const { parsed, evaluated, viaString } = r;
  if (parsed.kind === 'expression-error') {
    if (parsed.expression !== text) problems.push(violation('outcome', `the parse error is located in ${JSON.stringify(parsed.expression)}, not in the text`));
  } else if (parsed.kind !== 'value') {
    problems.push(...checkEvaluation('parseExpression', parsed));
  }
  // Only the first evaluation's violations: the second, through evaluateString, must just agree with it.
  problems.push(...checkEvaluation(evaluated ? 'evaluateExpression' : 'evaluateString', evaluated ?? viaString));
  if (text.startsWith('[')) {
    // `[[...]` is the escape for a literal string.
    if (viaString.kind !== 'value' || !same(viaString.value.preview, `${text}]`)) {
      problems.push(violation('outcome', `evaluateString('[${text}]') must be the literal ${JSON.stringify(`${text}]`)}, not ${clipped(viaString)}`));
    }
  } else if (!same(stackless(viaString), stackless(evaluated ?? parsed))) {
    problems.push(violation('outcome', `evaluateString gave ${clipped(viaString)}, but parse and evaluate gave ${clipped(evaluated ?? parsed)}`));
  }
  if (expected) {
    const outcome = evaluated ?? parsed;
    if ('value' in expected) {
      if (outcome.kind !== 'value' || !same(outcome.value.preview, expected.value)) {
        problems.push(violation('oracle', `expected the value ${JSON.stringify(expected.value)}, got ${clipped(outcome)}`));
      }
    } else if (outcome.kind !== 'expression-error' || outcome.limit) {
      problems.push(violation('oracle', `expected an ExpressionError (not a limit), got ${clipped(outcome)}`));
    }
  }
  return { category: categoryOf(r), violations: problems, work: r.work };
}

/** Two throws from different entry points differ in their stacks only. */
function stackless(outcome: EvaluationOutcome): unknown {
  return outcome.kind === 'thrown' ? { ...outcome, stack: undefined } : outcome;
}
