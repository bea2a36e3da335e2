/**
 * Marks on bad cells: a note saying what is wrong and a light background. Marks never change a
 * value, and never take away what a user put there: a user's own note stays below ours and comes
 * back whole when the problem is fixed; a cell the user coloured keeps its colour (the note marks
 * it). Only backgrounds in the add-on's own mark colours are ever cleared.
 */
import type { DealProblem } from './problems';

export const MARK_COLORS = { error: '#f4c7c3', warning: '#fce8b2' } as const;
export const NOTE_PREFIX = 'Deal Pipeline › ';
const DEFAULT_BACKGROUNDS = new Set(['', '#ffffff', 'white']);
const OUR_COLORS = new Set<string>(Object.values(MARK_COLORS));

export interface MarkedBlock {
  readonly notes: string[][];
  /** null restores the default background. */
  readonly backgrounds: (string | null)[][];
  /** False when every cell already looked like this: nothing to write. */
  readonly changed: boolean;
}

/** A note without the add-on's lines: what the user wrote, if anything. */
export function userPartOf(note: string): string {
  if (!note.startsWith(NOTE_PREFIX)) return note;
  const lines = note.split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.startsWith(NOTE_PREFIX)) i++;
  if (lines[i] === '') i++;
  return lines.slice(i).join('\n');
}

/**
 * The notes and backgrounds of a block of rows (first sheet row `firstRow`, every column from
 * column 1) after marking `problems` — which must be every problem of those rows: a cell with no
 * problem loses its old mark. `columnOf` gives a problem's 0-based column, or -1 for none.
 */
export function markBlock(
  notes: readonly (readonly string[])[],
  backgrounds: readonly (readonly string[])[],
  firstRow: number,
  problems: readonly DealProblem[],
  columnOf: (problem: DealProblem) => number,
): MarkedBlock {
  const byCell = new Map<string, { severity: 'error' | 'warning'; lines: string[] }>();
  for (const problem of problems) {
    const column = columnOf(problem);
    const r = problem.row - firstRow;
    if (column < 0 || r < 0 || r >= notes.length) continue;
    const key = `${r}:${column}`;
    const mark = byCell.get(key) ?? { severity: problem.severity, lines: [] };
    if (problem.severity === 'error') mark.severity = 'error';
    const line = `${NOTE_PREFIX}${problem.message}`;
    if (!mark.lines.includes(line)) mark.lines.push(line);
    byCell.set(key, mark);
  }

  let changed = false;
  const outNotes: string[][] = [];
  const outBackgrounds: (string | null)[][] = [];
  notes.forEach((row, r) => {
    const noteRow: string[] = [];
    const backgroundRow: (string | null)[] = [];
    row.forEach((note, c) => {
      const background = (backgrounds[r]?.[c] ?? '').toLowerCase();
      const mark = byCell.get(`${r}:${c}`);
      const user = userPartOf(note);
      let nextNote = user;
      let nextBackground: string | null = background;
      if (mark) {
        nextNote = user === '' ? mark.lines.join('\n') : `${mark.lines.join('\n')}\n\n${user}`;
        if (DEFAULT_BACKGROUNDS.has(background) || OUR_COLORS.has(background))
          nextBackground = MARK_COLORS[mark.severity];
      } else if (OUR_COLORS.has(background)) {
        nextBackground = null;
      }
      if (nextNote !== note || nextBackground !== background) changed = true;
      noteRow.push(nextNote);
      backgroundRow.push(
        nextBackground === background && DEFAULT_BACKGROUNDS.has(background) ? null : nextBackground,
      );
    });
    outNotes.push(noteRow);
    outBackgrounds.push(backgroundRow);
  });
  return { notes: outNotes, backgrounds: outBackgrounds, changed };
}
