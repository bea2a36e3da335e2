/**
 * The add-on's own record of each deal it issued an ID to: its last accepted stage and a
 * fingerprint of its name, by deal ID. Apps Script gives no old values for multi-cell edits, so
 * every Stage edit is compared with this record; and when a paste clears or overwrites ID cells,
 * the fingerprint tells which deal a row was (see deal-identity.ts). Keyed by ID, so sorting,
 * inserting or deleting rows cannot put it out of step.
 *
 * It lives in document properties (invisible, and not editable by typing), which allow 9 KB a
 * value and 500 KB in all: too small for a map of 50,000 IDs. So deal D-n owns two characters at
 * position 2n of a string — its stage as an index into a list of stage names, then its
 * fingerprint — cut into 8,000-character chunks: 50,000 deals take about 100 KB. Only IDs the
 * add-on issued are recorded, and it issues them in order, so the size is bounded by the deals
 * that exist, never by the value of an ID someone typed.
 *
 * Beside it, `fields` keeps what the add-on last saw of each deal's Close Date and Amount
 * (field-record.ts), read and saved with it: 350 KB in all at 50,000 deals.
 */
import { FieldRecord } from './field-record';
import { dealIdNumber, formatDealId } from './transitions';

const STAGE_RECORD_PREFIX = 'dealPipeline.stages.';
const FORMAT_KEY = `${STAGE_RECORD_PREFIX}format`;
const FORMAT = '2';
const NAMES_KEY = `${STAGE_RECORD_PREFIX}names`;
/** Stages past the 94th name (a table renamed over and over): deal number → name index. */
const OVERFLOW_KEY = `${STAGE_RECORD_PREFIX}others`;
const CHUNK_KEY = (n: number) => `${STAGE_RECORD_PREFIX}${n}`;
const CHUNK = 8_000;
const DEALS_PER_CHUNK = CHUNK / 2;
const NONE = ' ';
const FIRST_CODE = 0x21;
/** Printable ASCII after "!" leaves 94 codes. */
export const CODES = 94;
/** Marks a deal whose stage lives in the overflow map. */
const OVERFLOW_CODE = String.fromCharCode(FIRST_CODE + CODES - 1);
const MAX_NAMES = CODES - 1;

export type Properties = Readonly<Record<string, string>>;

export class StageRecord {
  /** A chunk is text as read, or an array of characters once written to (cheap to change). */
  private readonly chunks: (string | string[])[];
  private readonly changed = new Set<string>();

  private constructor(
    private readonly names: string[],
    chunks: string[],
    private readonly overflow: Record<string, number>,
    /** Each deal's Close Date and Amount as last seen. */
    readonly fields: FieldRecord,
  ) {
    this.chunks = chunks;
  }

  static empty(): StageRecord {
    return new StageRecord([], [], {}, FieldRecord.fromProperties({}));
  }

  /** Reads the record from all document properties (one getProperties() call's result). */
  static fromProperties(properties: Properties): StageRecord {
    const names = parseJson<unknown>(properties[NAMES_KEY], []);
    const nameList = Array.isArray(names) ? names.map(String) : [];
    const chunks: string[] = [];
    for (let n = 0; properties[CHUNK_KEY(n)] !== undefined; n++) chunks.push(properties[CHUNK_KEY(n)]!);
    const fields = FieldRecord.fromProperties(properties);
    if (properties[FORMAT_KEY] === FORMAT) {
      return new StageRecord(nameList, chunks, parseJson(properties[OVERFLOW_KEY], {}), fields);
    }
    return StageRecord.fromFirstFormat(nameList, chunks, fields);
  }

  /**
   * The first format kept one character a deal, and a map for IDs of other forms. Its stages
   * carry over (with no fingerprint yet); IDs of other forms were never issued by the add-on and
   * are no longer trusted.
   */
  private static fromFirstFormat(names: string[], chunks: string[], fields: FieldRecord): StageRecord {
    const record = new StageRecord(names, [], {}, fields);
    chunks.forEach((stages, c) => {
      for (let i = 0; i < stages.length; i++) {
        const code = stages.charCodeAt(i) - FIRST_CODE;
        if (code >= 0 && code < names.length) record.record(formatDealId(c * CHUNK + i), names[code]!);
      }
    });
    if (chunks.length > 0 || names.length > 0) {
      record.changed.add(FORMAT_KEY);
      record.changed.add(OVERFLOW_KEY);
    }
    return record;
  }

  /** The deal's last accepted stage, or undefined when the record has never seen it. */
  stageOf(id: string): string | undefined {
    const n = dealIdNumber(id);
    if (n === null) return undefined;
    const code = this.codeAt(n, 0);
    if (code === undefined) return undefined;
    return this.names[code === CODES - 1 ? (this.overflow[String(n)] ?? -1) : code];
  }

  /** The fingerprint recorded for the deal (0–93), or undefined when none was. */
  fingerprintOf(id: string): number | undefined {
    const n = dealIdNumber(id);
    return n === null ? undefined : this.codeAt(n, 1);
  }

  /** Records that the deal is now in `stage`, and its fingerprint when given. */
  record(id: string, stage: string, fingerprint?: number): void {
    const n = dealIdNumber(id);
    if (n === null) return;
    const index = this.nameIndex(stage);
    if (index >= MAX_NAMES) {
      this.overflow[String(n)] = index;
      this.changed.add(OVERFLOW_KEY);
      this.put(n, 0, OVERFLOW_CODE);
    } else {
      this.put(n, 0, String.fromCharCode(FIRST_CODE + index));
    }
    if (fingerprint !== undefined) this.setFingerprint(id, fingerprint);
  }

  /** Records the deal's fingerprint, keeping its stage. */
  setFingerprint(id: string, fingerprint: number): void {
    const n = dealIdNumber(id);
    if (n === null || this.codeAt(n, 1) === fingerprint) return;
    this.put(n, 1, String.fromCharCode(FIRST_CODE + (fingerprint % CODES)));
  }

  /** Forgets the deal's fingerprint (its row is gone), keeping its stage. */
  forgetFingerprint(id: string): void {
    const n = dealIdNumber(id);
    if (n !== null && this.codeAt(n, 1) !== undefined) this.put(n, 1, NONE);
  }

  /** The numbers of every deal whose stage is recorded, in order. */
  recordedNumbers(): number[] {
    const numbers: number[] = [];
    const total = this.chunks.length * DEALS_PER_CHUNK;
    for (let n = 0; n < total; n++) if (this.codeAt(n, 0) !== undefined) numbers.push(n);
    return numbers;
  }

  /** The highest D-n number the record knows: IDs are never reused, even once their row is gone. */
  highestIdNumber(): number {
    for (let c = this.chunks.length - 1; c >= 0; c--) {
      const text = this.chunkText(c).trimEnd();
      if (text.length > 0) return c * DEALS_PER_CHUNK + Math.floor((text.length - 1) / 2);
    }
    return 0;
  }

  /** The properties to write: only what changed since it was read. */
  changedProperties(): Record<string, string> {
    const out: Record<string, string> = this.fields.changedProperties();
    for (const key of this.changed) {
      if (key === NAMES_KEY) out[key] = JSON.stringify(this.names);
      else if (key === OVERFLOW_KEY) out[key] = JSON.stringify(this.overflow);
      else if (key === FORMAT_KEY) out[key] = FORMAT;
      else out[key] = this.chunkText(Number(key.slice(STAGE_RECORD_PREFIX.length)));
    }
    return out;
  }

  private chunkText(c: number): string {
    const chunk = this.chunks[c]!;
    return typeof chunk === 'string' ? chunk : chunk.join('');
  }

  /** The code at `slot` (0 stage, 1 fingerprint) of deal n, or undefined when none is set. */
  private codeAt(n: number, slot: 0 | 1): number | undefined {
    // A chunk is a string or an array of characters: both index the same way.
    const ch = this.chunks[Math.floor(n / DEALS_PER_CHUNK)]?.[(n % DEALS_PER_CHUNK) * 2 + slot];
    const code = ch === undefined ? -1 : ch.charCodeAt(0) - FIRST_CODE;
    return code >= 0 && code < CODES ? code : undefined;
  }

  private put(n: number, slot: 0 | 1, ch: string): void {
    const c = Math.floor(n / DEALS_PER_CHUNK);
    // Chunks are read back in order until one is missing, so a gap is written as an empty chunk.
    while (this.chunks.length <= c) {
      this.changed.add(CHUNK_KEY(this.chunks.length));
      this.chunks.push('');
    }
    let chars = this.chunks[c]!;
    if (typeof chars === 'string') this.chunks[c] = chars = [...chars];
    const at = (n % DEALS_PER_CHUNK) * 2 + slot;
    while (chars.length <= at) chars.push(NONE);
    chars[at] = ch;
    this.changed.add(CHUNK_KEY(c));
    this.changed.add(FORMAT_KEY);
  }

  private nameIndex(stage: string): number {
    const name = stage.trim();
    let index = this.names.indexOf(name);
    if (index < 0) {
      index = this.names.push(name) - 1;
      this.changed.add(NAMES_KEY);
    }
    return index;
  }
}

function parseJson<T>(text: string | undefined, fallback: T): T {
  try {
    return JSON.parse(text!) as T;
  } catch {
    return fallback;
  }
}
