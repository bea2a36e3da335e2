/**
 * What a refresh records beside the History digest (in document properties), and the checks
 * that decide whether the next refresh may trust it. History is append-only, so rows below the
 * last one covered are new; anything else (a sorted, cut or edited History, a changed header or
 * time zone, a digest sheet deleted, emptied or edited) makes the next refresh read History
 * whole and write the digest again. How each is caught:
 * - rows deleted, inserted, sorted or cut: the last covered row, or one of a few rows spread over
 *   those covered, no longer holds what it held (the fingerprint), or History has fewer rows
 *   than were covered. (A sort that moves none of them changes nothing the Summary shows unless
 *   one deal has two rows of the very same time or an unreadable row moved: journeys are in time
 *   order whatever the rows' order.)
 * - a user's edit of any History cell: onEdit changes the edit mark (history-edit-mark.ts);
 * - the header (a column moved, renamed, added) or the time zone: the read key;
 * - the digest sheet: its rows are hashed, in order, and compared with the hash recorded.
 */
import { headerColumns, HISTORY_HEADERS } from '../columns';
import { isDate } from '../dates';
import { DIGEST_FORMAT } from './digest-rows';

export interface DigestState {
  readonly format: number;
  /** historyReadKey of the History the digest was read from. */
  readonly key: string;
  /** The last History row the digest covers (1: none, History held only its header). */
  readonly historyRows: number;
  /** rowFingerprint of that row and of the rows sampledRows names, as read for the numbers. */
  readonly fingerprint: string;
  /** The History edit mark as it stood before the covered rows were read. */
  readonly editMark: string;
  /** Rows of the digest sheet below its header, and their hash (digestHash). */
  readonly digestRows: number;
  readonly hash: string;
}

export function digestStateText(state: Omit<DigestState, 'format'>): string {
  return JSON.stringify({ format: DIGEST_FORMAT, ...state });
}

/** The state a refresh recorded, or null when there is none or it is of another format. */
export function parseDigestState(text: string | null | undefined): DigestState | null {
  if (!text) return null;
  try {
    const state = JSON.parse(text) as Partial<DigestState>;
    const ok =
      state.format === DIGEST_FORMAT &&
      typeof state.key === 'string' &&
      Number.isSafeInteger(state.historyRows) &&
      typeof state.fingerprint === 'string' &&
      typeof state.editMark === 'string' &&
      Number.isSafeInteger(state.digestRows) &&
      typeof state.hash === 'string';
    return ok ? (state as DigestState) : null;
  } catch {
    return null;
  }
}

/**
 * Everything besides its rows that a read of History depends on: where each column the numbers
 * read stands, the header's width (a row blank in those columns but not in another counts as
 * skipped) and the time zone (text timestamps and date cells read in it).
 */
export function historyReadKey(header: readonly unknown[], timeZone: string): string {
  const at = HISTORY_HEADERS.map(headerColumns(header));
  return JSON.stringify([timeZone, header.length, at]);
}

/** Rows spread evenly over History's rows 2..`lastRow` - 1, whose cells go in the fingerprint. */
export function sampledRows(lastRow: number): number[] {
  const rows = new Set<number>();
  for (let i = 0; i < SAMPLES; i++) {
    const row = 2 + Math.floor((i * (lastRow - 2)) / SAMPLES);
    if (row < lastRow) rows.add(row);
  }
  return [...rows];
}

const SAMPLES = 8;

/** Cells as read, in a short text that changes when any of them does. */
export function rowFingerprint(cells: readonly unknown[]): string {
  return digestHash('', [
    cells.map((cell) => (isDate(cell) ? `d${cell.getTime()}` : `${typeof cell}:${String(cell as string)}`)),
  ]);
}

/**
 * The hash of digest rows written after rows whose hash was `previous` ('' for none): two 32-bit
 * FNV-style lanes (64 bits, so an edit that keeps the hash is out of reach) run over every
 * character, and the hash is their state, so appending rows goes on from where it stood.
 */
/** Looked up once, not for each of the millions of characters a digest holds. */
const imul = Math.imul;

export function digestHash(previous: string, rows: readonly (readonly string[])[]): string {
  const [first, second] = previous.split('.');
  let a = previous === '' ? 0x811c9dc5 : parseInt(first ?? '', 36) | 0;
  let b = previous === '' ? 0x01000193 : parseInt(second ?? '', 36) | 0;
  for (const row of rows) {
    // Each cell, then a unit separator; each row, then a record separator.
    const text = `${row.join('\u001f')}\u001e`;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = imul(a ^ c, 0x01000193);
      b = imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
}
