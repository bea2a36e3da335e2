/**
 * Time zones, for both halves of the emulator: the spreadsheet's time zone (display values, dates
 * parsed from text) and the services' (Utilities.formatDate, time-driven triggers, mail dates).
 *
 * The spreadsheet takes any IANA id Intl knows (`isTimeZone`, `ianaZone`). The services take
 * java.util.TimeZone ids (`resolveZone`): IANA ids, "UTC"/"GMT", and custom offsets "GMT+2",
 * "GMT-05:00", "GMT+0530". An unknown id is treated as GMT, which is what TimeZone.getTimeZone
 * does (and so what Apps Script, built on it, does): `javaZone`.
 */

export type Zone = { kind: 'iana'; id: string } | { kind: 'fixed'; offsetMs: number; name: string };

export const GMT: Zone = { kind: 'fixed', offsetMs: 0, name: 'GMT' };

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** Indexed by WallTime.weekday. */
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface WallTime {
  year: number;
  /** 1-12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday. */
  weekday: number;
}

const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const ianaZones = new Map<string, Zone>();
const javaZones = new Map<string, Zone | null>();
/** Per zone, per UTC day since 1970: the day's offset, or null when it changes during the day. */
const offsets = new Map<string, Map<number, number | null>>();

function formatter(id: string): Intl.DateTimeFormat {
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(id, f);
  }
  return f;
}

/** Whether Intl knows the IANA id: what the spreadsheet accepts as its time zone. */
export function isTimeZone(id: string): boolean {
  try {
    formatter(id);
    return true;
  } catch {
    return false;
  }
}

/** The zone of an IANA id; one object per id, as it is asked for once per cell shown. */
export function ianaZone(id: string): Zone {
  let zone = ianaZones.get(id);
  if (!zone) ianaZones.set(id, (zone = { kind: 'iana', id }));
  return zone;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Resolves a Java time zone id; null when unknown. */
export function resolveZone(id: string): Zone | null {
  const cached = javaZones.get(id);
  if (cached !== undefined) return cached;
  let zone: Zone | null = null;
  const custom = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(id);
  if (id === 'GMT' || id === 'UTC') zone = { kind: 'fixed', offsetMs: 0, name: id };
  else if (custom) {
    const hours = Number(custom[2]);
    const minutes = Number(custom[3] ?? '0');
    if (hours <= 23 && minutes <= 59) {
      const sign = custom[1] === '-' ? -1 : 1;
      zone = {
        kind: 'fixed',
        offsetMs: sign * (hours * 60 + minutes) * 60_000,
        name: `GMT${custom[1]}${pad2(hours)}:${pad2(minutes)}`,
      };
    }
  } else if ((id.includes('/') || /^[A-Z]{3,5}$/.test(id)) && isTimeZone(id)) zone = ianaZone(id);
  javaZones.set(id, zone);
  return zone;
}

/** A Java time zone id as TimeZone.getTimeZone reads it: GMT when unknown. */
export function javaZone(id: string): Zone {
  return resolveZone(id) ?? GMT;
}

/** Offset of an IANA zone from UTC at instant `ms` (to the whole second), as Intl reports it. */
function intlOffsetMs(id: string, ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const p of formatter(id).formatToParts(whole)) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const local = Date.UTC(
    year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return local - whole;
}

/**
 * Offset of the zone from UTC at instant `ms`, in milliseconds (e.g. -7h for PDT). Asking Intl
 * costs microseconds, too slow for a 50,000-row read of dates, so the offset is cached per zone
 * and UTC day; on the few days the offset changes (not always at a whole hour: Newfoundland
 * changed at 00:01 until 2011) it is read at the instant itself.
 */
export function zoneOffsetMs(zone: Zone, ms: number): number {
  if (zone.kind === 'fixed') return zone.offsetMs;
  let byDay = offsets.get(zone.id);
  if (!byDay) offsets.set(zone.id, (byDay = new Map<number, number | null>()));
  const day = Math.floor(ms / DAY);
  let offset = byDay.get(day);
  if (offset === undefined) {
    const start = intlOffsetMs(zone.id, day * DAY);
    offset = start === intlOffsetMs(zone.id, (day + 1) * DAY - 1000) ? start : null;
    byDay.set(day, offset);
  }
  return offset ?? intlOffsetMs(zone.id, ms);
}

/** What a clock set to UTC reads at instant `ms`. */
export function utcWallTime(ms: number): WallTime {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

/** What the zone's clocks read at instant `ms`. */
export function wallTime(ms: number, zone: Zone): WallTime {
  return utcWallTime(ms + zoneOffsetMs(zone, ms));
}

/**
 * The instant at which the zone's clocks read the given time. In a DST gap (a time that does not
 * exist) the result lands just after the gap; in an overlap, on the earlier reading.
 */
export function instantOf(
  zone: Zone,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = asUtc - zoneOffsetMs(zone, asUtc);
  const second_ = asUtc - zoneOffsetMs(zone, first);
  if (first === second_) return first;
  // Overlap or gap: prefer the earlier instant that reads this wall time, else the later guess.
  const candidates = [first, second_].sort((a, b) => a - b);
  for (const c of candidates) if (c + zoneOffsetMs(zone, c) === asUtc) return c;
  return Math.max(first, second_);
}
