/**
 * Reading and writing the Reminder Log sheet: read whole once per run; a run's rows appended in
 * one block, or written over today's `deferred` rows of the same owners; outcomes written back
 * over the claimed rows. Columns are found by header; a header that cannot be read stops the job
 * (it is never "repaired" here), a missing or empty sheet is set up afresh.
 */
import { SHEET } from '../../core/columns';
import type {
  LogBlock,
  LogEntry,
  LogHeaderProblem,
  LogLayout,
  LogRecord,
  ReminderStatus,
} from '../../core/reminders';
import { isClaimRow, logEntries, logLayout, logRow, rewriteBlocks } from '../../core/reminders';
import type { CalendarDay } from '../../core/types';
import { isBlankCell } from '../../core/values';
import { setUpReminderLogSheet } from '../setup/log-sheets';
import type { Cell, Sheet, Spreadsheet } from '../sheets';
import { readAllValues, writeBlock, writeCells } from '../sheets';

export interface ReminderLog {
  readonly sheet: Sheet;
  readonly layout: LogLayout;
  /** Every value as read, row 1 the header: rows written over in place keep what lies between. */
  readonly values: readonly (readonly Cell[])[];
  readonly entries: readonly LogEntry[];
  /** The first row below the last used one. */
  readonly nextRow: number;
}

/**
 * The log, and whether it was just `started` (the sheet was missing or held nothing, so it was set
 * up afresh); or, when row 1 cannot be read as its header, what is wrong with it.
 */
export type OpenedLog =
  | { readonly log: ReminderLog; readonly started: boolean }
  | { readonly problem: LogHeaderProblem; readonly holdsRows: boolean };

/** 3 calls (sheet, data range, values); more when it sets a missing or empty sheet up. */
export function openReminderLog(spreadsheet: Spreadsheet, timeZone: string): OpenedLog {
  const found = spreadsheet.getSheetByName(SHEET.reminderLog);
  const read = found ? readAllValues(found) : [];
  const started = read.every((row) => row.every(isBlankCell));
  if (started) setUpReminderLogSheet(spreadsheet, { created: [], repaired: [] });
  const sheet = started ? spreadsheet.getSheetByName(SHEET.reminderLog)! : found!;
  const values = started ? readAllValues(sheet) : read;
  const layout = logLayout(values[0] ?? []);
  if ('missing' in layout) return { problem: layout, holdsRows: values.length > 1 };
  const entries = logEntries(values, layout, timeZone);
  return { log: { sheet, layout, values, entries, nextRow: values.length + 1 }, started };
}

/**
 * Writes a run's records at the rows placeRecords gave them: those below the log appended in one
 * block (3–5 calls), those already in it (today's `deferred` rows) written over in place, from
 * the values read when the log was opened under the same lock (2 calls a run of adjacent Deals,
 * Status and Detail columns, none when nothing changes).
 */
export function writeLogRecords(
  log: ReminderLog,
  records: readonly LogRecord[],
  rows: readonly number[],
  timeZone: string,
): void {
  const isNew = (i: number) => rows[i]! >= log.nextRow;
  appendLogRows(
    log,
    records.filter((_, i) => isNew(i)).map((record) => logRow(log.layout, record, timeZone)),
  );
  const changes = new Map(
    records.flatMap(({ deals, status, detail }, i) =>
      isNew(i) ? [] : [[rows[i]!, { deals, status, detail }]],
    ),
  );
  writeOver(log.sheet, rewriteBlocks(log.values, 1, log.layout, changes));
}

function writeOver(sheet: Sheet, blocks: readonly LogBlock[]): void {
  for (const { row, column, values } of blocks) {
    writeCells(sheet.getRange(row, column, values.length, values[0]!.length), values as Cell[][]);
  }
}

/** Appends rows at `log.nextRow`, growing the sheet when it must. 3–5 calls. */
function appendLogRows(log: ReminderLog, rows: readonly (readonly Cell[])[]): void {
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

/** A claimed row: its sheet row and the key of the digest it claims. */
export interface ClaimedRow {
  readonly row: number;
  readonly key: string;
}

/**
 * Writes each claimed row's outcome into its Status and Detail cells: 2 calls to read the rows
 * back, 2 to write (4 when someone moved those columns apart). A row that is no longer its claim
 * (someone sorted the log or deleted rows meanwhile) is left alone and its final row appended
 * instead (3–5 calls more), so no other row is overwritten and the claim stays visible.
 */
export function recordOutcomes(
  log: ReminderLog,
  claims: readonly ClaimedRow[],
  outcomes: readonly Outcome[],
  finalRows: readonly (readonly Cell[])[],
  today: CalendarDay,
  timeZone: string,
): void {
  if (claims.length === 0) return;
  const { sheet, layout } = log;
  const rows = claims.map(({ row }) => row);
  const top = Math.min(...rows);
  const block = sheet.getRange(top, 1, Math.max(...rows) - top + 1, layout.width).getValues();
  const kept = claims.map(({ row, key }) => isClaimRow(block[row - top] ?? [], layout, key, today, timeZone));
  const changes = new Map(
    claims.flatMap(({ row }, i) => {
      const { status, detail } = outcomes[i]!;
      return kept[i] ? [[row, { status, detail }]] : [];
    }),
  );
  writeOver(sheet, rewriteBlocks(block, top, layout, changes));
  const lost = finalRows.filter((_, i) => !kept[i]);
  if (lost.length > 0) appendLogRows({ ...log, nextRow: sheet.getLastRow() + 1 }, lost);
}
