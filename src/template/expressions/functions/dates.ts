import { expectInt, expectString } from '../arguments';
import { FunctionError } from '../errors';
import { phrase } from '../phrase';
import type { Value } from '../value';
import { defineKnown, type ArmFunction } from './define';

const MS = { day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1000 };

/**
 * An ISO 8601 duration in milliseconds, as ARM reads one: a year is 365 days and a month 30
 * (so `P1M` after January 31 of a leap year is March 1).
 */
function durationMs(text: string): number {
  const match = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!match || text.endsWith('P') || text.endsWith('T')) throw new FunctionError(`dateTimeAdd: ${phrase(text)} is not an ISO 8601 duration`);
  const [, minus, y, mo, w, d, h, mi, s] = match;
  const n = (part: string | undefined) => Number(part ?? 0);
  const total = (n(y) * 365 + n(mo) * 30 + n(w) * 7 + n(d)) * MS.day + n(h) * MS.hour + n(mi) * MS.minute + n(s) * MS.second;
  return minus ? -total : total;
}

/** A date, a time and a zone as ARM reads them: `2020-04-07`, then `T` or a space and a time, then `Z` or an offset. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(Z|[+-]\d{2}:\d{2})?$/;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const TIME = '(?: (\\d{1,2}:\\d{2}(?::\\d{2})?))?';

/**
 * The other dates Azure's engine reads (.NET's invariant culture; each form checked with bicep
 * snapshot): `04/07/2020` (month first), `2020/04/07`, `7 April 2020`, `April 7, 2020`, each with
 * an optional time, and RFC 1123's `Tue, 07 Apr 2020 10:00:00 GMT`. Year, month, day and time.
 */
const OTHER_DATES: readonly [RegExp, (m: string[]) => [string, string, string, string | undefined, string?]][] = [
  [new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4})${TIME}$`), (m) => [m[3]!, m[1]!, m[2]!, m[4]]],
  [new RegExp(`^(\\d{4})/(\\d{1,2})/(\\d{1,2})${TIME}$`), (m) => [m[1]!, m[2]!, m[3]!, m[4]]],
  [new RegExp(`^(\\d{1,2}) ${MONTH} (\\d{4})${TIME}$`, 'i'), (m) => [m[3]!, m[2]!, m[1]!, m[4]]],
  [new RegExp(`^${MONTH} (\\d{1,2}), (\\d{4})${TIME}$`, 'i'), (m) => [m[3]!, m[1]!, m[2]!, m[4]]],
  [new RegExp(`^(sun|mon|tue|wed|thu|fri|sat), (\\d{1,2}) ${MONTH} (\\d{4}) (\\d{2}:\\d{2}:\\d{2}) GMT$`, 'i'), (m) => [m[4]!, m[3]!, m[2]!, m[5], m[1]]],
];

const pad = (part: string) => part.padStart(2, '0');
const monthNumber = (part: string) => (/^\d+$/.test(part) ? part : String(MONTHS.indexOf(part.slice(0, 3).toLowerCase()) + 1));

/** An ISO 8601 text for one of OTHER_DATES (UTC), or undefined. */
function otherDate(text: string, fn: string): string | undefined {
  for (const [pattern, parts] of OTHER_DATES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [year, month, day, time = '0:00', weekday] = parts(match);
    const [hour = '0', ...minutesAndSeconds] = time.split(':');
    const iso = `${year}-${pad(monthNumber(month))}-${pad(day)}T${pad(hour)}:${minutesAndSeconds.join(':')}Z`;
    const date = new Date(iso);
    // A day past the month's end is not rolled over, and a weekday must be the date's own.
    const valid = !Number.isNaN(date.getTime()) && date.getUTCDate() === Number(day) && (weekday === undefined || WEEKDAYS.indexOf(weekday.toLowerCase()) === date.getUTCDay());
    if (!valid) throw new FunctionError(`${fn}: ${phrase(text)} is not a valid date and time`);
    return iso;
  }
  return undefined;
}

/**
 * The moment a date and time names; a text with no zone is UTC, where Azure's engine runs. With
 * `wallClock`, the offset is left out and the written time read as UTC, as Azure's dateTimeAdd does.
 */
function parseDate(value: Value, fn: string, wallClock = false): Date {
  const text = expectString(value, fn, 'the date and time');
  const match = DATE_TIME.exec(text);
  const other = match ? undefined : otherDate(text, fn);
  if (other !== undefined) return new Date(other);
  if (!match) throw new FunctionError(`${fn}: ${phrase(text)} is not a date and time in a form bicep-audit reads (ISO 8601, 04/07/2020, 2020/04/07, 7 April 2020, April 7, 2020 or RFC 1123)`);
  const [, day, time = '00:00', zone = 'Z'] = match;
  const date = new Date(`${day}T${time}${wallClock ? 'Z' : zone}`);
  if (Number.isNaN(date.getTime())) throw new FunctionError(`${fn}: ${phrase(text)} is not a valid date and time`);
  return date;
}

/** UTC, to the second (a fraction is dropped), as ARM writes a date it computed: `2023-05-02T15:16:13Z`. */
function writeDate(date: Date, fn: string): string {
  if (Number.isNaN(date.getTime())) throw new FunctionError(`${fn}: the result is not a valid date`);
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export const dateFunctions: readonly ArmFunction[] = [
  defineKnown('dateTimeAdd', [2, 3], 'string', ([base, duration, format]) => {
    if (format !== undefined) throw new FunctionError('dateTimeAdd: a format argument is not evaluated by bicep-audit');
    const date = parseDate(base, 'dateTimeAdd', true);
    return writeDate(new Date(date.getTime() + durationMs(expectString(duration, 'dateTimeAdd', 'the duration'))), 'dateTimeAdd');
  }),
  defineKnown('dateTimeFromEpoch', [1, 1], 'string', ([seconds]) =>
    writeDate(new Date(expectInt(seconds, 'dateTimeFromEpoch', 'the epoch time') * 1000), 'dateTimeFromEpoch'),
  ),
  defineKnown('dateTimeToEpoch', [1, 1], 'number', ([value]) => Math.floor(parseDate(value, 'dateTimeToEpoch').getTime() / 1000)),
];
