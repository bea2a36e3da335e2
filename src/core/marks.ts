/**
 * Marks on bad cells: a note saying what is wrong and a light background. Marks never change a
 * value, and never take away what a user put there: a user's own note stays below ours and comes
 * back whole when the problem is fixed; a cell the user coloured keeps its colour (the note marks
 * it). The add-on's mark is its note and its colour together: a background is cleared only when
 * it is a mark colour on a cell whose note starts with ours. A user may pick the mark colour too
 * (or copy a marked cell's format): without our note it is theirs, and when we mark such a cell
 * our note says the colour is theirs (KEPT_COLOR_LINE) so that it stays once the problem is fixed.
 */
import type { DealProblem } from './problems';

const MARK_COLORS = { error: '#f4c7c3', warning: '#fce8b2' } as const;
const NOTE_PREFIX = 'Deal Pipeline › ';
/** Our last note line on a marked cell whose colour, a mark colour, the user chose. */
const KEPT_COLOR_LINE = `${NOTE_PREFIX}This colour is yours: it stays when this is fixed.`;
const DEFAULT_BACKGROUNDS = new Set(['', '#ffffff', 'white']);
const OUR_COLORS = new Set<string>(Object.values(MARK_COLORS));

export interface MarkedBlock {
  readonly notes: string[][];
  /** null restores the default background. */
  readonly backgrounds: (string | null)[][];
  /** False when every cell already looked like this: nothing to write. */
  readonly changed: boolean;
}

/** The add-on's lines at the top of a note: none when the note does not start with ours. */
function ourLinesOf(note: string): string[] {
  // Most cells have no note, or only the user's: no need to split them (a sheet has a million).
  if (!note.startsWith(NOTE_PREFIX)) return [];
  const lines = note.split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.startsWith(NOTE_PREFIX)) i++;
  return lines.slice(0, i);
}

/** A note without the add-on's lines: what the user wrote, if anything. */
function userPartOf(note: string): string {
  const ours = ourLinesOf(note).length;
  if (ours === 0) return note;
  const rest = note.split('\n').slice(ours);
  return (rest[0] === '' ? rest.slice(1) : rest).join('\n');
}

/**
 * The notes and backgrounds of a block of rows (first sheet row `firstRow`, every column from
 * column 1) after marking `problems` — which must be every problem of those rows: a cell with no
 * problem loses its old mark. `columnOf` gives a problem's 0-based column, or -1 for none. A cell
 * (or a row) whose note was not read is a hole in `notes`, and stays one in the result: it is left
 * as it is, so every cell with a problem must have been read.
 */
export function markBlock(
  notes: readonly (readonly string[])[],
  backgrounds: readonly (readonly string[])[],
  firstRow: number,
  problems: readonly DealProblem[],
  columnOf: (problem: DealProblem) => number,
): MarkedBlock {
  // By the block's row, then column: a problem outside the block, or in no column (-1), is never
  // looked up below.
  const byRow = new Map<number, Map<number, { severity: 'error' | 'warning'; lines: string[] }>>();
  for (const problem of problems) {
    const column = columnOf(problem);
    const r = problem.row - firstRow;
    let marks = byRow.get(r);
    if (!marks) byRow.set(r, (marks = new Map<number, { severity: 'error' | 'warning'; lines: string[] }>()));
    const mark = marks.get(column) ?? { severity: problem.severity, lines: [] };
    if (problem.severity === 'error') mark.severity = 'error';
    const line = `${NOTE_PREFIX}${problem.message}`;
    if (!mark.lines.includes(line)) mark.lines.push(line);
    marks.set(column, mark);
  }

  let changed = false;
  // Row by row and cell by cell by index, so that a row or a cell whose note was not read (a
  // hole) stays one, and is never written: forEach passes over holes, and so over every cell a
  // sparse read left out (a sheet of 50,000 rows is not walked for the few hundred cells read).
  const outNotes = new Array<string[]>(notes.length);
  const outBackgrounds = new Array<(string | null)[]>(notes.length);
  notes.forEach((row, r) => {
    const noteRow = new Array<string>(row.length);
    const backgroundRow = new Array<string | null>(row.length);
    const marks = byRow.get(r);
    row.forEach((note, c) => {
      const background = (backgrounds[r]?.[c] ?? '').toLowerCase();
      const mark = marks?.get(c);
      // Neither a problem nor a note of ours: the cell stays as it is (most cells of a sheet).
      if (!mark && !note.startsWith(NOTE_PREFIX)) {
        noteRow[c] = note;
        backgroundRow[c] = DEFAULT_BACKGROUNDS.has(background) ? null : background;
        return;
      }
      const user = userPartOf(note);
      const ours = ourLinesOf(note);
      // Our colour: a mark colour under our note, unless that note says the user chose it.
      const ourColor = OUR_COLORS.has(background) && ours.length > 0 && !ours.includes(KEPT_COLOR_LINE);
      const usersColor = !DEFAULT_BACKGROUNDS.has(background) && !ourColor;
      let nextNote = user;
      let nextBackground: string | null = background;
      if (mark) {
        const lines =
          usersColor && OUR_COLORS.has(background) ? [...mark.lines, KEPT_COLOR_LINE] : mark.lines;
        nextNote = user === '' ? lines.join('\n') : `${lines.join('\n')}\n\n${user}`;
        if (!usersColor) nextBackground = MARK_COLORS[mark.severity];
      } else if (ourColor) {
        nextBackground = null;
      }
      if (nextNote !== note || nextBackground !== background) changed = true;
      noteRow[c] = nextNote;
      backgroundRow[c] =
        nextBackground === background && DEFAULT_BACKGROUNDS.has(background) ? null : nextBackground;
    });
    outNotes[r] = noteRow;
    outBackgrounds[r] = backgroundRow;
  });
  return { notes: outNotes, backgrounds: outBackgrounds, changed };
}

/** A rectangle of a block of rows: 0-based row and column offsets within the block. */
export interface BlockRect {
  readonly row: number;
  readonly numRows: number;
  readonly column: number;
  readonly numColumns: number;
}

/** Cells of a block: each block row with cells in it, and their 0-based columns. */
export type CellSet = Map<number, Set<number>>;

function addCell(cells: CellSet, r: number, c: number): void {
  const row = cells.get(r);
  if (row) row.add(c);
  else cells.set(r, new Set([c]));
}

/**
 * What a rectangle costs, in cells (issue 12's model, from Google's batch-operation guidance and
 * published getValues / setValues benchmarks). The ranges of all the rectangles come from one
 * Sheet.getRangeList call, so a rectangle costs its read or write alone: reading one more (a
 * cached read, 1.5 ms) as much as reading 150 more cells (0.01 ms each); writing one more (1.2 ms)
 * as much as writing 17 more (0.07 ms each). Cells closer than that go as one rectangle.
 */
const CELLS_PER_READ = 150;
const CELLS_PER_WRITE = 17;

/**
 * The cells with a problem, within a block of `count` rows and `width` columns starting at sheet
 * row `firstRow`, and the cells of `also`: what Validate all deals reads the notes of when it
 * knows where its marks are (a problem's cell may hold the user's note, which a mark keeps).
 */
export function cellsToRead(
  count: number,
  width: number,
  firstRow: number,
  problems: readonly DealProblem[],
  columnOf: (problem: DealProblem) => number,
  also: Iterable<readonly [row: number, column: number]>,
): CellSet {
  const cells: CellSet = new Map();
  const add = (r: number, c: number) => {
    if (r >= 0 && r < count && c >= 0 && c < width) addCell(cells, r, c);
  };
  for (const problem of problems) add(problem.row - firstRow, columnOf(problem));
  for (const [r, c] of also) add(r, c);
  return cells;
}

/**
 * The cells whose backgrounds marking must know: those with a problem, and those holding one of
 * the add-on's notes (its mark may have to go). Every other cell keeps its note and colour
 * whatever its colour is, so its background is never needed.
 */
export function cellsToCheck(
  notes: readonly (readonly string[])[],
  firstRow: number,
  problems: readonly DealProblem[],
  columnOf: (problem: DealProblem) => number,
): CellSet {
  const width = notes.reduce((widest, line) => Math.max(widest, line.length), 0);
  return cellsToRead(notes.length, width, firstRow, problems, columnOf, cellsWithOurNotes(notes));
}

function* cellsWithOurNotes(notes: readonly (readonly string[])[]): Generator<readonly [number, number]> {
  for (let r = 0; r < notes.length; r++) {
    const line = notes[r];
    if (!line) continue;
    for (let c = 0; c < line.length; c++) if (line[c]?.startsWith(NOTE_PREFIX)) yield [r, c];
  }
}

const area = (rect: BlockRect) => rect.numRows * rect.numColumns;

/**
 * Rectangles covering `lines` (cells grouped by their line: a row, or a column when transposed),
 * line by line: a line's cells in spans while the cells between cost less than a call, and each
 * span merged with the rectangle before it while that adds fewer than `perCall` cells.
 */
function coverLines(lines: CellSet, perCall: number): BlockRect[] {
  const rects: BlockRect[] = [];
  const place = (line: number, first: number, last: number) => {
    const own: BlockRect = { row: line, numRows: 1, column: first, numColumns: last - first + 1 };
    const prev = rects[rects.length - 1];
    if (prev) {
      const column = Math.min(prev.column, first);
      const merged: BlockRect = {
        row: prev.row,
        numRows: line - prev.row + 1,
        column,
        numColumns: Math.max(prev.column + prev.numColumns - 1, last) - column + 1,
      };
      if (area(merged) - area(prev) - area(own) < perCall) {
        rects[rects.length - 1] = merged;
        return;
      }
    }
    rects.push(own);
  };
  for (const line of [...lines.keys()].sort((a, b) => a - b)) {
    const at = [...lines.get(line)!].sort((a, b) => a - b);
    let first = at[0]!;
    let last = first;
    for (const c of at.slice(1)) {
      if (c - last - 1 < perCall) {
        last = c;
        continue;
      }
      place(line, first, last);
      first = last = c;
    }
    place(line, first, last);
  }
  return rects;
}

function transpose(cells: CellSet): CellSet {
  const out: CellSet = new Map();
  for (const [r, columns] of cells) for (const c of columns) addCell(out, c, r);
  return out;
}

/**
 * Rectangles covering `cells` for as little as they cost (a call `perCall` cells): taken row by
 * row, or column by column, whichever costs less. Marks scattered down a long sheet go by
 * column (a bad Close Date every twenty rows is one read of the column); a row's marks go by row.
 */
function cover(cells: CellSet, perCall: number): BlockRect[] {
  if (cells.size === 0) return [];
  const byRow = coverLines(cells, perCall);
  const byColumn = coverLines(transpose(cells), perCall).map((rect): BlockRect => ({
    row: rect.column,
    numRows: rect.numColumns,
    column: rect.row,
    numColumns: rect.numRows,
  }));
  const cost = (rects: readonly BlockRect[]) =>
    rects.reduce((sum, rect) => sum + area(rect), rects.length * perCall);
  return cost(byColumn) < cost(byRow) ? byColumn : byRow;
}

/** Where to read notes or backgrounds: the cells, in as few reads as pays. */
export function readRects(cells: CellSet): BlockRect[] {
  return cover(cells, CELLS_PER_READ);
}

const backgroundKey = (color: string | null | undefined): string => {
  const lower = (color ?? '').toLowerCase();
  return DEFAULT_BACKGROUNDS.has(lower) ? '' : lower;
};

/** The cells that take one colour (null: the default), as rectangles: one RangeList call. */
export interface ColorWrite {
  readonly color: string | null;
  readonly rects: readonly BlockRect[];
}

/** Rectangles to write: notes one rectangle a call, colours one call a colour. */
interface MarkWrites {
  readonly notes: readonly BlockRect[];
  readonly backgrounds: readonly ColorWrite[];
}

/**
 * Where `marked` differs from the notes and backgrounds it was made from. Notes, which differ
 * cell by cell, go as rectangles: each changed cell once, neighbours together while that costs
 * less than another call, and never outside the rectangle of notes it was read in (`read`; none:
 * every note of the block was read), so a cell written that does not change is written as it was
 * read, never over with nothing. Colours go by colour, each exactly over the cells that change to
 * it, so a colour that was not read is never written: a sheet of scattered marks costs one call
 * a colour, not one a cell. A cell whose colour was not read had no problem and no mark of ours
 * and is taken to be as it was (readMarks reads every other, cellsToCheck). A sheet whose marks
 * are already right costs no write.
 */
export function changedRects(
  notes: readonly (readonly string[])[],
  backgrounds: readonly (readonly string[])[],
  marked: MarkedBlock,
  read?: readonly BlockRect[],
): MarkWrites {
  const regions = read ?? [{ row: 0, numRows: notes.length, column: 0, numColumns: notes[0]?.length ?? 0 }];
  const noteRects = regions.flatMap((region) => {
    const changed: CellSet = new Map();
    for (let r = region.row; r < region.row + region.numRows; r++) {
      for (let c = region.column; c < region.column + region.numColumns; c++) {
        if (marked.notes[r]?.[c] !== notes[r]?.[c]) addCell(changed, r, c);
      }
    }
    return cover(changed, CELLS_PER_WRITE);
  });
  const colors = new Map<
    string,
    { color: string | null; rects: { -readonly [K in keyof BlockRect]: number }[] }
  >();
  /** The rectangle a run of one colour in one row extends: same colour and columns, the row above. */
  const open = new Map<string, { -readonly [K in keyof BlockRect]: number }>();
  const addRun = (r: number, first: number, last: number, color: string | null) => {
    const key = backgroundKey(color);
    const group = colors.get(key) ?? { color: key === '' ? null : key, rects: [] };
    colors.set(key, group);
    const at = `${key}|${first}|${last}`;
    const above = open.get(at);
    if (above && above.row + above.numRows === r) {
      above.numRows++;
      return;
    }
    const rect = { row: r, numRows: 1, column: first, numColumns: last - first + 1 };
    group.rects.push(rect);
    open.set(at, rect);
  };
  marked.backgrounds.forEach((line, r) => {
    if (backgrounds[r] === undefined) return;
    let run: { first: number; last: number; color: string | null } | undefined;
    line.forEach((next, c) => {
      if (backgroundKey(next) === backgroundKey(backgrounds[r]?.[c])) return;
      if (run && run.last === c - 1 && backgroundKey(run.color) === backgroundKey(next)) {
        run.last = c;
        return;
      }
      if (run) addRun(r, run.first, run.last, run.color);
      run = { first: c, last: c, color: next };
    });
    if (run) addRun(r, run.first, run.last, run.color);
  });
  return { notes: noteRects, backgrounds: [...colors.values()] };
}
