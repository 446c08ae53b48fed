import type { JsonValue } from './value';

/** How ARM writes a known value into a string (format, concat, string()): .NET casing for bools, JSON for arrays and objects. */
export function armString(value: JsonValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/**
 * A lower bound on the length of `JSON.stringify(value)`, counted without building it; stops
 * counting once past `limit`. Values that share members can be far larger written than held.
 */
export function jsonLengthAtLeast(value: JsonValue, limit: number): number {
  let total = 0;
  const pending: JsonValue[] = [value];
  while (pending.length > 0 && total <= limit) {
    const item = pending.pop()!;
    if (typeof item === 'string') total += item.length + 2;
    else if (Array.isArray(item)) {
      total += item.length + 1;
      pending.push(...item);
    } else if (item !== null && typeof item === 'object') {
      const keys = Object.keys(item);
      total += keys.length + 1;
      for (const key of keys) {
        total += key.length + 3;
        pending.push(item[key]!);
      }
    } else total += String(item).length;
  }
  return total;
}

/** Whether a JSON value nests arrays and objects deeper than `max`, checked without recursion. */
export function nestsDeeperThan(value: JsonValue, max: number): boolean {
  const pending: [JsonValue, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= max) return true;
    for (const member of Array.isArray(item) ? item : Object.values(item)) pending.push([member, depth + 1]);
  }
  return false;
}
