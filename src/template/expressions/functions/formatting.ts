import { expectString } from '../arguments';
import { FunctionError } from '../errors';
import { checkLength, MAX_STRING_LENGTH } from '../limits';
import { phrase } from '../phrase';
import { armString, jsonLengthAtLeast } from '../stringify';
import { isLambda, isSymbolic, isValueObject, opaque, text, toJsonOrUndefined } from '../symbolic';
import type { Value } from '../value';
import { defineAware, type ArmFunction } from './define';

interface Placeholder {
  index: number;
  alignment: number | undefined;
  format: string | undefined;
}

/** .NET composite format: `{index[,alignment][:format]}`, with `{{` and `}}` for literal braces. */
function parseFormat(format: string): (string | Placeholder)[] {
  const items: (string | Placeholder)[] = [];
  let literal = '';
  for (let i = 0; i < format.length; i += 1) {
    const ch = format[i];
    if ((ch === '{' || ch === '}') && format[i + 1] === ch) {
      literal += ch;
      i += 1;
    } else if (ch === '}') {
      throw new FunctionError(`format: the '}' at ${i} has no matching '{'; write '}}' for a literal brace`);
    } else if (ch === '{') {
      const end = format.indexOf('}', i);
      const match = end < 0 ? null : /^\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?(?::(.*))?$/s.exec(format.slice(i + 1, end));
      if (!match) {
        throw new FunctionError(`format: the placeholder at ${i} is not of the form {index}, {index,alignment} or {index:format}`);
      }
      items.push(literal, {
        index: Number(match[1]),
        alignment: match[2] === undefined ? undefined : Number(match[2]),
        format: match[3],
      });
      literal = '';
      i = end;
    } else literal += ch;
  }
  items.push(literal);
  return items;
}

/** The placeholder rewritten for a single argument, to key an unknown formatted with alignment or format. */
function placeholderFor({ alignment, format }: Placeholder): string {
  return `{0${alignment === undefined ? '' : `,${alignment}`}${format === undefined ? '' : `:${format}`}}`;
}

/** `N<n>`/`F<n>` on an integer: `n` decimals (2 by default), thousands grouped by `,` for N, as the invariant culture writes them. */
function fixedPoint(value: number, letter: string, precision: string): string {
  const decimals = Number(precision || 2);
  checkLength(decimals, 'format');
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = /[Nn]/.test(letter) ? whole!.replace(/\B(?=(\d{3})+$)/g, ',') : whole!;
  return (value < 0 ? '-' : '') + grouped + (fraction === undefined ? '' : `.${fraction}`);
}

/** `D<n>`/`X<n>`/`N<n>`/`F<n>` on integers are the numeric formats templates use; other formats are written as is. */
function formatKnown(value: Value, { alignment, format }: Placeholder): string {
  const json = toJsonOrUndefined(value);
  let written = armString(json ?? null);
  const point = /^([NnFf])(\d*)$/.exec(format ?? '');
  if (point && typeof value === 'number' && Number.isInteger(value)) written = fixedPoint(value, point[1]!, point[2]!);
  const spec = /^([DdXx])(\d*)$/.exec(format ?? '');
  if (spec && typeof value === 'number' && Number.isInteger(value)) {
    const digits = /[Xx]/.test(spec[1]!) ? Math.abs(value).toString(16) : String(Math.abs(value));
    const cased = spec[1] === 'X' ? digits.toUpperCase() : digits;
    const width = Number(spec[2] || 0);
    checkLength(width, 'format');
    written = (value < 0 ? '-' : '') + cased.padStart(width, '0');
  }
  if (alignment === undefined) return written;
  checkLength(Math.abs(alignment), 'format');
  return alignment < 0 ? written.padEnd(-alignment) : written.padStart(alignment);
}

function format([template, ...args]: Value[]): Value {
  if (isSymbolic(template)) return opaque('format', [template, ...args], 'string');
  const items = parseFormat(expectString(template, 'format', 'the format string'));
  let length = 0;
  const parts = items.map((item): Value => {
    if (typeof item === 'string') {
      length += item.length;
      return item;
    }
    if (item.index >= args.length) {
      throw new FunctionError(`format: placeholder {${item.index}} refers to a missing argument; there are ${args.length}`);
    }
    const value = args[item.index]!;
    if (isLambda(value)) throw new FunctionError(`format: argument ${item.index} is a lambda`);
    if (isSymbolic(value) && item.alignment === undefined && item.format === undefined) return value;
    const json = toJsonOrUndefined(value);
    if (json === undefined) return opaque('format', [placeholderFor(item), value], 'string');
    length += typeof json === 'string' ? json.length : jsonLengthAtLeast(json, MAX_STRING_LENGTH);
    checkLength(length, 'format');
    return formatKnown(value, item);
  });
  return text(parts);
}

/** concat: all arguments arrays (joined) or none (written as strings); null counts as neither. */
function concat(args: Value[]): Value {
  const present = args.filter((a) => a !== null);
  const isArray = (a: Value) => Array.isArray(a) || (isSymbolic(a) && a.type === 'array');
  const isScalar = (a: Value) =>
    ['string', 'number', 'boolean'].includes(typeof a) || (isSymbolic(a) && ['string', 'number', 'bool'].includes(a.type));
  const bad = present.find((a) => isValueObject(a) || isLambda(a) || (isSymbolic(a) && a.type === 'object'));
  if (bad !== undefined) throw new FunctionError(`concat: the arguments must be strings or arrays, not ${phrase(bad)}`);
  if (present.some(isArray) && present.some(isScalar)) {
    throw new FunctionError('concat: either all or none of the arguments must be arrays');
  }
  if (present.some(isArray)) {
    if (present.some(isSymbolic)) return opaque('concat', args, 'array');
    return (present as Value[][]).flat();
  }
  if (present.length > 0 && present.every((a) => isSymbolic(a) && a.type === 'any')) return opaque('concat', args, 'any');
  checkLength(present.reduce((sum: number, a) => sum + (typeof a === 'string' ? a.length : 0), 0), 'concat');
  return text(present);
}

export const formattingFunctions: readonly ArmFunction[] = [
  defineAware('format', [1, Infinity], format),
  defineAware('concat', [1, Infinity], concat),
];
