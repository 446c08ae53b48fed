import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { analyzeArmTemplate } from '../../src/analyze/arm-input';
import type { InputResult } from '../../src/rules/finding';
import {
  evaluateExpression,
  evaluateString,
  ExpressionError,
  FunctionError,
  isLambda,
  isSymbolic,
  MAX_STRING_LENGTH,
  parseExpression,
  type ParsedExpression,
  type Value,
} from '../../src/template/expressions/index';
import { testContext } from '../template/expressions/test-context';
import { checkTemplateOutcome } from './checks';
import { WorkMeter, type Work } from './work-meter';
import type { EvaluationOutcome, ExpressionReply, Reply, Task, TemplateOutcome, TemplateReply, Thrown, ValueProblem, ValueReport } from './protocol';

// Runs in a worker thread (see worker.js), so that the test can stop a case that never returns.

// Deep enough to show where a throw started, e.g. a lambda applied from keyOf.
Error.stackTraceLimit = 50;

const SYMBOLIC_TYPES = new Set(['string', 'number', 'bool', 'array', 'object', 'any']);
const MAX_PREVIEW_DEPTH = 40;
const MAX_PREVIEW_ITEMS = 200;
const MAX_PREVIEW_STRING = 2000;
const MAX_CHECKED_NODES = 200_000;

function clipped(text: string): string | { $string: string; length: number } {
  return text.length <= MAX_PREVIEW_STRING ? text : { $string: text.slice(0, MAX_PREVIEW_STRING), length: text.length };
}

function preview(value: unknown, depth: number): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $number: String(value) };
  if (typeof value === 'string') return clipped(value);
  if (depth >= MAX_PREVIEW_DEPTH) return { $elided: 'deeper' };
  if (isSymbolic(value)) return { $symbolic: clipped(value.key), type: value.type };
  if (isLambda(value)) return { $lambda: value.parameters };
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_PREVIEW_ITEMS).map((item: unknown) => preview(item, depth + 1));
    return value.length > MAX_PREVIEW_ITEMS ? [...items, { $elided: `${value.length - MAX_PREVIEW_ITEMS} more` }] : items;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as object);
    const shown = entries.slice(0, MAX_PREVIEW_ITEMS).map(([k, v]) => [k, preview(v, depth + 1)] as const);
    const result: Record<string, unknown> = {};
    for (const [k, v] of shown) Object.defineProperty(result, k, { value: v, enumerable: true, writable: true, configurable: true });
    return result;
  }
  return { $invalid: typeof value };
}

/** What in a value is not a well-formed Value, walked without recursion (values can nest thousands deep). */
function problemsIn(root: unknown): ValueProblem[] {
  const problems = new Map<string, ValueProblem>();
  const add = (code: ValueProblem['code'], detail: string) => problems.set(`${code} ${detail}`, { code, detail });
  const pending: unknown[] = [root];
  for (let seen = 0; pending.length > 0 && seen < MAX_CHECKED_NODES; seen += 1) {
    const value = pending.pop();
    if (value === null || typeof value === 'boolean' || typeof value === 'string') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) add('non-finite-number', String(value));
    } else if (isSymbolic(value)) {
      if (!SYMBOLIC_TYPES.has(value.type)) add('malformed-symbolic', `type ${String(value.type)}`);
      if (typeof value.key !== 'string' || value.key === '') add('malformed-symbolic', 'no key');
      if (!Array.isArray(value.origins)) add('malformed-symbolic', 'no origins');
    } else if (isLambda(value)) {
      continue;
    } else if (Array.isArray(value)) {
      pending.push(...value);
    } else if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      pending.push(...Object.values(value));
    } else {
      add('not-a-value', value === undefined ? 'undefined' : typeof value === 'object' ? `an instance of ${value.constructor?.name}` : `a ${typeof value}`);
    }
  }
  return [...problems.values()];
}

/** `computed`: the value is an expression's result, so a string in it is within MAX_STRING_LENGTH. */
function report(value: Value, computed: boolean): ValueReport {
  const problems = problemsIn(value);
  if (computed && typeof value === 'string' && value.length > MAX_STRING_LENGTH) problems.push({ code: 'too-long', detail: `${value.length} characters` });
  return { preview: preview(value, 0), problems };
}

function thrown(error: unknown): Thrown {
  if (error instanceof Error) return { kind: 'thrown', name: error.name, message: error.message, stack: error.stack ?? '' };
  return { kind: 'thrown', name: typeof error, message: String(error), stack: '' };
}

function evaluation(compute: () => Value): EvaluationOutcome {
  try {
    return { kind: 'value', value: report(compute(), true) };
  } catch (error) {
    if (error instanceof ExpressionError) {
      return { kind: 'expression-error', message: error.message, expression: error.expression, offset: error.offset, limit: error.limit };
    }
    if (error instanceof FunctionError) return { kind: 'function-error', message: error.message, limit: error.limit };
    return thrown(error);
  }
}

function runExpression(text: string): Omit<ExpressionReply, 'work'> {
  let expression: ParsedExpression | undefined;
  const parsed = evaluation(() => {
    expression = parseExpression(text);
    return null;
  });
  const evaluated = expression && evaluation(() => evaluateExpression(expression!, testContext()));
  const viaString = evaluation(() => evaluateString(`[${text}]`, testContext()));
  return { kind: 'expression', parsed, ...(evaluated ? { evaluated } : {}), viaString };
}

const meter = new WorkMeter();

async function analyse(task: Extract<Task, { kind: 'template' }>): Promise<{ outcome: TemplateOutcome; work: Work }> {
  const { value, work } = await meter.measure(async (): Promise<{ result: InputResult } | { error: unknown }> => {
    try {
      return { result: await analyzeArmTemplate(task.file, new Map(task.parameters), { settings: new Map(task.ruleSettings), declared: [] }) };
    } catch (error) {
      return { error };
    }
  });
  if ('error' in value) return { outcome: thrown(value.error), work };
  const { result } = value;
  // Findings hold Values (instance names and IDs): the checks see them as reports.
  const findings = result.findings.map((f) =>
    f.instance ? { ...f, instance: { ...f.instance, name: report(f.instance.name, false), id: report(f.instance.id, false) } } : f,
  );
  return { outcome: { kind: 'result', result: { ...result, findings } }, work };
}

async function runTemplate(task: Extract<Task, { kind: 'template' }>): Promise<TemplateReply> {
  const { outcome, work } = await analyse(task);
  const input = { file: task.file, text: fs.readFileSync(task.file, 'utf8'), ruleSettings: new Map(task.ruleSettings) };
  const again = task.repeat ? (await analyse(task)).outcome : undefined;
  const findings = outcome.kind === 'result' ? (outcome.result as InputResult).findings.length : undefined;
  return { kind: 'template', work, ...(findings === undefined ? {} : { findings }), ...checkTemplateOutcome(outcome, again, input) };
}

async function run(task: Task): Promise<Reply> {
  if (task.kind === 'template') return runTemplate(task);
  const { value, work } = await meter.measure(() => runExpression(task.text));
  return { ...value, work };
}

parentPort!.on('message', (message: { id: number; task: Task }) => {
  void run(message.task).then((reply) => parentPort!.postMessage({ id: message.id, reply }));
});
parentPort!.postMessage({ ready: true });
