/**
 * Java SimpleDateFormat patterns (what Utilities.formatDate takes) rendered with real time zones
 * through Intl, plus the wall-clock ↔ instant conversions the trigger scheduler needs.
 *
 * Time zone ids follow java.util.TimeZone: IANA ids ("America/Los_Angeles"), "UTC"/"GMT", and
 * custom offsets "GMT+2", "GMT-05:00", "GMT+0530". An unknown id is treated as GMT, which is what
 * TimeZone.getTimeZone does (and so what Apps Script, built on it, does); `onUnknownZone` lets the
 * host record it instead of it passing silently.
 */

export type Zone = { kind: 'iana'; id: string } | { kind: 'fixed'; offsetMs: number; name: string };

const MONTHS = [
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
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const formatters = new Map<string, Intl.DateTimeFormat>();
const zoneCache = new Map<string, Zone | null>();

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

/** Resolves a Java time zone id; null when unknown. */
export function resolveZone(id: string): Zone | null {
  const cached = zoneCache.get(id);
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
        name: `GMT${custom[1]}${pad(hours, 2)}:${pad(minutes, 2)}`,
      };
    }
  } else if (id.includes('/') || /^[A-Z]{3,5}$/.test(id)) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: id });
      zone = { kind: 'iana', id };
    } catch {
      zone = null;
    }
  }
  zoneCache.set(id, zone);
  return zone;
}

export function isKnownZone(id: string): boolean {
  return resolveZone(id) !== null;
}

function formatter(zoneId: string): Intl.DateTimeFormat {
  let f = formatters.get(zoneId);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zoneId,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zoneId, f);
  }
  return f;
}

/** Offset of the zone from UTC at instant `ms`, in milliseconds (e.g. -7h for PDT). */
export function zoneOffsetMs(zone: Zone, ms: number): number {
  if (zone.kind === 'fixed') return zone.offsetMs;
  const whole = Math.floor(ms / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const p of formatter(zone.id).formatToParts(whole)) parts[p.type] = p.value;
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

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
  dayOfYear: number;
  offsetMs: number;
}

/** The wall-clock reading of instant `ms` in `zone`. */
export function wallTime(ms: number, zone: Zone): WallTime {
  const offsetMs = zoneOffsetMs(zone, ms);
  const d = new Date(ms + offsetMs);
  const year = d.getUTCFullYear();
  return {
    year,
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    dayOfYear:
      Math.floor((Date.UTC(year, d.getUTCMonth(), d.getUTCDate()) - Date.UTC(year, 0, 1)) / 86_400_000) + 1,
    offsetMs,
  };
}

/**
 * The instant at which the wall clock in `zone` reads the given time. In a DST gap (a time that
 * does not exist) the result lands just after the gap; in an overlap, on the earlier reading.
 */
export function zonedTimeToMs(
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

function zoneName(zone: Zone, ms: number, long: boolean): string {
  if (zone.kind === 'fixed') return zone.name;
  const f = new Intl.DateTimeFormat('en-US', { timeZone: zone.id, timeZoneName: long ? 'long' : 'short' });
  return f.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? zone.id;
}

function offsetText(offsetMs: number, style: 'Z' | 'X' | 'XX' | 'XXX'): string {
  if (style !== 'Z' && offsetMs === 0) return 'Z';
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.abs(offsetMs) / 60_000;
  const hh = pad(Math.floor(total / 60), 2);
  const mm = pad(total % 60, 2);
  if (style === 'X') return `${sign}${hh}`;
  if (style === 'XXX') return `${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

function field(letter: string, count: number, w: WallTime, ms: number, zone: Zone): string {
  switch (letter) {
    case 'G':
      return w.year > 0 ? 'AD' : 'BC';
    case 'y':
      return count === 2 ? pad(w.year % 100, 2) : pad(w.year, count);
    case 'M':
    case 'L': {
      const name = MONTHS[w.month - 1] ?? '';
      if (count >= 4) return name;
      if (count === 3) return name.slice(0, 3);
      return pad(w.month, count);
    }
    case 'd':
      return pad(w.day, count);
    case 'D':
      return pad(w.dayOfYear, count);
    case 'E': {
      const name = WEEKDAYS[w.weekday] ?? '';
      return count >= 4 ? name : name.slice(0, 3);
    }
    case 'u':
      return pad(w.weekday === 0 ? 7 : w.weekday, count);
    case 'a':
      return w.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(w.hour, count);
    case 'k':
      return pad(w.hour === 0 ? 24 : w.hour, count);
    case 'K':
      return pad(w.hour % 12, count);
    case 'h':
      return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, count);
    case 'm':
      return pad(w.minute, count);
    case 's':
      return pad(w.second, count);
    case 'S':
      return pad(w.millisecond, count);
    case 'z':
      return zoneName(zone, ms, count >= 4);
    case 'Z':
      return offsetText(w.offsetMs, 'Z');
    case 'X':
      if (count > 3) throw new Error('invalid ISO 8601 format: length=' + count);
      return offsetText(w.offsetMs, count === 1 ? 'X' : count === 2 ? 'XX' : 'XXX');
    case 'Y':
    case 'w':
    case 'W':
    case 'F':
      throw new Error(`The emulator's Utilities.formatDate does not support the pattern letter '${letter}'`);
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/** Formats instant `ms` in `zone` with a Java SimpleDateFormat pattern. */
export function formatJavaDate(ms: number, zone: Zone, pattern: string): string {
  const w = wallTime(ms, zone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern.charAt(i);
    if (c === "'") {
      if (pattern.charAt(i + 1) === "'") {
        out += "'";
        i += 2;
        continue;
      }
      i++;
      while (i < pattern.length) {
        if (pattern.charAt(i) === "'") {
          if (pattern.charAt(i + 1) === "'") {
            out += "'";
            i += 2;
            continue;
          }
          break;
        }
        out += pattern.charAt(i);
        i++;
      }
      if (i >= pattern.length) throw new Error('Unterminated quote');
      i++;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let count = 1;
      while (pattern.charAt(i + count) === c) count++;
      out += field(c, count, w, ms, zone);
      i += count;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
