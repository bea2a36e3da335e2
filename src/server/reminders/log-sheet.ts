/**
 * Reading and writing the Reminder Log sheet: read whole once per run, claims appended in one
 * block, outcomes written back over that block. Columns are found by header; a missing sheet or
 * column is set up first, as Set up sheets would.
 */
import { SHEET } from '../../core/columns';
import { literal, logEntries, logLayout, ownerKey } from '../../core/reminders';
import type { LogEntry, LogLayout, ReminderStatus } from '../../core/reminders';
import { setUpReminderLogSheet } from '../setup/log-sheets';
import { readAllValues, writeBlock } from '../sheets';
import type { Cell, Sheet, Spreadsheet } from '../sheets';

export interface ReminderLog {
  readonly sheet: Sheet;
  readonly layout: LogLayout;
  readonly entries: readonly LogEntry[];
  /** The first row below the last used one. */
  readonly nextRow: number;
}

/** 3 calls (sheet, data range, values); more the first time, when it sets the sheet up. */
export function openReminderLog(spreadsheet: Spreadsheet, timeZone: string): ReminderLog {
  let sheet = spreadsheet.getSheetByName(SHEET.reminderLog);
  let values = sheet ? readAllValues(sheet) : [];
  let layout = logLayout(values[0] ?? []);
  if (!sheet || 'missing' in layout) {
    setUpReminderLogSheet(spreadsheet, { created: [], repaired: [] });
    sheet = spreadsheet.getSheetByName(SHEET.reminderLog)!;
    values = readAllValues(sheet);
    layout = logLayout(values[0] ?? []);
    if ('missing' in layout) throw new Error(`${SHEET.reminderLog} lacks ${layout.missing.join(', ')}`);
  }
  return { sheet, layout, entries: logEntries(values, layout, timeZone), nextRow: values.length + 1 };
}

/** Appends rows at `log.nextRow`, growing the sheet when it must. 3–5 calls. */
export function appendLogRows(log: ReminderLog, rows: readonly (readonly Cell[])[]): void {
  if (rows.length === 0) return;
  const max = log.sheet.getMaxRows();
  const last = log.nextRow + rows.length - 1;
  if (last > max) log.sheet.insertRowsAfter(max, last - max);
  writeBlock(log.sheet, log.nextRow, 1, rows);
}

export interface Outcome {
  readonly status: ReminderStatus;
  readonly detail: string;
}

/**
 * Writes the outcome of each claimed row (the first `keys.length` rows of the block appended at
 * `log.nextRow`) into its Status and Detail cells: 3 calls, 4 when someone moved those columns
 * apart. The rows are read back first: if someone sorted or deleted log rows meanwhile, `finalRows`
 * are appended instead, so no other row is overwritten and the claims stay visible as `sending`.
 */
export function recordOutcomes(
  log: ReminderLog,
  keys: readonly string[],
  outcomes: readonly Outcome[],
  finalRows: readonly (readonly Cell[])[],
): void {
  if (outcomes.length === 0) return;
  const { sheet, layout, nextRow: first } = log;
  const { owner, status, detail } = layout.columns;
  const block = sheet.getRange(first, 1, outcomes.length, layout.width).getValues();
  if (!keys.every((key, i) => ownerKey(String(block[i]?.[owner] ?? '')) === key)) {
    appendLogRows({ ...log, nextRow: sheet.getLastRow() + 1 }, finalRows);
    return;
  }
  if (detail === status + 1) {
    sheet
      .getRange(first, status + 1, outcomes.length, 2)
      .setValues(outcomes.map((o) => [o.status, literal(o.detail)]));
    return;
  }
  sheet.getRange(first, status + 1, outcomes.length, 1).setValues(outcomes.map((o) => [o.status]));
  sheet.getRange(first, detail + 1, outcomes.length, 1).setValues(outcomes.map((o) => [literal(o.detail)]));
}
