/**
 * Which deal each row of a block is, whatever happened to its ID cell. The ID column belongs to
 * the add-on, but people clear it, type over it and copy rows with it; Apps Script gives the old
 * value only for a single-cell edit. So the add-on trusts only IDs it issued, treats a second
 * row with an ID as a copy, and tells a row whose ID was cleared or overwritten by what it
 * recorded of each deal: its stage and a fingerprint of its name.
 */
import type { StageRecord } from './stage-record';
import { CODES } from './stage-record';
import { normalizeStageName } from './stages';
import { dealIdNumber, formatDealId } from './transitions';
import type { Deal } from './types';

/** A one-character hash of a deal's name and company, to tell one deal's row from another's. */
export function dealFingerprint(deal: Pick<Deal, 'deal' | 'company'>): number {
  // FNV-1a over the trimmed, lower-cased Deal, a NUL, and the trimmed, lower-cased Company.
  let hash = hashText(0x811c9dc5, deal.deal);
  hash = Math.imul(hash, 0x01000193);
  return (hashText(hash, deal.company) >>> 0) % CODES;
}

/**
 * FNV-1a steps over `text` as `text.trim().toLowerCase()`, without making that string when the
 * text is ASCII (every deal is read each Validate all deals: 50,000 of them, twice).
 */
function hashText(start: number, text: string): number {
  let first = 0;
  let last = text.length - 1;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) return hashChars(start, text.trim().toLowerCase(), 0, -1);
  }
  while (first <= last && isAsciiSpace(text.charCodeAt(first))) first++;
  while (last >= first && isAsciiSpace(text.charCodeAt(last))) last--;
  return hashChars(start, text, first, last);
}

/** Tab, line feed, vertical tab, form feed, carriage return, space: what trim() takes in ASCII. */
const isAsciiSpace = (code: number) => code === 0x20 || (code >= 0x09 && code <= 0x0d);

/** FNV-1a steps over characters first..last (last −1: all), A–Z taken as a–z. */
function hashChars(start: number, text: string, first: number, last: number): number {
  let hash = start;
  const end = last < 0 ? text.length - 1 : last;
  for (let i = first; i <= end; i++) {
    const code = text.charCodeAt(i);
    hash = Math.imul(hash ^ (code >= 0x41 && code <= 0x5a ? code + 0x20 : code), 0x01000193);
  }
  return hash;
}

/** The canonical form of an ID the add-on issued (D-n, 1 ≤ n ≤ limit), or null for anything else. */
export function issuedId(text: string, limit: number): string | null {
  const n = dealIdNumber(text);
  if (n === null || n < 1 || n > limit) return null;
  const id = formatDealId(n);
  return id === text.trim().toUpperCase() ? id : null;
}

export type Identity =
  /** The row's own ID. */
  | { readonly kind: 'kept'; readonly id: string }
  /** Its ID had been cleared or overwritten: this one goes back. */
  | { readonly kind: 'restored'; readonly id: string }
  /** A new deal (typed, or a copy of `copyOf`, or replacing text the add-on did not issue). */
  | { readonly kind: 'new'; readonly id: string; readonly copyOf?: string; readonly replaced?: string }
  /** Was a deal (it has the add-on's Created or Stage Since) but which one cannot be told. */
  | { readonly kind: 'lost'; readonly id: string; readonly replaced?: string }
  /** Not a deal: no ID, no Deal, no Company. */
  | { readonly kind: 'none' };

interface IdentityRow {
  readonly deal: Deal;
  /** The row has content (a blank row is a deleted deal and has no identity). */
  readonly blank: boolean;
}

export interface IdentityInput {
  readonly rows: readonly IdentityRow[];
  readonly record: StageRecord;
  /** The highest number issued so far. */
  readonly lastIssued: number;
  /**
   * Adoption reads the whole sheet: a well-formed ID no higher than the counter plus the number of
   * deals is taken as issued (a sheet brought in with its IDs). An edit trusts only the counter.
   */
  readonly adopting: boolean;
  /** How often each issued ID stands outside these rows, when the ID column was read. */
  readonly outside?: ReadonlyMap<string, number>;
  /** The old value of a single ID cell edit. */
  readonly oldId?: string;
  /** Whether the Stage cells were part of the edit (then a row's stage is not evidence). */
  readonly stageEdited: boolean;
}

export interface Identities {
  readonly identities: Identity[];
  readonly lastIssued: number;
  /** Recorded deals absent from the whole sheet (adoption only): their fingerprints are dropped. */
  readonly gone: readonly string[];
}

export function resolveIdentities(input: IdentityInput): Identities {
  const { rows, record, outside } = input;
  const live = rows.filter((r) => !r.blank).length;
  const limit = input.adopting ? input.lastIssued + live : input.lastIssued;
  let lastIssued = input.lastIssued;
  const claims = rows.map((r) => (r.blank ? null : issuedId(r.deal.id, limit)));
  const identities: (Identity | undefined)[] = rows.map((r) => (r.blank ? { kind: 'none' } : undefined));
  const taken = new Set<string>(outside?.keys());

  // A single ID cell typed over or cleared: its old ID goes back, unless it now stands elsewhere.
  const oldId = input.oldId === undefined ? null : issuedId(input.oldId, input.lastIssued);
  if (oldId !== null && rows.length === 1 && !rows[0]!.blank && claims[0] !== oldId && !taken.has(oldId)) {
    identities[0] = { kind: 'restored', id: oldId };
    taken.add(oldId);
  }

  // Each issued ID stays with one row: one that also stands outside the edit is a copy here;
  // within the rows, the one whose name matches the record keeps it, else the first.
  const keeperOf = new Map<string, number>();
  claims.forEach((id, i) => {
    if (id === null || identities[i] !== undefined || (outside?.has(id) ?? false)) return;
    const current = keeperOf.get(id);
    const matches = (at: number) => record.fingerprintOf(id) === dealFingerprint(rows[at]!.deal);
    if (current === undefined || (!matches(current) && matches(i))) keeperOf.set(id, i);
  });
  for (const [id, i] of keeperOf) {
    identities[i] = { kind: 'kept', id };
    taken.add(id);
    lastIssued = Math.max(lastIssued, dealIdNumber(id)!);
  }

  const vanished = outside || input.adopting ? vanishedIds(record, lastIssued, taken) : new Map();
  rows.forEach((r, i) => {
    if (identities[i] !== undefined) return;
    const { deal } = r;
    const claim = claims[i];
    const copyOf = claim ?? undefined;
    const replaced = deal.id !== '' ? deal.id : undefined;
    const wasDeal = deal.created !== null || deal.stageSince !== null || claim !== null;
    const match = wasDeal ? matchVanished(vanished, r.deal, input.stageEdited, record) : null;
    if (match !== null) {
      identities[i] = { kind: 'restored', id: match };
      vanished.delete(match);
      return;
    }
    const hasContent = deal.deal !== '' || deal.company !== '' || claim !== null;
    if (!hasContent) {
      identities[i] = { kind: 'none' };
      return;
    }
    const id = formatDealId((lastIssued += 1));
    if (copyOf !== undefined) identities[i] = { kind: 'new', id, copyOf };
    else if (!input.adopting && (deal.created !== null || deal.stageSince !== null)) {
      identities[i] = { kind: 'lost', id, replaced };
    } else identities[i] = { kind: 'new', id, replaced };
  });

  const gone = input.adopting ? [...vanished.keys()] : [];
  return { identities: identities as Identity[], lastIssued, gone };
}

/** Recorded deals whose ID stands nowhere now, by fingerprint: the candidates for a lost row. */
function vanishedIds(
  record: StageRecord,
  lastIssued: number,
  taken: ReadonlySet<string>,
): Map<string, number> {
  const vanished = new Map<string, number>();
  for (const n of record.recordedNumbers()) {
    if (n < 1 || n > lastIssued) continue;
    const id = formatDealId(n);
    const fingerprint = record.fingerprintOf(id);
    if (!taken.has(id) && fingerprint !== undefined) vanished.set(id, fingerprint);
  }
  return vanished;
}

/**
 * The one vanished deal this row can only be: same fingerprint, and the same recorded stage
 * unless the edit also changed the Stage cell. Two candidates mean it cannot be told.
 */
function matchVanished(
  vanished: ReadonlyMap<string, number>,
  deal: Deal,
  stageEdited: boolean,
  record: StageRecord,
): string | null {
  const fingerprint = dealFingerprint(deal);
  const stage = normalizeStageName(deal.stage);
  let found: string | null = null;
  for (const [id, print] of vanished) {
    if (print !== fingerprint) continue;
    if (!stageEdited && normalizeStageName(record.stageOf(id) ?? '') !== stage) continue;
    if (found !== null) return null;
    found = id;
  }
  return found;
}
