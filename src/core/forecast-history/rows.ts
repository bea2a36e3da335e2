/**
 * Reading Forecast History back. The add-on appends it and never edits it, but people can: a row
 * typed by hand, a number overwritten with a note, a column renamed. A row that cannot be read is
 * left out and named, with what is wrong; blank rows are skipped.
 */
import { FORECAST_HISTORY_HEADERS, headerColumns, SHEET } from '../columns';
import { dayFromParts, dayOfDate, monthStart } from '../dates';
import { quoteValue } from '../problems';
import type { CalendarDay } from '../types';
import { isBlankCell, isUnreadable, readDay, readInstant, readMoney, readText } from '../values';

/** What the accuracy needs of one Forecast History row. */
export interface SnapshotEntry {
  /** ms since epoch */
  readonly taken: number;
  /** The calendar day of `taken` in the spreadsheet's time zone. */
  readonly takenDay: CalendarDay;
  /** The first day of the forecast month. */
  readonly month: CalendarDay;
  /** As written (trimmed); '' for the team row. */
  readonly owner: string;
  readonly weighted: number;
}

export interface ParsedForecastHistory {
  readonly entries: SnapshotEntry[];
  /** One line per row left out: the row, and what is wrong in it. */
  readonly problems: string[];
}

const [TAKEN, MONTH, OWNER, , , , , WEIGHTED] = FORECAST_HISTORY_HEADERS;

/** The columns a row is read from; the others are what the Summary shows beside the forecast. */
export const ACCURACY_COLUMNS: readonly string[] = [TAKEN, MONTH, OWNER, WEIGHTED];

const YEAR_MONTH = /^(\d{4})-(\d{1,2})$/;

/** A month: a date cell (any day of it), or text such as 2026-03 or 2026-03-01. */
function readMonth(value: unknown, timeZone: string): CalendarDay | string {
  const text = typeof value === 'string' ? YEAR_MONTH.exec(value.trim()) : null;
  if (text) {
    const month = Number(text[2]);
    if (month >= 1 && month <= 12) return dayFromParts(Number(text[1]), month, 1);
  }
  const day = readDay(value, timeZone);
  if (day === null) return 'is blank';
  return isUnreadable(day) ? `must be a month such as 2026-03, not ${quoteValue(value)}` : monthStart(day);
}

/**
 * Forecast History's header and then its rows from sheet row `firstRow` (2: all of them). A row
 * is read when its Taken, Month and Weighted Forecast can be; Owner blank is the team's row.
 */
export function parseForecastHistory(
  values: readonly (readonly unknown[])[],
  timeZone: string,
  firstRow = 2,
): ParsedForecastHistory {
  const column = headerColumns(values[0] ?? []);
  const missing = ACCURACY_COLUMNS.filter((header) => column(header) < 0);
  if (missing.length > 0) {
    const names = missing.map((name) => `"${name}"`).join(', ');
    return {
      entries: [],
      problems: [
        `${SHEET.forecastHistory} has no ${names} column in row 1, so no snapshot can be read. Run Deal Pipeline › Set up sheets to add it.`,
      ],
    };
  }
  const [taken, month, owner, weighted] = ACCURACY_COLUMNS.map(column) as [number, number, number, number];
  const entries: SnapshotEntry[] = [];
  const problems: string[] = [];
  for (const [i, cells] of values.slice(1).entries()) {
    if (cells.every(isBlankCell)) continue;
    const when = readInstant(cells[taken], timeZone);
    const forMonth = readMonth(cells[month], timeZone);
    const amount = readMoney(cells[weighted]);
    const wrong = [
      when === null ? `${TAKEN} is blank` : isUnreadable(when) ? `${TAKEN} ${when.unreadable}` : '',
      typeof forMonth === 'string' ? `${MONTH} ${forMonth}` : '',
      amount === null
        ? `${WEIGHTED} is blank`
        : isUnreadable(amount)
          ? `${WEIGHTED} ${amount.unreadable}`
          : '',
    ].filter((text) => text !== '');
    if (wrong.length > 0) {
      problems.push(`${SHEET.forecastHistory} row ${firstRow + i}: ${wrong.join('; ')}.`);
      continue;
    }
    entries.push({
      taken: when as number,
      takenDay: dayOfDate(when as number, timeZone),
      month: forMonth as CalendarDay,
      owner: readText(cells[owner], timeZone),
      weighted: amount as number,
    });
  }
  return { entries, problems };
}

/** The latest readable instant among Taken cells (ms since epoch), or null when there is none. */
export function latestTaken(cells: readonly unknown[], timeZone: string): number | null {
  let latest: number | null = null;
  for (const cell of cells) {
    const when = readInstant(cell, timeZone);
    if (when !== null && !isUnreadable(when) && (latest === null || when > latest)) latest = when;
  }
  return latest;
}
