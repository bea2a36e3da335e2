/**
 * When emulated clock triggers fire. Real Apps Script picks a random moment within the requested
 * hour (a daily atHour(8) trigger runs once a day somewhere in 08:00–09:00, the same moment each
 * day). The emulator is deterministic: it fires at hh:MM where MM is the nearMinute() given, or
 * else a minute in 0..59 derived from the trigger's unique id (`minuteOffset`).
 *
 * - once (at / after / atDate): at that instant.
 * - everyMinutes(n): at every multiple of n minutes since the epoch.
 * - everyHours(n): at every n-th hour since the epoch (UTC hours), at the trigger's minute.
 * - everyDays(n): on every n-th local day counted from the day it was created, at atHour:MM in its
 *   time zone (so 08:MM local across DST changes).
 * - everyWeeks(n) + onWeekDay: on that weekday of every n-th week counted from creation.
 * - onMonthDay(d): on that day of each month.
 * A trigger never fires at or before the moment it was created.
 */
import { instantOf, wallTime, type Zone } from '../time-zones.js';
import { stableHash } from './internal.js';

export type Schedule =
  | { kind: 'once'; at: number }
  | { kind: 'minutes'; every: number }
  | { kind: 'hours'; every: number; minute: number }
  | { kind: 'days'; every: number; hour: number; minute: number }
  | { kind: 'weeks'; every: number; weekday: number; hour: number; minute: number }
  | { kind: 'monthly'; monthDay: number; hour: number; minute: number };

const DAY = 86_400_000;

/** The deterministic minute (0..59) a trigger without nearMinute() fires at. */
export function minuteOffset(uniqueId: string): number {
  return stableHash(uniqueId) % 60;
}

function localDayNumber(ms: number, zone: Zone): number {
  const w = wallTime(ms, zone);
  return Math.floor(Date.UTC(w.year, w.month - 1, w.day) / DAY);
}

/** Fire times t of a schedule with fromMs <= t < toMs and t > createdAt, ascending. */
export function fireTimes(
  schedule: Schedule,
  zone: Zone,
  createdAt: number,
  fromMs: number,
  toMs: number,
): number[] {
  const out: number[] = [];
  const keep = (t: number): void => {
    if (t >= fromMs && t < toMs && t > createdAt) out.push(t);
  };
  switch (schedule.kind) {
    case 'once':
      keep(schedule.at);
      return out;
    case 'minutes':
    case 'hours': {
      const step = schedule.kind === 'minutes' ? schedule.every * 60_000 : schedule.every * 3_600_000;
      const offset = schedule.kind === 'hours' ? schedule.minute * 60_000 : 0;
      const start = Math.max(fromMs, createdAt + 1);
      let t = Math.ceil((start - offset) / step) * step + offset;
      for (; t < toMs; t += step) keep(t);
      return out;
    }
    default:
      break;
  }
  const anchor = localDayNumber(createdAt, zone);
  const first = localDayNumber(fromMs, zone) - 1;
  const last = localDayNumber(toMs, zone) + 1;
  for (let day = first; day <= last; day++) {
    const date = new Date(day * DAY);
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    const since = day - anchor;
    if (since < 0) continue;
    let fires: boolean;
    if (schedule.kind === 'days') fires = since % schedule.every === 0;
    else if (schedule.kind === 'weeks') {
      fires = date.getUTCDay() === schedule.weekday && Math.floor(since / 7) % schedule.every === 0;
    } else fires = d === schedule.monthDay;
    if (fires) keep(instantOf(zone, y, m, d, schedule.hour, schedule.minute));
  }
  return out.sort((a, b) => a - b);
}
