import { ExpressionError } from '../expressions/errors';
import { evaluateTemplateValue } from '../expressions/evaluate';
import { isSymbolic } from '../expressions/symbolic';
import type { EvalContext } from '../expressions/context';
import type { JsonValue, Value, ValueObject } from '../expressions/value';

/** What a copy loop needs of the context it is evaluated in. */
export interface CopyContext extends EvalContext {
  /**
   * The same context inside one iteration of a loop. Only resource and output loops answer a
   * `copyIndex()` without a name; a property or variable loop must be named.
   */
  withLoop(name: string, index: Value, answersUnnamed: boolean): CopyContext;
  /** An array of unknown length: a copy loop whose count is not known before deployment. */
  unknownLoopArray(loopName: string, count: Value): Value;
}

/** ARM's limit on the instances of one copy loop. */
export const MAX_COPY_COUNT = 800;

interface CopySpec {
  name: string;
  count: JsonValue;
  input: JsonValue;
}

function isCopySpecList(value: JsonValue): value is CopySpec[] & JsonValue[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        item !== null && typeof item === 'object' && !Array.isArray(item) && typeof item.name === 'string' && 'count' in item && 'input' in item,
    )
  );
}

/** The count as an error quotes it (an object from jsonc-parser has no prototype, so String() of it throws). */
const countText = (count: JsonValue) => (typeof count === 'string' ? count : JSON.stringify(count));

/** Evaluates a loop count: a known integer 0..800, or a Symbolic. */
export function evaluateCount(count: JsonValue, ctx: CopyContext, loopName: string): number | Value {
  const value = evaluateTemplateValue(count, ctx);
  if (isSymbolic(value)) return value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new ExpressionError(`the count of copy loop '${loopName}' is not a whole number: ${JSON.stringify(value)}`, countText(count), 0);
  }
  if (value > MAX_COPY_COUNT) {
    throw new ExpressionError(
      `copy loop '${loopName}' has ${value} instances; Azure allows at most ${MAX_COPY_COUNT}`,
      countText(count),
      0,
      { limit: true },
    );
  }
  return value;
}

/**
 * Evaluates a template value, expanding `copy` arrays (property and variable copy loops) into
 * the arrays they describe. A loop whose count is unknown becomes a Symbolic array.
 */
export function evaluateWithCopies(json: JsonValue, ctx: CopyContext): Value {
  if (Array.isArray(json)) return json.map((item) => evaluateWithCopies(item, ctx));
  if (json === null || typeof json !== 'object') return evaluateTemplateValue(json, ctx);
  const result: ValueObject = {};
  for (const [key, member] of Object.entries(json)) {
    if (key === 'copy' && isCopySpecList(member)) {
      for (const spec of member) result[spec.name] = expandCopy(spec, ctx);
    } else {
      result[key] = evaluateWithCopies(member, ctx);
    }
  }
  return result;
}

function expandCopy(spec: CopySpec, ctx: CopyContext, answersUnnamed = false): Value {
  const count = evaluateCount(spec.count, ctx, spec.name);
  if (typeof count !== 'number') {
    return ctx.unknownLoopArray(spec.name, count);
  }
  return Array.from({ length: count }, (_, i) => evaluateWithCopies(spec.input, ctx.withLoop(spec.name, i, answersUnnamed)));
}

/** An output's `copy: {count, input}`: the array it describes, in which `copyIndex()` is this loop's. */
export function expandOutputCopy(copy: { count?: JsonValue; input?: JsonValue }, ctx: CopyContext): Value {
  return expandCopy({ name: 'output', count: copy.count ?? null, input: copy.input ?? null }, ctx, true);
}
