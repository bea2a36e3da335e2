/**
 * The one module that reads and writes sheets. Each function names its cost in spreadsheet
 * calls; none of them loops over rows with a call inside. Every value the add-on writes goes
 * through writeCells, which keeps text literal (a lint rule forbids setValues elsewhere).
 */
import type { SheetName } from '../core/columns';
import { TEXT_FORMAT } from '../core/formats';
import { literalText } from '../core/literal-text';
import { isBlankCell } from '../core/values';
import { SET_UP_HINT, UserError } from './errors';

export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type Range = GoogleAppsScript.Spreadsheet.Range;
export type Cell = string | number | boolean | Date;

export function activeSpreadsheet(): Spreadsheet {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) throw new UserError('Deal Pipeline works inside a spreadsheet: open one and try again.');
  return spreadsheet;
}

/** The sheet, or a message that names it and how to get it back. 1 call. */
export function requireSheet(spreadsheet: Spreadsheet, name: SheetName): Sheet {
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet) throw new UserError(`The sheet "${name}" is missing. ${SET_UP_HINT} to create it.`);
  return sheet;
}

/** Row 1 as text. 2 calls (last column, values). */
export function readHeaderRow(sheet: Sheet): string[] {
  const lastColumn = sheet.getLastColumn();
  if (lastColumn === 0) return [];
  return sheet
    .getRange(1, 1, 1, lastColumn)
    .getValues()[0]!
    .map((cell) => String(cell));
}

/** Every value of the sheet's used range. 2 calls. */
export function readAllValues(sheet: Sheet): Cell[][] {
  return sheet.getDataRange().getValues() as Cell[][];
}

/**
 * Rows `firstRow`..`firstRow + count - 1` of the given 0-based columns (ascending) only, side by
 * side: a cell read costs time, and most operations need a few columns of a wide sheet. A row
 * blank in every column read but not in the others (up to `width`) ends with one of its other
 * cells, so that no caller takes it for a blank row. 1 call per run of adjacent columns, and 1
 * per run of such rows.
 */
export function readColumns(
  sheet: Sheet,
  firstRow: number,
  count: number,
  columns: readonly number[],
  width: number,
): Cell[][] {
  const rows: Cell[][] = Array.from({ length: Math.max(count, 0) }, () => []);
  if (count <= 0) return rows;
  for (const run of runsOf(columns)) {
    const values = sheet.getRange(firstRow, run[0]! + 1, count, run.length).getValues() as Cell[][];
    values.forEach((line, i) => rows[i]!.push(...line));
  }
  if (columns.length >= width) return rows;
  const blank = rows.flatMap((row, i) => (row.every(isBlankCell) ? [i] : []));
  for (const run of runsOf(blank)) {
    const full = sheet.getRange(firstRow + run[0]!, 1, run.length, width).getValues() as Cell[][];
    full.forEach((line, i) => {
      const other = line.find((cell) => !isBlankCell(cell));
      if (other !== undefined) rows[run[0]! + i]!.push(other);
    });
  }
  return rows;
}

/** Ascending numbers in runs of consecutive ones: [1, 2, 5, 6, 7] → [[1, 2], [5, 6, 7]]. */
export function runsOf(numbers: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const n of numbers) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === n - 1) run.push(n);
    else runs.push([n]);
  }
  return runs;
}

/**
 * Writes values over a range the same size, each string as that very text: setValues would
 * otherwise parse a deal named "=IMPORTXML(...)" into a live formula, or "0042" into 42 (see
 * core/literal-text). With `numberFormats` they are set first (1 more call), and a string bound
 * for a plain-text cell ("@") is written as it is: Sheets parses nothing there, so it needs no
 * apostrophe. 1 call.
 */
export function writeCells(
  range: Range,
  values: readonly (readonly Cell[])[],
  numberFormats?: readonly (readonly string[])[],
): void {
  if (numberFormats) range.setNumberFormats(numberFormats as string[][]);
  range.setValues(
    values.map((line, r) =>
      line.map((value, c) =>
        typeof value === 'string' && numberFormats?.[r]?.[c] !== TEXT_FORMAT ? literalText(value) : value,
      ),
    ),
  );
}

/**
 * Writes one value to every cell of a range, a string as that very text (as writeCells does): one
 * value sent however many cells it fills. 1 call.
 */
export function fillCells(range: Range, value: Cell): void {
  range.setValue(typeof value === 'string' ? literalText(value) : value);
}

/** Writes a block at (row, column), growing the sheet's columns first if it must. 1–3 calls. */
export function writeBlock(
  sheet: Sheet,
  row: number,
  column: number,
  values: readonly (readonly Cell[])[],
): void {
  const width = values[0]?.length ?? 0;
  if (values.length === 0 || width === 0) return;
  ensureColumns(sheet, column + width - 1);
  writeCells(sheet.getRange(row, column, values.length, width), values);
}

/** Makes sure the sheet has at least `columns` columns. 1–2 calls. */
function ensureColumns(sheet: Sheet, columns: number): void {
  const max = sheet.getMaxColumns();
  if (columns > max) sheet.insertColumnsAfter(max, columns - max);
}
