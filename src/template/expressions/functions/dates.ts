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

/**
 * The moment a date and time names; a text with no zone is UTC, where Azure's engine runs. With
 * `wallClock`, the offset is left out and the written time read as UTC, as Azure's dateTimeAdd does.
 */
function parseDate(value: Value, fn: string, wallClock = false): Date {
  const text = expectString(value, fn, 'the date and time');
  const match = DATE_TIME.exec(text);
  if (!match) throw new FunctionError(`${fn}: ${phrase(text)} is not a date and time in ISO 8601`);
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
