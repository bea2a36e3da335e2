/**
 * Writing validation marks on Deals rows: notes and backgrounds. Values are never touched. What
 * marking needs is read first (the notes of the rows, and the backgrounds of the cells that hold a
 * problem or a mark), so an operation can do every read before its first write; then only the
 * cells whose marks change are written: notes a rectangle of neighbours a call, colours one call
 * a colour (a RangeList).
 */
import type { DealFieldKey } from '../core/columns';
import type { BlockRect, Span } from '../core/marks';
import { cellsToCheck, changedRects, markBlock, readRects } from '../core/marks';
import type { DealProblem } from '../core/problems';
import { columnLetter } from '../core/problems';
import type { DealsSheet } from './deals-sheet';
import { runsOf } from './sheets';

type Range = GoogleAppsScript.Spreadsheet.Range;

interface PendingMarks {
  /** Writes the marks that change: 1 call a rectangle of notes, 2 a colour; none when none do. */
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
  noteFields?: readonly DealFieldKey[],
): PendingMarks {
  if (count <= 0) return { write: () => undefined };
  const { sheet } = deals;
  const columnOf = (problem: DealProblem) => deals.layout.columns[problem.field];
  const fields = noteFields && [...noteFields, ...problems.map((problem) => problem.field)];
  const { notes, runs } = readNotes(deals, firstRow, count, fields);
  const backgrounds: string[][] = [];
  const read = readRects(cellsToCheck(notes, firstRow, problems, columnOf));
  const readRanges = rangesOf(deals, firstRow, read);
  read.forEach((rect, k) => {
    readRanges[k]!.getBackgrounds().forEach((line, i) => {
      const row = (backgrounds[rect.row + i] ??= []);
      line.forEach((color, c) => (row[rect.column + c] = color));
    });
  });
  const marked = markBlock(notes, backgrounds, firstRow, problems, columnOf);
  const rects = marked.changed
    ? changedRects(notes, backgrounds, marked, runs)
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
 * The notes of the rows: of every column (1 call), or, given `fields`, only of their columns (1
 * call per run of adjacent ones), the others reading as no note; with the runs of columns read
 * (undefined: all), which alone may be written back.
 */
function readNotes(
  deals: DealsSheet,
  firstRow: number,
  count: number,
  fields: readonly DealFieldKey[] | undefined,
): { notes: string[][]; runs: Span[] | undefined } {
  const { sheet, width } = deals;
  if (!fields) return { notes: sheet.getRange(firstRow, 1, count, width).getNotes(), runs: undefined };
  const columns = [...new Set(fields.map((field) => deals.layout.columns[field]))]
    .filter((column) => column >= 0)
    .sort((a, b) => a - b);
  const notes = Array.from({ length: count }, () => new Array<string>(width).fill(''));
  const runs = runsOf(columns);
  for (const run of runs) {
    const got = sheet.getRange(firstRow, run[0]! + 1, count, run.length).getNotes();
    got.forEach((line, r) => line.forEach((note, i) => (notes[r]![run[0]! + i] = note)));
  }
  return { notes, runs: runs.map((run) => [run[0]!, run[run.length - 1]!] as const) };
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
