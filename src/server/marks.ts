/**
 * Writing validation marks on Deals rows: notes and backgrounds. Values are never touched. What
 * marking needs is read first (the notes of the rows, and the backgrounds of the cells that hold a
 * problem or a mark), so an operation can do every read before its first write; then only the
 * cells whose marks change are written: notes a rectangle of neighbours a call, colours one call
 * a colour (a RangeList).
 */
import type { BlockRect } from '../core/marks';
import { cellsToCheck, cellsToRead, changedRects, markBlock, readRects } from '../core/marks';
import type { DealProblem } from '../core/problems';
import { columnLetter } from '../core/problems';
import type { DealsSheet } from './deals-sheet';

type Range = GoogleAppsScript.Spreadsheet.Range;

interface PendingMarks {
  /** Writes the marks that change: 1 call a rectangle of notes, 2 a colour; none when none do. */
  write(): void;
}

/**
 * Reads what marking rows `firstRow`..`firstRow + count - 1` with `problems` (every problem of
 * those rows: a cell with no problem loses its old mark) needs, and writes nothing until `write`:
 * - the notes: of every cell of the rows (1 call); or, given `around` (the [block row, column] of
 *   every cell that may hold a mark of ours: the marks log's), only of those cells and of the
 *   cells with a problem (1 call per rectangle of them, readRects);
 * - the backgrounds of the cells with a problem or a mark (1 call per rectangle, cellsToCheck).
 */
export function readMarks(
  deals: DealsSheet,
  firstRow: number,
  count: number,
  problems: readonly DealProblem[],
  around?: Iterable<readonly [row: number, column: number]>,
): PendingMarks {
  if (count <= 0) return { write: () => undefined };
  const { sheet, width } = deals;
  const columnOf = (problem: DealProblem) => deals.layout.columns[problem.field];
  const noteRects = around && readRects(cellsToRead(count, width, firstRow, problems, columnOf, around));
  const notes = noteRects
    ? readSparse(deals, firstRow, count, noteRects, (range) => range.getNotes())
    : sheet.getRange(firstRow, 1, count, width).getNotes();
  const backgrounds = readSparse(
    deals,
    firstRow,
    count,
    readRects(cellsToCheck(notes, firstRow, problems, columnOf)),
    (range) => range.getBackgrounds(),
  );
  const marked = markBlock(notes, backgrounds, firstRow, problems, columnOf);
  const rects = marked.changed
    ? changedRects(notes, backgrounds, marked, noteRects)
    : { notes: [], backgrounds: [] };
  return {
    write: () => {
      const noteRanges = rangesOf(deals, firstRow, rects.notes);
      rects.notes.forEach((rect, k) => noteRanges[k]!.setNotes(part(marked.notes, rect)));
      // Scattered cells of one colour in one call: a RangeList, as Google's reference suggests
      // for "collections of non-adjacent ranges or cells".
      for (const { color, rects: cells } of rects.backgrounds) {
        sheet.getRangeList(cells.map((rect) => a1Of(firstRow, rect))).setBackground(color);
      }
    },
  };
}

/**
 * One property of the cells in `rects` of the block (1 call for their ranges, 1 per rectangle),
 * as the block's rows, in which a row or a cell not read is a hole: what is not read costs no
 * JavaScript either.
 */
function readSparse(
  deals: DealsSheet,
  firstRow: number,
  count: number,
  rects: readonly BlockRect[],
  read: (range: Range) => string[][],
): string[][] {
  const grid = new Array<string[]>(count);
  const ranges = rangesOf(deals, firstRow, rects);
  rects.forEach((rect, k) => {
    read(ranges[k]!).forEach((line, i) => {
      const row = (grid[rect.row + i] ??= new Array<string>(deals.width));
      line.forEach((value, c) => (row[rect.column + c] = value));
    });
  });
  return grid;
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

/**
 * The ranges of rectangles of the block, from one RangeList: one call for all of them, where a
 * getRange each would be one call each (thousands on a sheet of scattered problems).
 */
function rangesOf(deals: DealsSheet, firstRow: number, rects: readonly BlockRect[]): Range[] {
  if (rects.length === 0) return [];
  return deals.sheet.getRangeList(rects.map((rect) => a1Of(firstRow, rect))).getRanges();
}

/** A rectangle of the block starting at sheet row `firstRow`, in A1 notation. */
function a1Of(firstRow: number, rect: BlockRect): string {
  const top = `${columnLetter(rect.column)}${firstRow + rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return top;
  return `${top}:${columnLetter(rect.column + rect.numColumns - 1)}${firstRow + rect.row + rect.numRows - 1}`;
}

function part<T>(grid: readonly (readonly T[])[], rect: BlockRect): T[][] {
  return grid
    .slice(rect.row, rect.row + rect.numRows)
    .map((line) => line.slice(rect.column, rect.column + rect.numColumns));
}
