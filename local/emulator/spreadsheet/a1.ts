/** A1 notation: column letters, cell and range references, sheet-qualified references. */
import type { SheetModel } from './model';

export interface Box {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** The A1 notation Apps Script reports: whole columns as "A:C", whole rows as "2:4". */
export function boxA1(box: Box, sheet: Pick<SheetModel, 'maxRows' | 'maxColumns'>): string {
  const lastRow = box.row + box.numRows - 1;
  const lastColumn = box.column + box.numColumns - 1;
  if (box.row === 1 && box.numRows === sheet.maxRows && box.numRows > 1) {
    return `${columnLetters(box.column)}:${columnLetters(lastColumn)}`;
  }
  if (box.column === 1 && box.numColumns === sheet.maxColumns && box.numColumns > 1) {
    return `${box.row}:${lastRow}`;
  }
  const start = cellA1(box.row, box.column);
  return box.numRows === 1 && box.numColumns === 1 ? start : `${start}:${cellA1(lastRow, lastColumn)}`;
}

const END = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

function endpoint(text: string): { column: number; row: number } | null {
  const m = END.exec(text.trim());
  if (!m || (!m[1] && !m[2])) return null;
  return { column: m[1] ? columnNumber(m[1]) : 0, row: m[2] ? Number(m[2]) : 0 };
}

const RANGE_NOT_FOUND = 'Range not found';

/**
 * Resolves an A1 reference without a sheet name on a sheet of the given size. Open ends
 * ("A:C", "2:2", "A2:C") run to the sheet's edge.
 */
export function parseA1(a1: string, sheet: Pick<SheetModel, 'maxRows' | 'maxColumns'>): Box {
  const parts = a1.split(':');
  if (parts.length > 2) throw new Error(RANGE_NOT_FOUND);
  const a = endpoint(parts[0] ?? '');
  const b = parts.length === 2 ? endpoint(parts[1] ?? '') : a;
  if (!a || !b) throw new Error(RANGE_NOT_FOUND);
  const aFull = a.row > 0 && a.column > 0;
  if (parts.length === 1 && !aFull) throw new Error(RANGE_NOT_FOUND);
  // A partial start ("A" or "2") needs an end of the same kind; a full start may have an open end.
  if (!aFull && (a.row === 0) !== (b.row === 0)) throw new Error(RANGE_NOT_FOUND);
  const r1 = a.row || 1;
  const c1 = a.column || 1;
  const r2 = b.row || sheet.maxRows;
  const c2 = b.column || sheet.maxColumns;
  return {
    row: Math.min(r1, r2),
    column: Math.min(c1, c2),
    numRows: Math.abs(r2 - r1) + 1,
    numColumns: Math.abs(c2 - c1) + 1,
  };
}

/** Splits "'My Sheet'!A1:B2" into the sheet name (null when absent) and the A1 part. */
export function splitSheetName(ref: string): { sheetName: string | null; a1: string } {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, a1: ref };
  let name = ref.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) {
    name = name.slice(1, -1).replace(/''/g, "'");
  }
  return { sheetName: name, a1: ref.slice(bang + 1) };
}
