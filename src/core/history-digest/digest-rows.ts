/**
 * The History digest's rows: one cell per row, `ID|journey`, one row per deal (more for a journey
 * longer than a cell holds), plus rows `|2-5,9` that list the History rows skipped as unreadable.
 * A refresh appends the rows of the deals whose journey changed, and a deal's later row wins; the
 * digest is written whole again once the rows so replaced pass a quarter of those in use. One
 * cell a deal, not two: every cell written costs time, and the ID column would say nothing more.
 *
 * A journey is `from,via`, then `;to,time` per stage change, then `^field,from,to,via,time,order`
 * per row with a Field; a stage change's time is in ms after the one before (the first since the
 * epoch). Text from History is escaped (`%`, `|`, `;`, `,`, `^` and `+` as %XX), so a row that
 * goes on from the row above, which starts with `+`, cannot be taken for a deal's. A new format
 * (per-deal counts in place of the Field rows, say) changes DIGEST_FORMAT, and the next refresh
 * builds the digest again.
 */
import type { DealJourney, Journeys, KeptFieldChange } from './journeys';

/** The digest sheet's header, A1: what each row holds. */
export const DIGEST_HEADER = 'ID|Journey';

/** What a refresh finds when the digest's rows do not say this, or say it differently. */
export const DIGEST_FORMAT = 2;

/** A cell holds 50,000 characters; a literal-text apostrophe and a margin stay below that. */
const CELL_TEXT = 40_000;
const CONTINUED = '+';
const ID = '|';
const STEP = ';';
const CHANGE = '^';
const PART = ',';

/** History repeats a handful of stage names and Vias thousands of times: each is escaped once. */
const escaped = new Map<string, string>();

function escapeText(text: string): string {
  let done = escaped.get(text);
  if (done === undefined) {
    done = text.replace(/[%|;,^+]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    if (escaped.size < 1_000) escaped.set(text, done);
  }
  return done;
}

function unescapeText(text: string): string {
  return text.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Looked up once, not for each of the hundreds of thousands of times a digest holds. */
const { isSafeInteger, isFinite: isFiniteNumber } = Number;
const toNumber = Number;

/**
 * A time as milliseconds after `previous`, exact for whole milliseconds (all History holds);
 * any other number as it is, after "~".
 */
function timeText(ms: number, previous = 0): string {
  return isSafeInteger(ms) && isSafeInteger(previous) ? `${ms - previous}` : `~${ms}`;
}

function timeOf(text: string, previous = 0): number {
  const ms = text.startsWith('~') ? toNumber(text.slice(1)) : previous + toNumber(text);
  return text === '' || !isFiniteNumber(ms) ? NaN : ms;
}

function journeyText(journey: DealJourney): string {
  let text = `${escapeText(journey.from)}${PART}${escapeText(journey.via)}`;
  journey.to.forEach((to, i) => {
    text += `${STEP}${escapeText(to)}${PART}${timeText(journey.at[i] as number, journey.at[i - 1])}`;
  });
  for (const c of journey.fieldChanges) {
    const texts = [c.field, c.from, c.to, c.via].map(escapeText);
    text += `${CHANGE}${[...texts, timeText(c.at), timeText(c.order)].join(PART)}`;
  }
  return text;
}

/** The journey a text holds, or null when it is not one journeyText wrote. */
function journeyOf(text: string): DealJourney | null {
  const [head = '', ...changes] = text.split(CHANGE);
  const [began = '', ...steps] = head.split(STEP);
  const start = began.split(PART);
  if (start.length !== 2 || steps.length + changes.length === 0) return null;
  const journey: DealJourney = {
    from: unescapeText(start[0] as string),
    via: unescapeText(start[1] as string),
    to: [],
    at: [],
    fieldChanges: [],
  };
  for (const step of steps) {
    const parts = step.split(PART);
    const at = timeOf(parts[1] ?? '', journey.at[journey.at.length - 1]);
    if (parts.length !== 2 || Number.isNaN(at)) return null;
    journey.to.push(unescapeText(parts[0] as string));
    journey.at.push(at);
  }
  for (const change of changes) {
    const kept = fieldChangeOf(change.split(PART));
    if (!kept) return null;
    journey.fieldChanges.push(kept);
  }
  return journey;
}

function fieldChangeOf(parts: readonly string[]): KeptFieldChange | null {
  const [field = '', from = '', to = '', via = '', at = '', order = ''] = parts;
  const time = timeOf(at);
  const place = timeOf(order);
  if (parts.length !== 6 || Number.isNaN(time) || Number.isNaN(place)) return null;
  const [f, a, b, v] = [field, from, to, via].map(unescapeText) as [string, string, string, string];
  return { order: place, at: time, field: f, from: a, to: b, via: v };
}

/** The rows of the given deals' journeys, in that order. */
function journeyRows(journeys: Journeys, ids: Iterable<string>): string[][] {
  const rows: string[][] = [];
  for (const id of ids) {
    const journey = journeys.get(id);
    if (!journey) continue;
    const text = `${escapeText(id)}${ID}${journeyText(journey)}`;
    for (let at = 0; at < text.length; at += CELL_TEXT) {
      rows.push([at === 0 ? text.slice(0, CELL_TEXT) : CONTINUED + text.slice(at, at + CELL_TEXT)]);
    }
  }
  return rows;
}

/** Skipped History rows (ascending) as runs such as "2-5,9", a few thousand a row. */
function skippedRowsRows(skipped: readonly number[]): string[][] {
  const runs: string[] = [];
  for (let i = 0; i < skipped.length;) {
    let j = i;
    while (j + 1 < skipped.length && skipped[j + 1] === (skipped[j] as number) + 1) j++;
    runs.push(i === j ? `${skipped[i]}` : `${skipped[i]}-${skipped[j]}`);
    i = j + 1;
  }
  const rows: string[][] = [];
  const perCell = 2_000;
  for (let at = 0; at < runs.length; at += perCell) rows.push([ID + runs.slice(at, at + perCell).join(PART)]);
  return rows;
}

function skippedOf(text: string): number[] | null {
  const rows: number[] = [];
  for (const run of text.split(PART)) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(run);
    if (!match) return null;
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    for (let row = first; row <= last; row++) rows.push(row);
  }
  return rows;
}

/** The digest as read back: the journeys, the skipped History rows, and how its rows are used. */
export interface StoredDigest {
  readonly journeys: Journeys;
  readonly skippedRows: number[];
  /** Rows in the digest below its header. */
  readonly rows: number;
  /** Rows holding a journey a later row replaced. */
  readonly supersededRows: number;
  /** Rows each deal's journey in use takes. */
  readonly rowsOf: Map<string, number>;
}

/** The digest's rows below the header, or null when they are not rows the digest wrote. */
export function readDigestRows(rows: readonly (readonly string[])[]): StoredDigest | null {
  const texts = new Map<string, string>();
  const rowsOf = new Map<string, number>();
  const skippedRows: number[] = [];
  let supersededRows = 0;
  let current: string | undefined;
  for (const [cell = ''] of rows) {
    const split = cell.indexOf(ID);
    if (cell.startsWith(CONTINUED)) {
      if (current === undefined) return null;
      texts.set(current, (texts.get(current) as string) + cell.slice(CONTINUED.length));
      rowsOf.set(current, (rowsOf.get(current) as number) + 1);
    } else if (split === 0) {
      const skipped = skippedOf(cell.slice(ID.length));
      if (!skipped) return null;
      skippedRows.push(...skipped);
      current = undefined;
    } else if (split > 0) {
      const id = unescapeText(cell.slice(0, split));
      supersededRows += rowsOf.get(id) ?? 0;
      // Map.set keeps a deal where it first stood.
      texts.set(id, cell.slice(split + ID.length));
      rowsOf.set(id, 1);
      current = id;
    } else return null;
  }
  const journeys: Journeys = new Map();
  for (const [id, text] of texts) {
    const journey = journeyOf(text);
    if (!journey) return null;
    journeys.set(id, journey);
  }
  return { journeys, skippedRows, rows: rows.length, supersededRows, rowsOf };
}

/**
 * What the digest's rows below the header become: the changed deals' rows (and newly skipped
 * History rows) appended after `from`, or, from the first row, the whole digest when replaced
 * rows would pass a quarter of those in use.
 */
export interface DigestWrite {
  /** Rows below the header kept as they are; the new rows go after them. */
  readonly from: number;
  readonly rows: string[][];
  /** Rows below the header once written. */
  readonly total: number;
}

export function digestWrite(
  stored: StoredDigest | null,
  journeys: Journeys,
  changed: ReadonlySet<string>,
  skippedRows: { readonly all: readonly number[]; readonly added: readonly number[] },
): DigestWrite {
  if (stored) {
    const appended = [...journeyRows(journeys, changed), ...skippedRowsRows(skippedRows.added)];
    let superseded = stored.supersededRows;
    let inUse = stored.rows - stored.supersededRows + appended.length;
    for (const id of changed) {
      const before = stored.rowsOf.get(id) ?? 0;
      superseded += before;
      inUse -= before;
    }
    if (superseded * 4 <= inUse)
      return { from: stored.rows, rows: appended, total: stored.rows + appended.length };
  }
  const rows = [...journeyRows(journeys, journeys.keys()), ...skippedRowsRows(skippedRows.all)];
  return { from: 0, rows, total: rows.length };
}
