/**
 * Writing validation marks on Deals rows: notes and backgrounds. Values are never touched. What
 * marking needs is read first (the notes of the rows, and the backgrounds of the cells that hold a
 * problem or a mark), so an operation can do every read before its first write; then only the
 * cells whose marks change are written, neighbours together.
 */
import { cellsToCheck, changedRects, markBlock, readRects } from '../core/marks';
import type { BlockRect } from '../core/marks';
import type { DealProblem } from '../core/problems';
import type { DealsSheet } from './deals-sheet';

interface PendingMarks {
  /** Writes the marks that change: 1 call a rectangle of notes or of colours; none when none do. */
  write(): void;
}

/**
 * Reads what marking rows `firstRow`..`firstRow + count - 1` with `problems` (every problem of
 * those rows: a cell with none loses its old mark) needs: 1 call for the notes, and the
 * backgrounds of the cells with a problem or a mark, 1 call per rectangle of them (cellsToCheck,
 * readRects). Writes nothing until `write`.
 */
export function readMarks(
  deals: DealsSheet,
  firstRow: number,
  count: number,
  problems: readonly DealProblem[],
): PendingMarks {
  if (count <= 0) return { write: () => undefined };
  const { sheet, width } = deals;
  const columnOf = (problem: DealProblem) => deals.layout.columns[problem.field];
  const notes = sheet.getRange(firstRow, 1, count, width).getNotes();
  const backgrounds: string[][] = [];
  const read = readRects(cellsToCheck(notes, firstRow, problems, columnOf));
  for (const rect of read) {
    const got = sheet
      .getRange(firstRow + rect.row, rect.column + 1, rect.numRows, rect.numColumns)
      .getBackgrounds();
    got.forEach((line, i) => {
      const row = (backgrounds[rect.row + i] ??= []);
      line.forEach((color, c) => (row[rect.column + c] = color));
    });
  }
  const marked = markBlock(notes, backgrounds, firstRow, problems, columnOf);
  const rects = marked.changed
    ? changedRects(notes, backgrounds, marked, read)
    : { notes: [], backgrounds: [] };
  // A cell whose note and colour both change is in the same rectangle for both: one getRange.
  const ranges = new Map<string, GoogleAppsScript.Spreadsheet.Range>();
  const range = (rect: BlockRect) => {
    const key = `${rect.row}:${rect.column}:${rect.numRows}:${rect.numColumns}`;
    let found = ranges.get(key);
    if (!found) {
      found = sheet.getRange(firstRow + rect.row, rect.column + 1, rect.numRows, rect.numColumns);
      ranges.set(key, found);
    }
    return found;
  };
  return {
    write: () => {
      for (const rect of rects.notes) range(rect).setNotes(part(marked.notes, rect));
      for (const rect of rects.backgrounds)
        range(rect).setBackgrounds(part(marked.backgrounds, rect) as string[][]);
    },
  };
}

/** Marks rows at once: reads, then writes. For a caller with nothing else to read first. */
export function markRows(
  deals: DealsSheet,
  firstRow: number,
  count: number,
  problems: readonly DealProblem[],
): void {
  readMarks(deals, firstRow, count, problems).write();
}

function part<T>(grid: readonly (readonly T[])[], rect: BlockRect): T[][] {
  return grid
    .slice(rect.row, rect.row + rect.numRows)
    .map((line) => line.slice(rect.column, rect.column + rect.numColumns));
}
