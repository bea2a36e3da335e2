/**
 * Which cells marking reads and writes (issue 12): the backgrounds of the cells that hold a
 * problem or a mark only, and only the marks that change, neighbours together while that is
 * cheaper than another call.
 */
import { describe, expect, it } from 'vitest';

import { cellsToCheck, cellsToRead, changedRects, markBlock, readRects } from '../../src/core/marks';
import type { DealProblem } from '../../src/core/problems';
import { MARK_COLORS } from '../fixtures/mark-colors';

const OURS = 'Deal Pipeline › old problem';
const problem = (row: number, column: number): DealProblem & { column: number } => ({
  row,
  column,
  field: 'amount',
  severity: 'error',
  message: 'Amount is wrong',
});
const columnOf = (p: DealProblem) => (p as { column?: number }).column ?? -1;
const blank = (rows: number, columns: number): string[][] =>
  Array.from({ length: rows }, () => Array.from({ length: columns }, () => ''));

const cellsOf = (set: ReadonlyMap<number, ReadonlySet<number>>) =>
  [...set]
    .map(([r, columns]) => [r, [...columns].sort((a, b) => a - b)])
    .sort((a, b) => (a[0] as number) - (b[0] as number));

describe('cellsToCheck', () => {
  it('holds, per row, the cells with a problem and the cells with one of our notes', () => {
    const notes = blank(4, 6);
    notes[1]![4] = OURS;
    notes[2]![0] = 'a note of the user';
    const cells = cellsToCheck(
      notes,
      10,
      [problem(11, 1), problem(13, 2), problem(13, 5), problem(9, 1)],
      columnOf,
    );
    expect(cellsOf(cells)).toEqual([
      [1, [1, 4]],
      [3, [2, 5]],
    ]);
  });
});

describe('cellsToCheck at the edges of the block', () => {
  it('leaves out problems outside the block: rows before and after it, no column, a column past its width', () => {
    const notes = blank(3, 4);
    const outside = [problem(9, 1), problem(13, 1), problem(11, -1), problem(11, 4)];
    expect(cellsOf(cellsToCheck(notes, 10, outside, columnOf))).toEqual([]);
    const edges = [problem(12, 3), problem(10, 0)];
    expect(cellsOf(cellsToCheck(notes, 10, edges, columnOf))).toEqual([
      [0, [0]],
      [2, [3]],
    ]);
  });
});

describe('cellsToRead', () => {
  it('takes the first row and the first column of the block', () => {
    expect(cellsOf(cellsToRead(2, 2, 10, [problem(10, 0)], columnOf, [[1, 0]]))).toEqual([
      [0, [0]],
      [1, [0]],
    ]);
  });

  it('holds the cells with a problem and the cells given, inside the block only', () => {
    const problems = [
      problem(10, 1),
      problem(12, 3),
      problem(9, 1),
      problem(13, 0),
      problem(11, -1),
      problem(11, 4),
    ];
    const also: [number, number][] = [
      [0, 1],
      [1, 2],
      [-1, 0],
      [3, 0],
      [1, -1],
      [1, 4],
    ];
    expect(cellsOf(cellsToRead(3, 4, 10, problems, columnOf, also))).toEqual([
      [0, [1]],
      [1, [2]],
      [2, [3]],
    ]);
  });
});

/** Cells given as [row, column] pairs. */
function cellSet(...cells: [number, number][]): Map<number, Set<number>> {
  const set = new Map<number, Set<number>>();
  for (const [r, c] of cells) set.set(r, new Set([...(set.get(r) ?? []), c]));
  return set;
}
const wholeRows = (rows: number[], width: number) =>
  cellSet(...rows.flatMap((r) => Array.from({ length: width }, (_, c): [number, number] => [r, c])));

describe('readRects', () => {
  it('merges rows exactly while the cells added cost less than a call (150 cells)', () => {
    // Rows 0 and 1 of columns 0–69, then row 3: the merge adds row 2, 70 cells.
    expect(readRects(wholeRows([0, 1, 3], 70))).toEqual([{ row: 0, numRows: 4, column: 0, numColumns: 70 }]);
    // Rows 0, 1 and 4 of columns 0–99: the merge would add 200 cells, more than a call.
    expect(readRects(wholeRows([0, 1, 4], 100))).toEqual([
      { row: 0, numRows: 2, column: 0, numColumns: 100 },
      { row: 4, numRows: 1, column: 0, numColumns: 100 },
    ]);
  });

  it('widens a merged rectangle to the columns of both', () => {
    const cells = cellSet([2, 4], [2, 5], [2, 6], [3, 1], [3, 2]);
    expect(readRects(cells)).toEqual([{ row: 2, numRows: 2, column: 1, numColumns: 6 }]);
  });

  it('stops at exactly 150 added cells', () => {
    // One column: rows 0 and 151 add 150 cells between them; rows 0 and 150 add 149.
    expect(readRects(cellSet([0, 0], [150, 0]))).toHaveLength(1);
    expect(readRects(cellSet([0, 0], [151, 0]))).toHaveLength(2);
  });

  it('reads a column down, not row by row, when its cells lie far apart', () => {
    // Column 3 every 20 rows, and one cell of column 9: two reads, not one a row.
    const cells = cellSet(...Array.from({ length: 10 }, (_, i): [number, number] => [i * 20, 3]), [5, 9]);
    expect(readRects(cells)).toEqual([
      { row: 0, numRows: 181, column: 3, numColumns: 1 },
      { row: 5, numRows: 1, column: 9, numColumns: 1 },
    ]);
  });

  it('reads a row across, not column by column, when its cells lie in one row', () => {
    expect(readRects(cellSet([7, 0], [7, 17]))).toEqual([{ row: 7, numRows: 1, column: 0, numColumns: 18 }]);
  });

  it('reads rows far apart in rectangles of their own, and nothing for no cell', () => {
    expect(readRects(wholeRows([0, 200], 18))).toEqual([
      { row: 0, numRows: 1, column: 0, numColumns: 18 },
      { row: 200, numRows: 1, column: 0, numColumns: 18 },
    ]);
    expect(readRects(new Map())).toEqual([]);
  });

  it('splits a row whose cells lie more than a call apart', () => {
    expect(readRects(cellSet([0, 0], [0, 200]))).toEqual([
      { row: 0, numRows: 1, column: 0, numColumns: 1 },
      { row: 0, numRows: 1, column: 200, numColumns: 1 },
    ]);
  });

  it('takes the cells of a line in order, however they were added', () => {
    expect(readRects(cellSet([0, 5], [0, 0]))).toEqual([{ row: 0, numRows: 1, column: 0, numColumns: 6 }]);
    expect(readRects(cellSet([9, 2], [0, 2]))).toEqual([{ row: 0, numRows: 10, column: 2, numColumns: 1 }]);
  });

  it('takes rows, in row order, when rows and columns cost the same', () => {
    // Three lone cells: by rows (0,0), (0,200), (200,0); by columns (0,0), (200,0), (0,200).
    expect(readRects(cellSet([0, 0], [0, 200], [200, 0]))).toEqual([
      { row: 0, numRows: 1, column: 0, numColumns: 1 },
      { row: 0, numRows: 1, column: 200, numColumns: 1 },
      { row: 200, numRows: 1, column: 0, numColumns: 1 },
    ]);

    expect(readRects(cellSet([0, 0], [0, 1], [1, 0], [1, 1]))).toEqual([
      { row: 0, numRows: 2, column: 0, numColumns: 2 },
    ]);
  });
});

describe('changedRects', () => {
  it('writes nothing when every mark is as it was', () => {
    const notes = blank(30, 3);
    const backgrounds = blank(30, 3);
    const marked = markBlock(notes, backgrounds, 2, [], columnOf);
    expect(changedRects(notes, backgrounds, marked)).toEqual({ notes: [], backgrounds: [] });
  });

  it('writes a changed cell alone, and neighbours together', () => {
    const notes = blank(30, 3);
    const backgrounds = blank(30, 3);
    const problems = [problem(2, 1), problem(3, 1), problem(4, 1), problem(29, 2)];
    const marked = markBlock(notes, backgrounds, 2, problems, columnOf);
    const rects = changedRects(notes, backgrounds, marked);
    expect(rects.notes).toEqual([
      { row: 0, numRows: 3, column: 1, numColumns: 1 },
      { row: 27, numRows: 1, column: 2, numColumns: 1 },
    ]);
    expect(rects.backgrounds).toEqual([{ color: MARK_COLORS.error, rects: rects.notes }]);
  });

  it('writes a colour that goes, and leaves a user colour beside it alone', () => {
    const notes = blank(1, 3);
    const backgrounds = blank(1, 3);
    notes[0]![1] = OURS;
    backgrounds[0]![1] = MARK_COLORS.error;
    backgrounds[0]![2] = '#00ff00';
    const marked = markBlock(notes, backgrounds, 2, [], columnOf);
    const rects = changedRects(notes, backgrounds, marked);
    expect(rects).toEqual({
      notes: [{ row: 0, numRows: 1, column: 1, numColumns: 1 }],
      backgrounds: [{ color: null, rects: [{ row: 0, numRows: 1, column: 1, numColumns: 1 }] }],
    });
    expect(marked.backgrounds[0]![1]).toBeNull();
  });

  it('writes each colour exactly over the cells that change to it, however far apart', () => {
    const notes = blank(6, 1);
    const backgrounds = blank(6, 1);
    const marked = markBlock(notes, backgrounds, 2, [problem(2, 0), problem(7, 0)], columnOf);
    const rects = changedRects(notes, backgrounds, marked);
    // Every note was read: the four between cost less than a call.
    expect(rects.notes).toEqual([{ row: 0, numRows: 6, column: 0, numColumns: 1 }]);
    expect(rects.backgrounds).toEqual([
      {
        color: MARK_COLORS.error,
        rects: [
          { row: 0, numRows: 1, column: 0, numColumns: 1 },
          { row: 5, numRows: 1, column: 0, numColumns: 1 },
        ],
      },
    ]);
  });

  it('spans every changed note of a row, and keeps a colour run to adjacent cells', () => {
    const notes = blank(1, 5);
    const backgrounds = blank(1, 5);
    const marked = markBlock(notes, backgrounds, 2, [problem(2, 0), problem(2, 1), problem(2, 3)], columnOf);
    const rects = changedRects(notes, backgrounds, marked);
    expect(rects.notes).toEqual([{ row: 0, numRows: 1, column: 0, numColumns: 4 }]);
    expect(rects.backgrounds).toEqual([
      {
        color: MARK_COLORS.error,
        rects: [
          { row: 0, numRows: 1, column: 0, numColumns: 2 },
          { row: 0, numRows: 1, column: 3, numColumns: 1 },
        ],
      },
    ]);
  });

  it('keeps note rectangles inside the rectangles whose notes were read, and writes no cell not read', () => {
    const notes = blank(2, 5);
    const backgrounds = blank(2, 5);
    const marked = markBlock(notes, backgrounds, 2, [problem(2, 1), problem(2, 3), problem(3, 4)], columnOf);
    // Column 2 was not read: a rectangle over it would write its note over with nothing.
    const read = [
      { row: 0, numRows: 2, column: 0, numColumns: 2 },
      { row: 0, numRows: 2, column: 3, numColumns: 2 },
    ];
    expect(changedRects(notes, backgrounds, marked, read).notes).toEqual([
      { row: 0, numRows: 1, column: 1, numColumns: 1 },
      { row: 0, numRows: 2, column: 3, numColumns: 2 },
    ]);
    expect(changedRects(notes, backgrounds, marked).notes).toEqual([
      { row: 0, numRows: 2, column: 1, numColumns: 4 },
    ]);
    // A changed cell outside every rectangle read is not written.
    expect(changedRects(notes, backgrounds, marked, [read[1]!]).notes).toEqual([
      { row: 0, numRows: 2, column: 3, numColumns: 2 },
    ]);
  });

  it('leaves a cell whose note was not read as it is, whatever its problem', () => {
    // Column 1's note was not read: a hole in the row.
    const row = new Array<string>(3);
    row[0] = '';
    row[2] = '';
    const notes = [row];
    const backgrounds = blank(1, 3);
    const marked = markBlock(notes, backgrounds, 2, [problem(2, 1), problem(2, 2)], columnOf);
    expect(1 in marked.notes[0]!).toBe(false);
    expect(1 in marked.backgrounds[0]!).toBe(false);
    expect(marked.notes[0]![2]).toContain('Amount is wrong');
    expect(changedRects(notes, backgrounds, marked).backgrounds).toEqual([
      { color: MARK_COLORS.error, rects: [{ row: 0, numRows: 1, column: 2, numColumns: 1 }] },
    ]);
  });

  it('writes nothing for a block of no rows', () => {
    const marked = markBlock([], [], 2, [], columnOf);
    expect(changedRects([], [], marked)).toEqual({ notes: [], backgrounds: [] });
  });

  it('looks for changed notes inside each rectangle read and nowhere past its last row or column', () => {
    const notes = blank(2, 5);
    const backgrounds = blank(2, 5);
    const marked = markBlock(notes, backgrounds, 2, [problem(2, 1), problem(2, 3), problem(3, 0)], columnOf);
    // Row 0, columns 0–2: the changes at (0, 3) and (1, 0) lie just past it.
    expect(
      changedRects(notes, backgrounds, marked, [{ row: 0, numRows: 1, column: 0, numColumns: 3 }]).notes,
    ).toEqual([{ row: 0, numRows: 1, column: 1, numColumns: 1 }]);
  });

  it('gives null, not a colour, for a cell whose default background stays', () => {
    const notes = blank(1, 2);
    const backgrounds = blank(1, 2);
    notes[0]![0] = OURS;
    backgrounds[0]![0] = '#ffffff';
    const marked = markBlock(notes, backgrounds, 2, [], columnOf);
    expect(marked.notes[0]![0]).toBe('');
    expect(marked.backgrounds[0]).toEqual([null, null]);
    expect(changedRects(notes, backgrounds, marked).backgrounds).toEqual([]);
  });

  it('groups by colour: a run of one colour in a row, grown down while the row below has the same run', () => {
    const notes = blank(4, 4);
    const backgrounds = blank(4, 4);
    notes[3]![3] = OURS;
    backgrounds[3]![3] = MARK_COLORS.error;
    backgrounds[2]![0] = '#00ff00';
    const warning = (row: number, column: number) => ({
      ...problem(row, column),
      severity: 'warning' as const,
    });
    const problems = [
      problem(2, 0),
      problem(2, 1),
      problem(3, 0),
      problem(3, 1),
      warning(3, 2),
      problem(4, 1),
      warning(5, 0),
    ];
    const marked = markBlock(notes, backgrounds, 2, problems, columnOf);
    expect(changedRects(notes, backgrounds, marked).backgrounds).toEqual([
      {
        color: MARK_COLORS.error,
        rects: [
          { row: 0, numRows: 2, column: 0, numColumns: 2 },
          { row: 2, numRows: 1, column: 1, numColumns: 1 },
        ],
      },
      {
        color: MARK_COLORS.warning,
        rects: [
          { row: 1, numRows: 1, column: 2, numColumns: 1 },
          { row: 3, numRows: 1, column: 0, numColumns: 1 },
        ],
      },
      { color: null, rects: [{ row: 3, numRows: 1, column: 3, numColumns: 1 }] },
    ]);
  });
});
