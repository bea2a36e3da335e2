/**
 * Which cells marking reads and writes (issue 12): the backgrounds of the cells that hold a
 * problem or a mark only, and only the marks that change, neighbours together while that is
 * cheaper than another call.
 */
import { describe, expect, it } from 'vitest';
import { MARK_COLORS, cellsToCheck, changedRects, markBlock, readRects } from '../../src/core/marks';
import type { DealProblem } from '../../src/core/problems';

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

describe('readRects', () => {
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
  const read = [{ row: 0, numRows: 30, column: 0, numColumns: 3 }];

  it('writes nothing when every mark is as it was', () => {
    const notes = blank(30, 3);
    const backgrounds = blank(30, 3);
    const marked = markBlock(notes, backgrounds, 2, [], columnOf);
    expect(changedRects(notes, backgrounds, marked, read)).toEqual({ notes: [], backgrounds: [] });
  });

  it('writes a changed cell alone, and neighbours together', () => {
    const notes = blank(30, 3);
    const backgrounds = blank(30, 3);
    const problems = [problem(2, 1), problem(3, 1), problem(4, 1), problem(29, 2)];
    const marked = markBlock(notes, backgrounds, 2, problems, columnOf);
    const rects = changedRects(notes, backgrounds, marked, read);
    expect(rects.notes).toEqual([
      { row: 0, numRows: 3, column: 1, numColumns: 1 },
      { row: 27, numRows: 1, column: 2, numColumns: 1 },
    ]);
    expect(rects.backgrounds).toEqual(rects.notes);
  });

  it('writes a colour that goes, and leaves a user colour beside it alone', () => {
    const notes = blank(1, 3);
    const backgrounds = blank(1, 3);
    notes[0]![1] = OURS;
    backgrounds[0]![1] = MARK_COLORS.error;
    backgrounds[0]![2] = '#00ff00';
    const marked = markBlock(notes, backgrounds, 2, [], columnOf);
    const rects = changedRects(notes, backgrounds, marked, read);
    expect(rects).toEqual({
      notes: [{ row: 0, numRows: 1, column: 1, numColumns: 1 }],
      backgrounds: [{ row: 0, numRows: 1, column: 1, numColumns: 1 }],
    });
    expect(marked.backgrounds[0]![1]).toBeNull();
  });

  it('joins colours only where they were read: a colour not read is never written', () => {
    const notes = blank(6, 1);
    const backgrounds = blank(6, 1);
    const marked = markBlock(notes, backgrounds, 2, [problem(2, 0), problem(7, 0)], columnOf);
    const apart = [
      { row: 0, numRows: 1, column: 0, numColumns: 1 },
      { row: 5, numRows: 1, column: 0, numColumns: 1 },
    ];
    const rects = changedRects(notes, backgrounds, marked, apart);
    // Every note was read: the four between cost less than a call.
    expect(rects.notes).toEqual([{ row: 0, numRows: 6, column: 0, numColumns: 1 }]);
    expect(rects.backgrounds).toEqual(apart);
  });
});
