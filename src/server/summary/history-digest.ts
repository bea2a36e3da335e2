/**
 * History for the Summary, through the History digest: a hidden sheet, protected with a warning,
 * holding each deal's journey (core/history-digest), and beside it in document properties what
 * it covers (core/history-digest/state.ts). A refresh whose digest checks out reads History's
 * header, the last row covered and the rows appended since, and the digest; any other refresh
 * reads History whole and writes the digest again. Either way the numbers get the same entries.
 *
 * The digest is only ever written to a sheet of that name that is blank or has the digest's
 * header in A1 and nothing right of A: a sheet of the same name holding anything else is
 * someone's own, and is left alone (History is then read whole each time).
 */
import { SHEET } from '../../core/columns';
import type { DigestWrite, StoredDigest } from '../../core/history-digest/digest-rows';
import { DIGEST_HEADER, digestWrite, readDigestRows } from '../../core/history-digest/digest-rows';
import type { Journeys } from '../../core/history-digest/journeys';
import { addEntries, journeyHistory } from '../../core/history-digest/journeys';
import type { DigestState } from '../../core/history-digest/state';
import {
  digestHash,
  digestStateText,
  historyReadKey,
  parseDigestState,
  rowFingerprint,
  sampledRows,
} from '../../core/history-digest/state';
import type { ParsedHistory } from '../../core/history-rows';
import { parseHistory } from '../../core/history-rows';
import { documentProperties } from '../document-properties';
import { createHiddenSheet, repairHiddenSheet } from '../hidden-sheet';
import { historyEditMark } from '../history-edit-mark';
import type { Cell, Sheet, Spreadsheet } from '../sheets';
import { writeCells } from '../sheets';
import type { HistorySource } from './history-read';
import { openHistorySource, readHistoryRows } from './history-read';

const STATE_KEY = 'dealPipeline.historyDigest';
/** Rows added beyond what a write needs, so that the next days' appends do not grow the sheet. */
const GROWTH_ROWS = 1_000;

export interface SummaryHistory {
  /** History as the numbers read it; null when there is no History sheet. */
  readonly history: ParsedHistory | null;
  /** Writes the digest and its state for the next refresh: call once every sheet has been read. */
  readonly keep: () => void;
}

/** The digest sheet as found (null when missing), and whether the digest may be written there. */
interface DigestSheet {
  readonly sheet: Sheet | null;
  readonly ours: boolean;
  readonly lastRow: number;
  readonly maxRows: number;
  /** Its header row, and its other rows when a state said how many there are. */
  readonly values?: string[][];
}

/** What a read of History gave: what the numbers read, and what to write so the digest holds it. */
interface HistoryRead {
  readonly read: Pick<ParsedHistory, 'entries' | 'fieldChanges'>;
  readonly skippedRows: number[];
  readonly missingHeaders: string[];
  readonly write: DigestWrite;
  /** The hash of the digest rows kept before `write.from` ('' when none are). */
  readonly keptHash: string;
  /** History's rows as read for the numbers, by sheet row; more are read when asked for. */
  readonly rowAt: RowReader;
}

type RowReader = (row: number) => readonly Cell[];

/** The rows read, and any other row read when first asked for (1 call per run of columns). */
function rowReader(source: HistorySource, firstRow: number, rows: readonly Cell[][]): RowReader {
  const more = new Map<number, Cell[]>();
  return (row) => {
    const read = rows[row - firstRow];
    if (read) return read;
    let cells = more.get(row);
    if (!cells) {
      cells = readHistoryRows(source, row, 1)[0] ?? [];
      more.set(row, cells);
    }
    return cells;
  };
}

/** The fingerprint of History's rows up to `lastRow`: that row and the sampled ones, as read for the numbers. */
function historyFingerprint(lastRow: number, rowAt: RowReader): string {
  if (lastRow < 2) return '';
  return rowFingerprint([lastRow, ...sampledRows(lastRow)].flatMap((row) => rowAt(row)));
}

/**
 * Reads History for the numbers, from the digest when it checks out. 8–14 calls: properties
 * (3), History (4 and 1 per run of columns read), the digest sheet (3–5).
 */
export function readSummaryHistory(spreadsheet: Spreadsheet, timeZone: string): SummaryHistory {
  const properties = documentProperties();
  const stateText = properties?.getProperty(STATE_KEY) ?? null;
  const state = parseDigestState(stateText);
  const editMark = properties ? historyEditMark(properties) : '';
  const source = openHistorySource(spreadsheet);
  if (!source) return { history: null, keep: () => undefined };
  const key = historyReadKey(source.header, timeZone);
  const digest = findDigestSheet(spreadsheet, state?.digestRows);
  const usable = state !== null && digest.ours && state.key === key && state.editMark === editMark;
  const read =
    (usable ? readWithDigest(source, digest, state, timeZone) : null) ?? readWhole(source, timeZone);
  // Read now, as every read comes before the first write.
  const fingerprint = historyFingerprint(source.lastRow, read.rowAt);
  const history: ParsedHistory = {
    ...read.read,
    skippedRows: read.skippedRows,
    missingHeaders: read.missingHeaders,
  };
  const keep = () => {
    const { write } = read;
    // An empty History needs no digest: reading it whole costs nothing.
    if (!properties || !digest.ours || (!digest.sheet && write.rows.length === 0)) return;
    writeDigest(spreadsheet, digest, write);
    const next = digestStateText({
      key,
      historyRows: source.lastRow,
      fingerprint,
      editMark,
      digestRows: write.total,
      hash: digestHash(read.keptHash, write.rows),
    });
    if (next !== stateText) properties.setProperty(STATE_KEY, next);
  };
  return { history, keep };
}

/**
 * The digest sheet, and whether it is the digest's to write. With `expectedRows` (a state was
 * recorded) its rows are read in the same call as its header. 1 call when missing, else 4–5.
 */
function findDigestSheet(spreadsheet: Spreadsheet, expectedRows: number | undefined): DigestSheet {
  const sheet = spreadsheet.getSheetByName(SHEET.historyDigest);
  if (!sheet) return { sheet: null, ours: true, lastRow: 0, maxRows: 0 };
  const lastRow = sheet.getLastRow();
  const found = { sheet, lastRow, maxRows: sheet.getMaxRows() };
  if (lastRow === 0) return { ...found, ours: true };
  if (sheet.getLastColumn() > 1) return { ...found, ours: false };
  const rows = expectedRows !== undefined && lastRow === 1 + expectedRows ? lastRow : 1;
  const values = sheet
    .getRange(1, 1, rows, 1)
    .getValues()
    .map((line) => line.map((cell: unknown) => (cell == null ? '' : String(cell as string))));
  const ours = values[0]?.[0] === DIGEST_HEADER;
  return { ...found, ours, values: ours ? values : undefined };
}

/**
 * Only the rows appended since the digest was written, when everything it covers is as it was:
 * History still holds the last row covered, and the digest's rows hash as recorded. Null when
 * not. 1 call per run of columns read.
 */
function readWithDigest(
  source: HistorySource,
  digest: DigestSheet,
  state: DigestState,
  timeZone: string,
): HistoryRead | null {
  const body = digest.values?.slice(1);
  if (digest.lastRow !== 1 + state.digestRows || body?.length !== state.digestRows) return null;
  if (state.historyRows > source.lastRow) return null;
  if (digestHash('', body) !== state.hash) return null;
  const stored: StoredDigest | null = readDigestRows(body);
  if (!stored) return null;
  // The last row covered, then those appended since.
  const from = Math.max(state.historyRows, 2);
  const rows = readHistoryRows(source, from, source.lastRow - from + 1);
  const rowAt = rowReader(source, from, rows);
  if (historyFingerprint(state.historyRows, rowAt) !== state.fingerprint) return null;
  const added = state.historyRows >= 2 ? rows.slice(1) : rows;
  const parsed = parseHistory([source.parserHeader, ...added], timeZone, state.historyRows + 1);
  const changed = addEntries(stored.journeys, parsed, state.historyRows + 1);
  const skippedRows = [...stored.skippedRows, ...parsed.skippedRows];
  const write = digestWrite(stored, stored.journeys, changed, {
    all: skippedRows,
    added: parsed.skippedRows,
  });
  return {
    read: journeyHistory(stored.journeys),
    skippedRows,
    missingHeaders: parsed.missingHeaders,
    write,
    keptHash: write.from === 0 ? '' : state.hash,
    rowAt,
  };
}

/** All of History. 1 call per run of columns read. */
function readWhole(source: HistorySource, timeZone: string): HistoryRead {
  const rows = readHistoryRows(source, 2, source.lastRow - 1);
  const parsed = parseHistory([source.parserHeader, ...rows], timeZone);
  const journeys: Journeys = new Map();
  addEntries(journeys, parsed, 2);
  return {
    // The same entries the journeys give back (journeys.ts), as read.
    read: parsed,
    skippedRows: parsed.skippedRows,
    missingHeaders: parsed.missingHeaders,
    write: digestWrite(null, journeys, new Set(), { all: parsed.skippedRows, added: [] }),
    keptHash: '',
    rowAt: rowReader(source, 2, rows),
  };
}

/**
 * Appends the digest's new rows, or writes it whole from the header down (clearing the rows it no
 * longer needs), creating the sheet when missing. 1–3 calls to append; 3–6 to write it whole, and
 * 9 more to create it.
 */
function writeDigest(spreadsheet: Spreadsheet, digest: DigestSheet, write: DigestWrite): void {
  const created = digest.sheet ? undefined : createHiddenSheet(spreadsheet, SHEET.historyDigest, PROTECTION);
  const sheet = created?.sheet ?? (digest.sheet as Sheet);
  const maxRows = created?.maxRows ?? digest.maxRows;
  const whole = write.from === 0;
  const rows: Cell[][] = whole ? [[DIGEST_HEADER], ...write.rows] : write.rows;
  const firstRow = whole ? 1 : 2 + write.from;
  const lastRow = firstRow + rows.length - 1;
  if (rows.length > 0 && lastRow > maxRows) sheet.insertRowsAfter(maxRows, lastRow - maxRows + GROWTH_ROWS);
  if (rows.length > 0) writeCells(sheet.getRange(firstRow, 1, rows.length, 1), rows);
  if (whole && digest.lastRow > lastRow)
    sheet.getRange(lastRow + 1, 1, digest.lastRow - lastRow, 1).clearContent();
  if (whole && digest.sheet) repairHiddenSheet(sheet, PROTECTION);
}

const PROTECTION =
  'Deal Pipeline History Digest: kept by Refresh summary, which reads History again after an edit here.';
