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

export const MARK_COLORS = { error: '#f4c7c3', warning: '#fce8b2' } as const;
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
  const lines = note.split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.startsWith(NOTE_PREFIX)) i++;
  return lines.slice(0, i);
}

/** A note without the add-on's lines: what the user wrote, if anything. */
export function userPartOf(note: string): string {
  const ours = ourLinesOf(note).length;
  if (ours === 0) return note;
  const rest = note.split('\n').slice(ours);
  return (rest[0] === '' ? rest.slice(1) : rest).join('\n');
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
  // Keyed by the block's row and column: a problem outside the block, or in no column (-1), is
  // never looked up below.
  const byCell = new Map<string, { severity: 'error' | 'warning'; lines: string[] }>();
  for (const problem of problems) {
    const column = columnOf(problem);
    const r = problem.row - firstRow;
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
