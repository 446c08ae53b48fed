import { expectString } from '../arguments';
import { FunctionError } from '../errors';
import { MAX_NESTING_DEPTH, MAX_STRING_LENGTH } from '../limits';
import { phrase } from '../phrase';
import { armString, jsonLengthAtLeast, nestsDeeperThan } from '../stringify';
import { isSymbolic, opaque, toJsonOrUndefined } from '../symbolic';
import type { JsonValue, Value } from '../value';
import { defineAware, defineKnown, type ArmFunction } from './define';

function toStringValue(value: Value): Value {
  if (isSymbolic(value)) return value.type === 'string' ? value : opaque('string', [value], 'string');
  const json = toJsonOrUndefined(value);
  if (json === undefined) return opaque('string', [value], 'string');
  if (jsonLengthAtLeast(json, MAX_STRING_LENGTH) > MAX_STRING_LENGTH) {
    throw new FunctionError(`string: the result would be longer than the limit of ${MAX_STRING_LENGTH} characters`, true);
  }
  return armString(json);
}

function toInt(value: Value): number {
  if (typeof value === 'number') return Math.trunc(value);
  const text = expectString(value, 'int', 'the argument');
  if (!/^\s*[+-]?\d+\s*$/.test(text)) throw new FunctionError(`int: ${phrase(text)} is not an integer`);
  const parsed = Number(text);
  if (!Number.isSafeInteger(parsed)) throw new FunctionError(`int: ${phrase(text)} is too large to compute exactly`);
  return parsed === 0 ? 0 : parsed;
}

function toFloat(value: Value): number {
  if (typeof value === 'number') return value;
  const text = expectString(value, 'float', 'the argument');
  const parsed = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(parsed)) throw new FunctionError(`float: ${phrase(text)} is not a number`);
  return parsed;
}

/** JSON.parse reads 1e400 as Infinity, which is not a JSON value. */
function hasNonFiniteNumber(value: JsonValue): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (Array.isArray(value)) return value.some(hasNonFiniteNumber);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasNonFiniteNumber);
  return false;
}

/**
 * ARM reads JSON leniently: comments and single-quoted strings are allowed. This rewrites them
 * as strict JSON (comments dropped, 'text' as "text"); undefined when a string or comment is not closed.
 */
function strictJsonText(text: string): string | undefined {
  let strict = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'") {
      let content = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== ch; j += 1) {
        if (text[j] === '\\') {
          const escaped = text[(j += 1)];
          if (escaped === undefined) return undefined;
          content += escaped === "'" ? "'" : `\\${escaped}`;
        } else content += text[j] === '"' ? '\\"' : text[j];
      }
      if (j >= text.length) return undefined;
      strict += `"${content}"`;
      i = j + 1;
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return undefined;
      i = end + 2;
    } else {
      strict += ch;
      i += 1;
    }
  }
  return strict;
}

export function parseJson(text: string, fn: string): JsonValue {
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(strictJsonText(text) ?? text) as JsonValue;
  } catch {
    throw new FunctionError(`${fn}: ${phrase(text)} is not valid JSON`);
  }
  if (nestsDeeperThan(parsed, MAX_NESTING_DEPTH)) {
    throw new FunctionError(`${fn}: the JSON is nested more than ${MAX_NESTING_DEPTH} levels deep`, true);
  }
  if (hasNonFiniteNumber(parsed)) throw new FunctionError(`${fn}: ${phrase(text)} holds a number too large for JSON`);
  return parsed;
}

function toArray(value: Value): Value {
  if (Array.isArray(value)) return value;
  if (!isSymbolic(value)) return [value];
  if (value.type === 'array') return value;
  return value.type === 'any' ? opaque('array', [value], 'array') : [value];
}

export const conversionFunctions: readonly ArmFunction[] = [
  defineAware('string', [1, 1], ([value]) => toStringValue(value)),
  defineKnown('int', [1, 1], 'number', ([value]) => toInt(value)),
  defineKnown('float', [1, 1], 'number', ([value]) => toFloat(value)),
  defineKnown('json', [1, 1], 'any', ([value]) => parseJson(expectString(value, 'json', 'the argument'), 'json')),
  defineAware('array', [1, 1], ([value]) => toArray(value)),
  defineAware('any', [1, 1], ([value]) => value),
];
