/**
 * Java SimpleDateFormat patterns (what Utilities.formatDate takes) rendered in a time zone of
 * ../time-zones (Java ids, resolved by `resolveZone` there).
 */

import {
  MONTH_NAMES,
  utcWallTime,
  type WallTime,
  WEEKDAY_NAMES,
  type Zone,
  zoneOffsetMs,
} from '../time-zones.js';

/** The wall time plus the two fields only Java patterns show. */
interface JavaWallTime extends WallTime {
  dayOfYear: number;
  offsetMs: number;
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function javaWallTime(ms: number, zone: Zone): JavaWallTime {
  const offsetMs = zoneOffsetMs(zone, ms);
  const w = utcWallTime(ms + offsetMs);
  const dayOfYear =
    Math.floor((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86_400_000) + 1;
  return { ...w, dayOfYear, offsetMs };
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

function field(letter: string, count: number, w: JavaWallTime, ms: number, zone: Zone): string {
  switch (letter) {
    case 'G':
      return w.year > 0 ? 'AD' : 'BC';
    case 'y':
      return count === 2 ? pad(w.year % 100, 2) : pad(w.year, count);
    case 'M':
    case 'L': {
      const name = MONTH_NAMES[w.month - 1] ?? '';
      if (count >= 4) return name;
      if (count === 3) return name.slice(0, 3);
      return pad(w.month, count);
    }
    case 'd':
      return pad(w.day, count);
    case 'D':
      return pad(w.dayOfYear, count);
    case 'E': {
      const name = WEEKDAY_NAMES[w.weekday] ?? '';
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
  const w = javaWallTime(ms, zone);
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
