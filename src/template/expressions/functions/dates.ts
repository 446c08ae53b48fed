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

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const TIME = '(?: (\\d{1,2}:\\d{2}(?::\\d{2})?))?';

/** A date and time as written: year, month (a number or a name), day, time, zone, and the weekday where one is written. */
type WrittenDate = [year: string, month: string, day: string, time: string | undefined, zone: string | undefined, weekday?: string];

/**
 * The forms Azure's engine reads (.NET's invariant culture; each checked with bicep snapshot): ISO
 * 8601 (`2020-04-07`, then `T` or a space and a time, then `Z` or an offset), `04/07/2020` (month
 * first), `2020/04/07`, `7 April 2020` and `April 7, 2020`, each with an optional time, and RFC
 * 1123's `Tue, 07 Apr 2020 10:00:00 GMT`.
 */
const DATE_FORMS: readonly [RegExp, (m: string[]) => WrittenDate][] = [
  [/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(Z|[+-]\d{2}:\d{2})?$/, (m) => [m[1]!, m[2]!, m[3]!, m[4], m[5]]],
  [new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4})${TIME}$`), (m) => [m[3]!, m[1]!, m[2]!, m[4], undefined]],
  [new RegExp(`^(\\d{4})/(\\d{1,2})/(\\d{1,2})${TIME}$`), (m) => [m[1]!, m[2]!, m[3]!, m[4], undefined]],
  [new RegExp(`^(\\d{1,2}) ${MONTH} (\\d{4})${TIME}$`, 'i'), (m) => [m[3]!, m[2]!, m[1]!, m[4], undefined]],
  [new RegExp(`^${MONTH} (\\d{1,2}), (\\d{4})${TIME}$`, 'i'), (m) => [m[3]!, m[1]!, m[2]!, m[4], undefined]],
  [new RegExp(`^(${WEEKDAYS.join('|')}), (\\d{1,2}) ${MONTH} (\\d{4}) (\\d{2}:\\d{2}:\\d{2}) GMT$`, 'i'), (m) => [m[4]!, m[3]!, m[2]!, m[5], 'Z', m[1]]],
];

const pad = (part: string) => part.padStart(2, '0');
const monthNumber = (part: string) => (/^\d+$/.test(part) ? Number(part) : MONTHS.indexOf(part.slice(0, 3).toLowerCase()) + 1);

function writtenDate(text: string): WrittenDate | undefined {
  for (const [pattern, parts] of DATE_FORMS) {
    const match = pattern.exec(text);
    if (match) return parts(match);
  }
  return undefined;
}

/**
 * The moment a date and time names; a text with no zone is UTC, where Azure's engine runs. With
 * `wallClock`, the offset is left out and the written time read as UTC, as Azure's dateTimeAdd does.
 */
function parseDate(value: Value, fn: string, wallClock = false): Date {
  const text = expectString(value, fn, 'the date and time');
  const written = writtenDate(text);
  if (!written) throw new FunctionError(`${fn}: ${phrase(text)} is not a date and time in a form bicep-audit reads (ISO 8601, 04/07/2020, 2020/04/07, 7 April 2020, April 7, 2020 or RFC 1123)`);
  const [year, month, day, time = '0:00', zone = 'Z', weekday] = written;
  const monthIndex = monthNumber(month) - 1;
  // Date would roll a day past the month's end over (02/30 to March 1); Azure's engine rejects it, and a weekday not the date's own.
  const calendar = new Date(Date.UTC(Number(year), monthIndex, Number(day)));
  const real = calendar.getUTCMonth() === monthIndex && calendar.getUTCDate() === Number(day) && (weekday === undefined || WEEKDAYS.indexOf(weekday.toLowerCase()) === calendar.getUTCDay());
  const [hour = '0', ...minutesAndSeconds] = time.split(':');
  const date = new Date(`${year}-${pad(String(monthIndex + 1))}-${pad(day)}T${pad(hour)}:${minutesAndSeconds.join(':')}${wallClock ? 'Z' : zone}`);
  if (!real || Number.isNaN(date.getTime())) throw new FunctionError(`${fn}: ${phrase(text)} is not a valid date and time`);
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
