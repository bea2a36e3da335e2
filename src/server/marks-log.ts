/**
 * The marks log on its hidden sheet (core/marks-log.ts says what it holds). Validate all deals
 * reads it before marking and writes it whole; onEdit and the sidebar add a line for the cells
 * they mark, without reading it (appendRow: a write, no round trip). The log is written before
 * the marks: should an execution stop between the two, the log names a cell too many, never a
 * mark too few. The sheet is the log
 * only when its id is the one document properties hold (DocumentState.marksLog): a sheet of the
 * same name that is not (a user's own, or a copied spreadsheet's before its first Validate all
 * deals) is never written, and its marks may be anywhere. A copy of the spreadsheet is right
 * whatever Google copies with it (we found no statement either way): without the properties, the
 * log it brings is taken as it is; with them but a new sheet id, every note is read once.
 */
import { SHEET } from '../core/columns';
import type { MarkEntry, MarksLog } from '../core/marks-log';
import { logLines, MARKS_LOG_HEADER, parseLog } from '../core/marks-log';
import type { DocumentState } from './document-properties';
import { MARKS_ANYWHERE } from './document-properties';
import { createHiddenSheet, repairHiddenSheet } from './hidden-sheet';
import type { Sheet, Spreadsheet } from './sheets';
import { writeCells } from './sheets';

const PROTECTION =
  'Deal Pipeline Marks Log: which cells of Deals carry a mark, kept by the add-on so that Validate all deals need not read every note.';

const ANYWHERE: MarksLog = { anywhere: true, fields: new Map() };
const NOWHERE: MarksLog = { anywhere: false, fields: new Map() };

export interface MarksLogRead {
  /** The log sheet, or another sheet of its name; null when there is none. */
  readonly sheet: Sheet | null;
  /** Whether Validate all deals may write the sheet whole: the log's, or an empty sheet. */
  readonly writable: boolean;
  /** The lines read after the header (none unless the sheet is the log). */
  readonly lines: readonly string[];
  readonly lastRow: number;
  readonly log: MarksLog;
}

/** The log, for Validate all deals: 1 call when there is no log sheet, 4 when there is. */
export function readMarksLog(spreadsheet: Spreadsheet, state: DocumentState): MarksLogRead {
  const sheet = spreadsheet.getSheetByName(SHEET.marksLog);
  const kept = state.marksLog;
  // No sheet: no marks if none was ever kept; else it was deleted, and the marks may be anywhere.
  if (!sheet) {
    return { sheet, writable: true, lines: [], lastRow: 0, log: kept === undefined ? NOWHERE : ANYWHERE };
  }
  const ours = String(sheet.getSheetId()) === kept;
  const lastRow = sheet.getLastRow();
  if (lastRow === 0) return { sheet, writable: true, lines: [], lastRow, log: ANYWHERE };
  const cells = sheet
    .getRange(1, 1, lastRow, 1)
    .getValues()
    .map(([cell]) => (cell == null ? '' : String(cell as string)));
  if (cells[0] !== MARKS_LOG_HEADER) return { sheet, writable: ours, lines: [], lastRow, log: ANYWHERE };
  const lines = cells.slice(1);
  // The log of a copied spreadsheet is taken as it is; one that onEdit could not add to is not.
  return {
    sheet,
    writable: true,
    lines,
    lastRow,
    log: ours || kept === undefined ? parseLog(lines) : ANYWHERE,
  };
}

/**
 * For Validate all deals, which is about to make every mark right: the log of the marks it leaves
 * (`entries`), written whole when it changed (or created), and its sheet's id kept in the state,
 * which the caller saves; nothing when there is no mark and never was a log. A sheet that is not
 * the log's to write has every note read next time (MARKS_ANYWHERE). 0–4 calls; 11 more to create.
 */
export function writeMarksLog(
  spreadsheet: Spreadsheet,
  read: MarksLogRead,
  entries: Iterable<MarkEntry>,
  state: DocumentState,
): void {
  const lines = logLines(entries);
  if (!read.writable) {
    state.marksLog = MARKS_ANYWHERE;
    return;
  }
  if (!read.sheet && lines.length === 0 && state.marksLog === undefined) return;
  const sheet = read.sheet ?? createHiddenSheet(spreadsheet, SHEET.marksLog, PROTECTION).sheet;
  state.marksLog = String(sheet.getSheetId());
  const same =
    read.sheet !== null &&
    !read.log.anywhere &&
    read.lines.length === lines.length &&
    read.lines.every((line, i) => line === lines[i]);
  if (same) return;
  // Its protection read before the first write, which would make this read wait for a commit.
  if (read.sheet) repairHiddenSheet(sheet, PROTECTION);
  const rows = [[MARKS_LOG_HEADER], ...lines.map((line) => [line])];
  writeCells(sheet.getRange(1, 1, rows.length, 1), rows);
  const { lastRow } = read;
  if (lastRow > rows.length) sheet.getRange(rows.length + 1, 1, lastRow - rows.length, 1).clearContent();
}

/**
 * For onEdit and the sidebar, which mark a few rows: their entries as a line (more for a paste of
 * thousands of marks) added to the log, before the state is saved (a new log sheet's id is kept
 * with it). No entries: no call. 2 calls and 1 a line; 11 more to create the sheet.
 */
export function appendToMarksLog(
  spreadsheet: Spreadsheet,
  entries: readonly MarkEntry[],
  state: DocumentState,
): void {
  const lines = logLines(entries);
  if (lines.length === 0) return;
  const found = spreadsheet.getSheetByName(SHEET.marksLog);
  const kept = state.marksLog;
  if (found && String(found.getSheetId()) !== kept) {
    // Not the log (or not known to be): the next Validate all deals reads every note.
    state.marksLog = MARKS_ANYWHERE;
    return;
  }
  const sheet = found ?? newLog(spreadsheet, kept);
  state.marksLog = String(sheet.getSheetId());
  // A line starts with an ID's letter or digit, or "*" (logLines): Sheets parses none as a formula,
  // a number or a date, so appendRow (no read of the last row: no round trip) keeps it as text.
  // eslint-disable-next-line no-restricted-syntax
  for (const line of lines) sheet.appendRow([line]);
}

/**
 * A new log sheet. When a log was kept before (it was deleted), or marks may be anywhere, its
 * first line says so: the next Validate all deals reads every note.
 */
function newLog(spreadsheet: Spreadsheet, kept: string | undefined): Sheet {
  const { sheet } = createHiddenSheet(spreadsheet, SHEET.marksLog, PROTECTION);
  const rows = kept === undefined ? [[MARKS_LOG_HEADER]] : [[MARKS_LOG_HEADER], ['*']];
  writeCells(sheet.getRange(1, 1, rows.length, 1), rows);
  return sheet;
}
