/**
 * Appending to History: one row per accepted stage change, in the sheet's own column order.
 * Nothing ever edits or deletes a History row.
 */
import { HISTORY_HEADERS, SHEET, headerIndex, normalizeHeader } from '../core/columns';
import { historyRow } from '../core/history-rows';
import type { HistoryVia } from '../core/types';
import { setUpHistorySheet } from './setup/log-sheets';
import { readHeaderRow, writeCells } from './sheets';
import type { Sheet, Spreadsheet } from './sheets';

const GROWTH_ROWS = 1_000;

export interface StageChange {
  readonly timestamp: Date;
  readonly id: string;
  readonly deal: string;
  readonly from: string;
  readonly to: string;
  readonly by: string;
  readonly via: HistoryVia;
}

/**
 * Appends the changes below the last row, growing the sheet when it must. 0 calls for none, else
 * 7–8; more when History must be set up again.
 */
export function appendHistory(spreadsheet: Spreadsheet, changes: readonly StageChange[]): void {
  if (changes.length === 0) return;
  const { sheet, header } = historySheet(spreadsheet);
  const rows = changes.map((change) => historyRow(header, change));
  const first = sheet.getLastRow() + 1;
  const max = sheet.getMaxRows();
  // Grow with room to spare, so that the next edits append without growing it again.
  if (first + rows.length - 1 > max) sheet.insertRowsAfter(max, first + rows.length - 1 - max + GROWTH_ROWS);
  writeCells(sheet.getRange(first, 1, rows.length, header.length), rows);
}

/**
 * History and its header row. A History sheet deleted or renamed is set up again, and a missing
 * column added, as Set up sheets would: an accepted change is never left unrecorded. 3 calls.
 */
function historySheet(spreadsheet: Spreadsheet): { sheet: Sheet; header: string[] } {
  const sheet = spreadsheet.getSheetByName(SHEET.history);
  const header = sheet ? readHeaderRow(sheet) : [];
  const index = headerIndex(header);
  if (sheet && HISTORY_HEADERS.every((name) => index.has(normalizeHeader(name)))) return { sheet, header };
  return setUpHistorySheet(spreadsheet, { created: [], repaired: [] });
}

/** Who made a change, as far as Apps Script will say (simple triggers may not know). 2 calls. */
export function currentUser(): string {
  try {
    return Session.getActiveUser().getEmail();
  } catch {
    return '';
  }
}
