/**
 * Which cells marking reads and writes (issue 12): the backgrounds of the cells that hold a
 * problem or a mark only, and only the marks that change, neighbours together while that is
 * cheaper than another call.
 */
import { describe, expect, it } from 'vitest';

import { cellsToCheck, changedRects, markBlock, readRects } from '../../src/core/marks';
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

describe('cellsToCheck', () => {
  it('spans, per row, the cells with a problem and the cells with one of our notes', () => {
    const notes = blank(4, 6);
    notes[1]![4] = OURS;
    notes[2]![0] = 'a note of the user';
    const cells = cellsToCheck(
      notes,
      10,
      [problem(11, 1), problem(13, 2), problem(13, 5), problem(9, 1)],
      columnOf,
    );
    expect([...cells]).toEqual([
      [1, [1, 4]],
      [3, [2, 5]],
    ]);
  });
});

describe('cellsToCheck at the edges of the block', () => {
  it('leaves out problems outside the block: rows before and after it, no column, a column past its width', () => {
    const notes = blank(3, 4);
    const outside = [problem(9, 1), problem(13, 1), problem(11, -1), problem(11, 4)];
    expect([...cellsToCheck(notes, 10, outside, columnOf)]).toEqual([]);
    const edges = [problem(12, 3), problem(10, 0)];
    expect([...cellsToCheck(notes, 10, edges, columnOf)]).toEqual([
      [0, [0, 0]],
      [2, [3, 3]],
    ]);
  });
});

describe('readRects', () => {
  it('merges exactly while the cells added cost less than a call (250 cells)', () => {
    // Rows 0 and 1 of columns 0–99, then row 4: the merge adds rows 2 and 3, 200 cells.
    const close = new Map<number, [number, number]>([
      [0, [0, 99]],
      [1, [0, 99]],
      [4, [0, 99]],
    ]);
    expect(readRects(close)).toEqual([{ row: 0, numRows: 5, column: 0, numColumns: 100 }]);
    // A third row between adds 300: no merge.
    const apart = new Map<number, [number, number]>([
      [0, [0, 99]],
      [1, [0, 99]],
      [5, [0, 99]],
    ]);
    expect(readRects(apart)).toEqual([
      { row: 0, numRows: 2, column: 0, numColumns: 100 },
      { row: 5, numRows: 1, column: 0, numColumns: 100 },
    ]);
  });

  it('widens a merged rectangle to the columns of both', () => {
    const spans = new Map<number, [number, number]>([
      [2, [4, 6]],
      [3, [1, 2]],
    ]);
    expect(readRects(spans)).toEqual([{ row: 2, numRows: 2, column: 1, numColumns: 6 }]);
  });

  it('stops at exactly 250 added cells', () => {
    // One column: rows 0 and 251 add 250 cells between them; rows 0 and 250 add 249.
    const at = (last: number) =>
      new Map<number, [number, number]>([
        [0, [0, 0]],
        [last, [0, 0]],
      ]);
    expect(readRects(at(250))).toHaveLength(1);
    expect(readRects(at(251))).toHaveLength(2);
  });

  it('reads two rows as one rectangle when the cells between cost less than a call', () => {
    const near = new Map<number, [number, number]>([
      [0, [3, 3]],
      [20, [3, 3]],
    ]);
    expect(readRects(near)).toEqual([{ row: 0, numRows: 21, column: 3, numColumns: 1 }]);
  });

  it('reads rows far apart, or wide, in rectangles of their own', () => {
    const far = new Map<number, [number, number]>([
      [0, [0, 17]],
      [20, [0, 17]],
    ]);
    expect(readRects(far)).toEqual([
      { row: 0, numRows: 1, column: 0, numColumns: 18 },
      { row: 20, numRows: 1, column: 0, numColumns: 18 },
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

  it('keeps note rectangles inside the runs of columns whose notes were read', () => {
    const notes = blank(2, 5);
    const backgrounds = blank(2, 5);
    const marked = markBlock(notes, backgrounds, 2, [problem(2, 1), problem(2, 3), problem(3, 4)], columnOf);
    // Column 2 was not read: a rectangle over it would write its note over with nothing.
    const runs = [
      [0, 1],
      [3, 4],
    ] as const;
    expect(changedRects(notes, backgrounds, marked, runs).notes).toEqual([
      { row: 0, numRows: 1, column: 1, numColumns: 1 },
      { row: 0, numRows: 2, column: 3, numColumns: 2 },
    ]);
    expect(changedRects(notes, backgrounds, marked).notes).toEqual([
      { row: 0, numRows: 2, column: 1, numColumns: 4 },
    ]);
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
