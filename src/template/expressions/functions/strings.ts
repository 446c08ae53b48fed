import { expectArray, expectInt, expectString } from '../arguments';
import { FunctionError } from '../errors';
import { checkLength } from '../limits';
import { phrase } from '../phrase';
import { sameValue } from '../same-value';
import { changeCase } from '../text-order';
import { isSymbolic, isValueObject, opaque, text } from '../symbolic';
import type { Symbolic, Value } from '../value';
import { defineAware, defineKnown, type ArmFunction } from './define';

/** The literal text an unknown string certainly starts with; '' when it starts with an unknown. */
function leadingText(value: Symbolic): string {
  const first = value.parts?.[0];
  return typeof first === 'string' ? first : '';
}

/** The literal text an unknown string certainly ends with. */
function trailingText(value: Symbolic): string {
  const last = value.parts?.[value.parts.length - 1];
  return typeof last === 'string' ? last : '';
}

/** toLower/toUpper: literal parts change now, unknown parts are wrapped. */
function mapCase(name: string, change: (s: string) => string): ArmFunction {
  return defineAware(name, [1, 1], ([value]) => {
    if (typeof value === 'string') return change(value);
    if (isSymbolic(value)) {
      if (!value.parts) return opaque(name, [value], 'string');
      return text(value.parts.map((p) => (typeof p === 'string' ? change(p) : opaque(name, [p], 'string'))));
    }
    throw new FunctionError(`${name}: the argument must be a string, not ${phrase(value)}`);
  });
}

/** startsWith/endsWith ignore case, as ARM does; the known end of a partly unknown string can decide. */
function endTest(name: string, atStart: boolean): ArmFunction {
  return defineAware(name, [2, 2], ([value, search]) => {
    if (typeof value === 'string' && typeof search === 'string') {
      const [s, x] = [value.toLowerCase(), search.toLowerCase()];
      return atStart ? s.startsWith(x) : s.endsWith(x);
    }
    if (isSymbolic(value) && typeof search === 'string') {
      const known = (atStart ? leadingText(value) : trailingText(value)).toLowerCase();
      const x = search.toLowerCase();
      const [longer, shorter] = known.length >= x.length ? [known, x] : [x, known];
      const fits = atStart ? longer.startsWith(shorter) : longer.endsWith(shorter);
      if (!fits) return false;
      if (known.length >= x.length) return true;
    } else if (!isSymbolic(value) && !isSymbolic(search)) {
      expectString(value, name, 'the first argument');
      expectString(search, name, 'the second argument');
    }
    return opaque(name, [value, search], 'bool');
  });
}

/** .NET String.Split(string[]) keeping empty entries: at each position the first matching separator wins. */
function splitOn(value: string, separators: readonly string[]): string[] {
  const usable = separators.filter((s) => s !== '');
  const pieces: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; ) {
    const match = usable.find((s) => value.startsWith(s, i));
    if (match === undefined) i += 1;
    else {
      pieces.push(value.slice(start, i));
      i += match.length;
      start = i;
    }
  }
  pieces.push(value.slice(start));
  return pieces;
}

function split([value, delimiter]: Value[]): Value {
  const source = expectString(value, 'split', 'the first argument');
  if (typeof delimiter === 'string') return splitOn(source, [delimiter]);
  const delimiters = expectArray(delimiter, 'split', 'the delimiter').map((d) => expectString(d, 'split', 'each delimiter'));
  return splitOn(source, delimiters);
}

function join([items, delimiter]: Value[]): Value {
  if (isSymbolic(items)) return opaque('join', [items, delimiter], 'string');
  const elements = expectArray(items, 'join', 'the first argument');
  if (!isSymbolic(delimiter)) expectString(delimiter, 'join', 'the delimiter');
  let length = 0;
  const parts: Value[] = [];
  elements.forEach((element, i) => {
    if (Array.isArray(element) || isValueObject(element)) {
      throw new FunctionError(`join: element ${i} must be a string, not ${phrase(element)}`);
    }
    if (i > 0) parts.push(delimiter);
    parts.push(element);
    length += (typeof element === 'string' ? element.length : 0) + (typeof delimiter === 'string' && i > 0 ? delimiter.length : 0);
  });
  checkLength(length, 'join');
  return text(parts);
}

function replace([value, oldText, newText]: Value[]): Value {
  const s = expectString(value, 'replace', 'the original string');
  const from = expectString(oldText, 'replace', 'the old string');
  const to = expectString(newText, 'replace', 'the new string');
  if (from === '') throw new FunctionError('replace: the old string must not be empty');
  const count = s.split(from).length - 1;
  checkLength(s.length + count * (to.length - from.length), 'replace');
  return s.split(from).join(to);
}

function substring([value, start, length]: Value[], hasLength: boolean): Value {
  const from = isSymbolic(start) ? undefined : expectInt(start, 'substring', 'the start index');
  const count = !hasLength || isSymbolic(length) ? undefined : expectInt(length, 'substring', 'the length');
  const args = hasLength ? [value, start, length] : [value, start];
  if (isSymbolic(value)) {
    const known = leadingText(value);
    if (from !== undefined && count !== undefined && from >= 0 && count >= 0 && from + count <= known.length) {
      return known.substring(from, from + count);
    }
    return opaque('substring', args, 'string');
  }
  const s = expectString(value, 'substring', 'the first argument');
  if (from === undefined || (hasLength && count === undefined)) return opaque('substring', args, 'string');
  if (from < 0 || from > s.length) {
    throw new FunctionError(`substring: the start index ${from} is outside the string of length ${s.length}`);
  }
  if (count !== undefined && (count < 0 || from + count > s.length)) {
    throw new FunctionError(`substring: the length ${count} from index ${from} does not fit in the string of length ${s.length}`);
  }
  return s.slice(from, count === undefined ? undefined : from + count);
}

/** indexOf/lastIndexOf: in a string ignoring case, or of an element in an array. */
function position(name: string, last: boolean): ArmFunction {
  return defineAware(name, [2, 2], ([container, item]) => {
    if (Array.isArray(container)) {
      const order = container.map((_, i) => i);
      for (const i of last ? order.reverse() : order) {
        const same = sameValue(container[i], item);
        if (same === true) return i;
        if (same !== false) return opaque(name, [container, item], 'number');
      }
      return -1;
    }
    if (isSymbolic(container) || isSymbolic(item)) return opaque(name, [container, item], 'number');
    const s = expectString(container, name, 'the first argument').toLowerCase();
    const x = expectString(item, name, 'the string to find').toLowerCase();
    return last ? s.lastIndexOf(x) : s.indexOf(x);
  });
}

function padLeft([value, totalLength, padding]: Value[], hasPadding: boolean): Value {
  const s = typeof value === 'number' ? String(value) : expectString(value, 'padLeft', 'the value to pad');
  const width = expectInt(totalLength, 'padLeft', 'the total length');
  const pad = hasPadding ? expectString(padding, 'padLeft', 'the padding character') : ' ';
  if (pad.length !== 1) throw new FunctionError(`padLeft: the padding must be one character, not ${phrase(pad)}`);
  checkLength(width, 'padLeft');
  return s.padStart(width, pad);
}

export const stringFunctions: readonly ArmFunction[] = [
  defineKnown('split', [2, 2], 'array', split),
  defineAware('join', [2, 2], join),
  defineKnown('replace', [3, 3], 'string', replace),
  defineAware('substring', [2, 3], (args) => substring(args, args.length > 2)),
  position('indexOf', false),
  position('lastIndexOf', true),
  endTest('startsWith', true),
  endTest('endsWith', false),
  mapCase('toLower', (s) => changeCase(s, false)),
  mapCase('toUpper', (s) => changeCase(s, true)),
  defineKnown('trim', [1, 1], 'string', ([value]) => expectString(value, 'trim', 'the argument').trim()),
  defineKnown('padLeft', [2, 3], 'string', (args) => padLeft(args, args.length > 2)),
];
