/**
 * Calendar days in the spreadsheet's time zone. Every "today", due date and period in the
 * add-on is a CalendarDay: an integer count of days since 1970-01-01, so comparing and
 * subtracting days is integer arithmetic and no comparison depends on the script's time zone.
 */
import type { CalendarDay } from './types';

const MS_PER_DAY = 86_400_000;
/** Offsets change only at UTC quarter hours in every real zone, so they are cached per quarter hour. */
const OFFSET_BUCKET_MS = 15 * 60_000;

// The per-cell functions below run for every date of every row. They keep the built-ins they use
// in module constants: a lookup of a global is slow where the bundle runs in a vm context (our
// emulator) and costs nothing extra in Apps Script.
const floor = Math.floor;
// eslint-disable-next-line @typescript-eslint/unbound-method -- only ever called as objectToString.call(value)
const objectToString = Object.prototype.toString;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether a value is a Date, including one made in another realm (a vm context, Apps Script). */
export function isDate(value: unknown): value is Date {
  return objectToString.call(value) === '[object Date]';
}

/** The offset of `timeZone` from UTC at instant `ms`, in ms (e.g. -7 h for Los Angeles in summer). */
export function timeZoneOffsetMs(ms: number, timeZone: string): number {
  let cache = offsetCache.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(timeZone, cache);
  }
  const bucket = floor(ms / OFFSET_BUCKET_MS);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    const at = bucket * OFFSET_BUCKET_MS;
    const parts: Record<string, number> = {};
    for (const part of formatterFor(timeZone).formatToParts(new Date(at))) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const local = Date.UTC(
      parts.year ?? 1970,
      (parts.month ?? 1) - 1,
      parts.day ?? 1,
      parts.hour ?? 0,
      parts.minute ?? 0,
      parts.second ?? 0,
    );
    offset = local - at;
    cache.set(bucket, offset);
  }
  return offset;
}

/** The calendar day that instant `date` falls on in `timeZone`. */
export function dayOfDate(date: Date | number, timeZone: string): CalendarDay {
  const ms = typeof date === 'number' ? date : date.getTime();
  return floor((ms + timeZoneOffsetMs(ms, timeZone)) / MS_PER_DAY);
}

/** Milliseconds since local midnight of instant `date` in `timeZone`. */
export function msIntoDay(date: Date | number, timeZone: string): number {
  const ms = typeof date === 'number' ? date : date.getTime();
  const local = ms + timeZoneOffsetMs(ms, timeZone);
  return local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
}

/** The instant of local midnight starting `day` in `timeZone` (what a date cell holds in Sheets). */
export function startOfDay(day: CalendarDay, timeZone: string): Date {
  const guess = day * MS_PER_DAY;
  // Two passes settle the offset even when midnight is near a daylight-saving change.
  let ms = guess - timeZoneOffsetMs(guess, timeZone);
  ms = guess - timeZoneOffsetMs(ms, timeZone);
  return new Date(ms);
}

export function dayFromParts(year: number, month: number, day: number): CalendarDay {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export interface DayParts {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  readonly day: number;
  /** 0 = Sunday .. 6 = Saturday */
  readonly weekday: number;
}

export function partsOfDay(day: CalendarDay): DayParts {
  const date = new Date(day * MS_PER_DAY);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** "yyyy-mm-dd", the form dates take across google.script.run and in messages. */
export function isoOfDay(day: CalendarDay): string {
  const p = partsOfDay(day);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Parses a strict "yyyy-mm-dd" that names a real day, or returns null. */
export function parseIsoDay(text: string): CalendarDay | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = dayFromParts(year, month, dayOfMonth);
  const back = partsOfDay(day);
  return back.year === year && back.month === month && back.day === dayOfMonth ? day : null;
}

/** The first day of the month that `day` is in. */
export function monthStart(day: CalendarDay): CalendarDay {
  const p = partsOfDay(day);
  return dayFromParts(p.year, p.month, 1);
}

/** The first day of the month `months` months after the month of `day` (negative goes back). */
export function addMonths(day: CalendarDay, months: number): CalendarDay {
  const p = partsOfDay(day);
  const index = p.year * 12 + (p.month - 1) + months;
  return dayFromParts(Math.floor(index / 12), (index % 12) + 1, 1);
}

/**
 * The first day of the fiscal quarter containing `day`, for a fiscal year that starts in
 * `fiscalYearStartMonth` (1..12).
 */
export function quarterStart(day: CalendarDay, fiscalYearStartMonth: number): CalendarDay {
  const p = partsOfDay(day);
  const monthsIntoYear = (p.month - fiscalYearStartMonth + 12) % 12;
  return addMonths(dayFromParts(p.year, p.month, 1), -(monthsIntoYear % 3));
}
