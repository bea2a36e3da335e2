/**
 * The add-on's own record of each deal's last accepted stage, by deal ID. Apps Script gives no
 * old values for multi-cell edits, so every Stage edit is compared with this record instead; as
 * it is keyed by ID, sorting, inserting or deleting rows cannot put it out of step.
 *
 * It lives in document properties (invisible, and not editable by typing), which allow 9 KB a
 * value and 500 KB in all: too small for a map of 50,000 IDs to stage names. So the record is a
 * string in which the character at position n is the stage of deal D-n, as an index into a list
 * of stage names, cut into 8,000-character chunks; IDs of another form sit in a small map.
 * 50,000 deals take about 50 KB.
 */
import { dealIdNumber } from './transitions';

export const STAGE_RECORD_PREFIX = 'dealPipeline.stages.';
const NAMES_KEY = `${STAGE_RECORD_PREFIX}names`;
const OTHERS_KEY = `${STAGE_RECORD_PREFIX}others`;
const CHUNK_KEY = (n: number) => `${STAGE_RECORD_PREFIX}${n}`;
const CHUNK = 8_000;
const NONE = ' ';
const FIRST_CODE = 0x21;
/** Printable ASCII after "!" leaves 94 codes; stage tables are far smaller. */
const MAX_NAMES = 94;

export type Properties = Readonly<Record<string, string>>;

export class StageRecord {
  private readonly names: string[];
  /** A chunk is text as read, or an array of characters once written to (cheap to change). */
  private readonly chunks: (string | string[])[];
  private readonly others: Record<string, number>;
  private readonly changed = new Set<string>();

  private constructor(names: string[], chunks: string[], others: Record<string, number>) {
    this.names = names;
    this.chunks = chunks;
    this.others = others;
  }

  static empty(): StageRecord {
    return new StageRecord([], [], {});
  }

  /** Reads the record from all document properties (one getProperties() call's result). */
  static fromProperties(properties: Properties): StageRecord {
    const names = parseJson<string[]>(properties[NAMES_KEY], []);
    const others = parseJson<Record<string, number>>(properties[OTHERS_KEY], {});
    const chunks: string[] = [];
    for (let n = 0; properties[CHUNK_KEY(n)] !== undefined; n++) chunks.push(properties[CHUNK_KEY(n)]!);
    return new StageRecord(Array.isArray(names) ? names : [], chunks, others);
  }

  /** The deal's last accepted stage, or undefined when the record has never seen it. */
  stageOf(id: string): string | undefined {
    const key = id.trim().toUpperCase();
    if (key === '') return undefined;
    const n = dealIdNumber(key);
    const index = (n === null ? undefined : this.indexAt(n)) ?? this.others[key];
    return index === undefined ? undefined : this.names[index];
  }

  /** Records that the deal is now in `stage`. */
  record(id: string, stage: string): void {
    const key = id.trim().toUpperCase();
    if (key === '') return;
    const index = this.nameIndex(stage);
    const n = dealIdNumber(key);
    if (n === null || index >= MAX_NAMES) {
      this.others[key] = index;
      this.changed.add(OTHERS_KEY);
      return;
    }
    const chunk = Math.floor(n / CHUNK);
    // Chunks are read back in order until one is missing, so a gap is written as an empty chunk.
    while (this.chunks.length <= chunk) {
      this.changed.add(CHUNK_KEY(this.chunks.length));
      this.chunks.push('');
    }
    let chars = this.chunks[chunk]!;
    if (typeof chars === 'string') this.chunks[chunk] = chars = [...chars];
    while (chars.length < n % CHUNK) chars.push(NONE);
    chars[n % CHUNK] = String.fromCharCode(FIRST_CODE + index);
    this.changed.add(CHUNK_KEY(chunk));
  }

  /** The highest D-n number the record knows: IDs are never reused, even once their row is gone. */
  highestIdNumber(): number {
    for (let c = this.chunks.length - 1; c >= 0; c--) {
      const text = this.chunkText(c).trimEnd();
      if (text.length > 0) return c * CHUNK + text.length - 1;
    }
    return 0;
  }

  /** The properties to write: only what changed since it was read. */
  changedProperties(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of this.changed) {
      if (key === NAMES_KEY) out[key] = JSON.stringify(this.names);
      else if (key === OTHERS_KEY) out[key] = JSON.stringify(this.others);
      else out[key] = this.chunkText(Number(key.slice(STAGE_RECORD_PREFIX.length)));
    }
    return out;
  }

  private chunkText(c: number): string {
    const chunk = this.chunks[c] ?? '';
    return typeof chunk === 'string' ? chunk : chunk.join('');
  }

  private indexAt(n: number): number | undefined {
    const chunk = this.chunks[Math.floor(n / CHUNK)];
    const ch = typeof chunk === 'string' ? chunk[n % CHUNK] : chunk?.[n % CHUNK];
    const code = ch?.charCodeAt(0);
    return code === undefined || Number.isNaN(code) || code < FIRST_CODE ? undefined : code - FIRST_CODE;
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
  if (text === undefined) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
