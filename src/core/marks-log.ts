/**
 * The marks log: which cells of Deals may carry a mark of the add-on's, by deal ID and field, so
 * that Validate all deals reads the notes of those cells and of the cells with a problem, not of
 * the whole sheet (issue 12). Every writer of marks logs the cells it marks: Validate all deals
 * writes the log whole, onEdit and the sidebar add a line. An ID names the row however rows are
 * sorted or moved, a field its column however columns are. A mark the add-on could not name (a
 * deal without an ID, an ID with spaces) is logged as "anywhere": the next Validate all deals
 * then reads every note. The log lives in the spreadsheet (a hidden sheet), so a copy of the
 * spreadsheet or an older version of it brings back the log of its own marks.
 */
import type { DealFieldKey } from './columns';
import { DEAL_FIELDS } from './columns';

/** The log sheet's first cell: what the sheet is, and the mark that it is ours. */
export const MARKS_LOG_HEADER =
  'Deal Pipeline marks log: the cells of Deals that may carry a mark (deal ID:field). Kept by the add-on.';

/** A cell that may carry a mark: the deal (its ID, '' when it has none) and the field. */
export interface MarkEntry {
  readonly id: string;
  readonly field: DealFieldKey;
}

const ANYWHERE = '*';
/** A cell holds at most 50,000 characters; a log line stays well under. */
const LINE_LIMIT = 40_000;
/** An ID a log line can hold as it is: it starts with a letter or digit, so no line reads as a formula. */
const NAMEABLE_ID = /^[A-Za-z0-9][\w.-]*$/;
const FIELD_KEYS = new Set<string>(DEAL_FIELDS.map((field) => field.key));

/** The entries as log lines: sorted, each once, as few lines as fit in a cell; [] for none. */
export function logLines(entries: Iterable<MarkEntry>): string[] {
  const words = new Set<string>();
  for (const { id, field } of entries) words.add(NAMEABLE_ID.test(id) ? `${id}:${field}` : ANYWHERE);
  const lines: string[] = [];
  let line = '';
  for (const word of [...words].sort()) {
    if (line !== '' && line.length + 1 + word.length > LINE_LIMIT) {
      lines.push(line);
      line = '';
    }
    line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** What the log says: marks may be anywhere, or only in these fields of these deals. */
export interface MarksLog {
  readonly anywhere: boolean;
  readonly fields: ReadonlyMap<string, ReadonlySet<DealFieldKey>>;
}

/** The log's lines (after its header) read back; a word the add-on never writes means anywhere. */
export function parseLog(lines: readonly string[]): MarksLog {
  const fields = new Map<string, Set<DealFieldKey>>();
  for (const line of lines) {
    for (const word of line.split(' ')) {
      if (word === '') continue;
      const colon = word.lastIndexOf(':');
      const id = word.slice(0, colon);
      const field = word.slice(colon + 1);
      if (colon < 1 || !FIELD_KEYS.has(field) || !NAMEABLE_ID.test(id)) return { anywhere: true, fields };
      const known = fields.get(id);
      if (known) known.add(field as DealFieldKey);
      else fields.set(id, new Set([field as DealFieldKey]));
    }
  }
  return { anywhere: false, fields };
}

/**
 * The cells the log names in a block of rows: for each row, every ID it is known by (its ID as
 * read, and as the add-on leaves it when that differs), the logged fields' columns in `columns`,
 * the sheet's layout (−1: the sheet has no such column, and so no mark of it), as [block row,
 * column].
 */
export function loggedCells(
  log: MarksLog,
  idsOfRows: readonly (readonly string[])[],
  columns: Readonly<Record<DealFieldKey, number>>,
): [row: number, column: number][] {
  const cells: [number, number][] = [];
  if (log.fields.size === 0) return cells;
  idsOfRows.forEach((ids, r) => {
    ids.forEach((id, k) => {
      // An ID the row is known by twice names its cells once.
      if (ids.indexOf(id) !== k) return;
      for (const field of log.fields.get(id) ?? []) {
        const column = columns[field];
        if (column >= 0) cells.push([r, column]);
      }
    });
  });
  return cells;
}

/**
 * The cells `problems` mark (those of a field the sheet has a column for in `columns`, its
 * layout's: −1 for none), as log entries: each problem's deal by its row's ID in `idOfRow` (''
 * when the row has none).
 */
export function entriesOf(
  problems: readonly { readonly row: number; readonly field: DealFieldKey }[],
  idOfRow: ReadonlyMap<number, string>,
  columns: Readonly<Record<DealFieldKey, number>>,
): MarkEntry[] {
  return problems
    .filter((problem) => columns[problem.field] >= 0)
    .map((problem) => ({ id: idOfRow.get(problem.row) ?? '', field: problem.field }));
}
