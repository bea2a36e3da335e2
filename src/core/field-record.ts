/**
 * What the add-on last saw of each deal's Close Date and Amount, beside the stage record
 * (stage-record.ts) in document properties. Apps Script gives no old values for a paste or a
 * fill-down, so this is what tells which open deals' Close Date or Amount a block edit changed
 * (History records those changes: field-changes.ts).
 *
 * Like the stage record, it is one string by deal number: deal D-n owns five characters at
 * position 5n of `dealPipeline.fields.<chunk>`, in 8,000-character chunks (1,600 deals each):
 * - three for the Close Date, in base 94: 0 for none, else the day counted from 1899-12-31
 *   (1900-01-01 is 1), which reaches the year 4174;
 * - two for the Amount, 8,836 codes: 0 for none; 1–8,000 for a whole amount of at most three
 *   significant digits (m × 10^e, m < 1,000, e ≤ 7: 12,500 or 1,200,000, as deal amounts mostly
 *   are), which the record holds exactly; any other amount (12,345, 99.90) is hashed into the
 *   last 835 codes, a mark that tells that it changed (a change between two such amounts goes
 *   unseen once in 835) but not from what, and History's From is then left blank.
 * Spaces mean "not seen yet". 50,000 deals take 250 KB, and 350 KB with the stage record, of the
 * 500 KB document properties allow. A record written before this one existed has no such chunks,
 * and reads as nothing seen yet. Single-cell edits, the sidebar and import know the old value and
 * do not need the record; it is there for block edits.
 */
import { dayFromParts } from './dates';
import { dealIdNumber } from './transitions';
import type { CalendarDay } from './types';

const PREFIX = 'dealPipeline.fields.';
const CHUNK_KEY = (n: number) => `${PREFIX}${n}`;
const CHUNK = 8_000;
const WIDTH = 5;
const DEALS_PER_CHUNK = CHUNK / WIDTH;
const DATE_CHARS = 3;
const AMOUNT_CHARS = 2;
const FIRST_CODE = 0x21;
const CODES = 94;
const NONE = ' ';
/** Code 1 is 1900-01-01. */
const DAY_BEFORE_FIRST = dayFromParts(1899, 12, 31);
const DATE_CODES = CODES ** DATE_CHARS;
const AMOUNT_CODES = CODES ** AMOUNT_CHARS;
const MANTISSAS = 1_000;
const EXPONENTS = 8;
const EXACT_CODES = MANTISSAS * EXPONENTS;
/** Ten digits: 999 × 10^7 is the largest exact amount. */
const EXACT_BELOW = MANTISSAS * 10 ** (EXPONENTS - 1);

/** What the record holds of an Amount: the amount itself (null: blank), or only its mark. */
export type RecordedAmount = { readonly exact: number | null } | { readonly mark: number };

/** What one deal's cells now hold; a field left out is not known (its cell cannot be read). */
export interface FieldsSeen {
  readonly id: string;
  readonly closeDate?: CalendarDay | null;
  readonly amount?: number | null;
}

/**
 * The code an Amount is kept as (see the header): exact when it fits, else a hash. Saved codes
 * keep their meaning: this function never changes, or every mark saved before reads as changed.
 */
export function amountMark(amount: number | null): number {
  if (amount === null) return 0;
  if (Number.isInteger(amount) && amount >= 0 && amount < EXACT_BELOW) {
    // The digits past the first three must be zeros.
    const exponent = Math.max(0, String(amount).length - 3);
    const mantissa = amount / 10 ** exponent;
    if (Number.isInteger(mantissa)) return 1 + exponent * MANTISSAS + mantissa;
  }
  const text = String(amount);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return 1 + EXACT_CODES + ((hash >>> 0) % (AMOUNT_CODES - 1 - EXACT_CODES));
}

function recordedAmount(mark: number): RecordedAmount {
  if (mark === 0) return { exact: null };
  if (mark > EXACT_CODES) return { mark };
  const exponent = Math.floor((mark - 1) / MANTISSAS);
  return { exact: ((mark - 1) % MANTISSAS) * 10 ** exponent };
}

export class FieldRecord {
  private readonly changed = new Set<number>();

  /** A chunk is text as read, or an array of characters once written to (cheap to change). */
  private constructor(private readonly chunks: (string | string[])[]) {}

  /** Reads the chunks from all document properties (one getProperties() call's result). */
  static fromProperties(properties: Readonly<Record<string, string>>): FieldRecord {
    const chunks: string[] = [];
    for (let n = 0; properties[CHUNK_KEY(n)] !== undefined; n++) chunks.push(properties[CHUNK_KEY(n)]!);
    return new FieldRecord(chunks);
  }

  /** The Close Date last seen (null: blank), or undefined when none was. */
  closeDateOf(id: string): CalendarDay | null | undefined {
    const code = this.codeOf(id, 0, DATE_CHARS);
    return code === undefined ? undefined : code === 0 ? null : DAY_BEFORE_FIRST + code;
  }

  /** The Amount last seen, as far as the record holds it, or undefined when none was. */
  amountOf(id: string): RecordedAmount | undefined {
    const code = this.codeOf(id, DATE_CHARS, AMOUNT_CHARS);
    return code === undefined ? undefined : recordedAmount(code);
  }

  /** Keeps what the deal's cells hold now; a field left out keeps what was seen before. */
  see(seen: FieldsSeen): void {
    const n = dealIdNumber(seen.id);
    if (n === null) return;
    if (seen.closeDate === null) this.put(n, 0, DATE_CHARS, 0);
    else if (seen.closeDate !== undefined) {
      const code = seen.closeDate - DAY_BEFORE_FIRST;
      // A day before 1900 or past 4174 is a typing slip the record cannot hold: not seen.
      this.put(n, 0, DATE_CHARS, code >= 1 && code < DATE_CODES ? code : undefined);
    }
    if (seen.amount !== undefined) this.put(n, DATE_CHARS, AMOUNT_CHARS, amountMark(seen.amount));
  }

  /** The properties to write: only the chunks that changed since it was read. */
  changedProperties(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const c of this.changed) out[CHUNK_KEY(c)] = this.chunkText(c);
    return out;
  }

  private chunkText(c: number): string {
    const chunk = this.chunks[c]!;
    return typeof chunk === 'string' ? chunk : chunk.join('');
  }

  private codeOf(id: string, slot: number, width: number): number | undefined {
    const n = dealIdNumber(id);
    if (n === null) return undefined;
    // A chunk is a string or an array of characters: both index the same way.
    const chunk = this.chunks[Math.floor(n / DEALS_PER_CHUNK)];
    const at = (n % DEALS_PER_CHUNK) * WIDTH + slot;
    let code = 0;
    for (let i = 0; i < width; i++) {
      const digit = (chunk?.[at + i]?.charCodeAt(0) ?? -1) - FIRST_CODE;
      if (digit < 0 || digit >= CODES) return undefined;
      code = code * CODES + digit;
    }
    return code;
  }

  /** Writes `code` (undefined: not seen) in base 94 at `slot` of deal n, when it changes. */
  private put(n: number, slot: number, width: number, code: number | undefined): void {
    const c = Math.floor(n / DEALS_PER_CHUNK);
    const at = (n % DEALS_PER_CHUNK) * WIDTH + slot;
    const current = this.chunks[c];
    // Most deals are as they were: compared character by character, with nothing allocated.
    let same = true;
    for (let i = 0; i < width && same; i++) same = (current?.[at + i] ?? NONE) === charAt(code, width, i);
    if (same) return;
    // Chunks are read back in order until one is missing, so a gap is written as an empty chunk.
    while (this.chunks.length <= c) {
      this.changed.add(this.chunks.length);
      this.chunks.push('');
    }
    let chunk = this.chunks[c]!;
    if (typeof chunk === 'string') this.chunks[c] = chunk = [...chunk];
    while (chunk.length < at + width) chunk.push(NONE);
    for (let i = 0; i < width; i++) chunk[at + i] = charAt(code, width, i);
    this.changed.add(c);
  }
}

/** Character `i` of `code` written in base 94 over `width` characters; undefined: not seen. */
function charAt(code: number | undefined, width: number, i: number): string {
  if (code === undefined) return NONE;
  return String.fromCharCode(FIRST_CODE + (Math.floor(code / CODES ** (width - 1 - i)) % CODES));
}
