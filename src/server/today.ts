/**
 * "Now" and "today" as the spreadsheet sees them: every date comparison is by calendar day in
 * the spreadsheet's time zone, never the script's.
 */
import { dayOfDate } from '../core/dates';
import type { Today } from '../core/types';
import type { Spreadsheet } from './sheets';

/** 1 call. */
export function todayIn(spreadsheet: Spreadsheet): Today & { now: Date } {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const now = new Date();
  return { now, timeZone, today: dayOfDate(now, timeZone) };
}
