/**
 * When a snapshot is taken. The weekly one is due on the first run on or after the Settings'
 * Snapshot Day, and then not again until the next Snapshot Day, however often the job runs: a
 * week here runs from one Snapshot Day to the day before the next, and holds one snapshot. The
 * last Taken in Forecast History is the only record of what was taken, so a run that failed or
 * was skipped leaves the snapshot due, and the next run takes it.
 */
import { partsOfDay } from '../dates';
import type { CalendarDay } from '../types';

/** The latest Snapshot Day (0 = Sunday .. 6 = Saturday) on or before `today`. */
function weekStart(today: CalendarDay, snapshotDay: number): CalendarDay {
  return today - ((partsOfDay(today).weekday - snapshotDay + 7) % 7);
}

/** `lastTaken`: the calendar day of the latest Taken in Forecast History, null when there is none. */
export function weeklySnapshotDue(
  lastTaken: CalendarDay | null,
  today: CalendarDay,
  snapshotDay: number,
): boolean {
  return lastTaken === null || lastTaken < weekStart(today, snapshotDay);
}
