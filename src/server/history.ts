/**
 * Appending to History: one row per accepted stage change, and per Close Date or Amount change of
 * an open deal (with its Field named), in the sheet's own column order.
 * Nothing ever edits or deletes a History row. An operation opens History while it reads (its
 * header is a read) and appends once it writes, so that no read has to wait for its writes.
 */
import { headerColumns, HISTORY_HEADERS, SHEET } from '../core/columns';
import type { FieldEntry } from '../core/field-changes';
import { historyRow } from '../core/history-rows';
import type { StageEntry } from '../core/row-decisions';
import type { HistoryVia } from '../core/types';
import { setUpHistorySheet } from './setup/log-sheets';
import type { Cell, Sheet, Spreadsheet } from './sheets';
import { fillCells, readHeaderRow, writeCells } from './sheets';

const GROWTH_ROWS = 1_000;

export interface HistoryChange {
  readonly timestamp: Date;
  readonly id: string;
  readonly deal: string;
  readonly from: string | number;
  readonly to: string | number;
  readonly by: string;
  readonly via: HistoryVia;
  /** The Deals header of the field that changed; left out for a stage change. */
  readonly field?: string;
}

/** The History sheet and its header row, as an operation found them. */
export interface HistorySheet {
  readonly sheet: Sheet;
  readonly header: readonly string[];
}

/**
 * History and its header row. A History sheet deleted or renamed is set up again, and a missing
 * column added, as Set up sheets would: an accepted change is never left unrecorded, and a Close
 * Date change never written where a Field column is missing (it would read as a stage change).
 * 3 calls.
 */
export function openHistory(spreadsheet: Spreadsheet): HistorySheet {
  const sheet = spreadsheet.getSheetByName(SHEET.history);
  const header = sheet ? readHeaderRow(sheet) : [];
  if (sheet && isComplete(header)) return { sheet, header };
  return setUpHistorySheet(spreadsheet, { created: [], repaired: [] });
}

function isComplete(header: readonly string[]): boolean {
  const at = headerColumns(header);
  return HISTORY_HEADERS.every((name) => at(name) >= 0);
}

/**
 * Where `changes` go: `history`, unless one of them names its Field and the header (onEdit keeps
 * it in the document cache, maybe from before the Field column) lacks a column: then History is
 * opened again, which adds it. 0 calls, or openHistory's.
 */
export function historyFor(
  spreadsheet: Spreadsheet,
  history: HistorySheet,
  changes: readonly (StageEntry | FieldEntry)[],
): HistorySheet {
  const named = changes.some((change) => 'field' in change);
  return named && !isComplete(history.header) ? openHistory(spreadsheet) : history;
}

/**
 * Appends the changes below the last row of an opened History, growing the sheet when it must;
 * reads nothing. 0 calls for none, else 3–4 and one per block of columns (see writePlan).
 */
export function appendHistoryTo(history: HistorySheet, changes: readonly HistoryChange[]): void {
  if (changes.length === 0) return;
  const { sheet, header } = history;
  const rows = changes.map((change) => historyRow(header, change));
  const first = sheet.getLastRow() + 1;
  const max = sheet.getMaxRows();
  // Grow with room to spare, so that the next edits append without growing it again.
  if (first + rows.length - 1 > max) sheet.insertRowsAfter(max, first + rows.length - 1 - max + GROWTH_ROWS);
  for (const part of writePlan(rows)) {
    const range = sheet.getRange(first, part.column + 1, rows.length, part.width);
    if (part.fill === undefined)
      writeCells(
        range,
        rows.map((row) => row.slice(part.column, part.column + part.width)),
      );
    else fillCells(range, part.fill);
  }
}

/** Opens History and appends the changes. 0 calls for none, else appendHistoryTo's and 3 more. */
export function appendHistory(spreadsheet: Spreadsheet, changes: readonly HistoryChange[]): void {
  if (changes.length > 0) appendHistoryTo(openHistory(spreadsheet), changes);
}

interface WritePart {
  readonly column: number;
  readonly width: number;
  /** The one value of a column that holds it in every row. */
  readonly fill?: Cell;
}

const same = (a: Cell, b: Cell) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/**
 * How new rows go to the sheet. One row goes whole. Several go by column: one with the same
 * value in every row (the time, who, how) is filled with it, one blank in every row is left alone
 * (the rows are new, below the last), and the others go in blocks of neighbours. Sending a cell
 * costs far more than a call once there are thousands of rows (set-up adopting 50,000 deals), and
 * the few calls more cost little when there are a handful.
 */
function writePlan(rows: readonly (readonly Cell[])[]): WritePart[] {
  const width = rows[0]?.length ?? 0;
  if (rows.length < 2) return [{ column: 0, width }];
  const parts: WritePart[] = [];
  for (let column = 0; column < width; column++) {
    const first = rows[0]![column]!;
    const constant = rows.every((row) => same(row[column]!, first));
    const last = parts[parts.length - 1];
    if (constant && first === '') continue;
    if (constant) parts.push({ column, width: 1, fill: first });
    else if (last && last.fill === undefined && last.column + last.width === column) {
      parts[parts.length - 1] = { column: last.column, width: last.width + 1 };
    } else parts.push({ column, width: 1 });
  }
  return parts;
}

/** Who made a change, as far as Apps Script will say (simple triggers may not know). 2 calls. */
export function currentUser(): string {
  try {
    return Session.getActiveUser().getEmail();
  } catch {
    return '';
  }
}
