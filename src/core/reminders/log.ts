/**
 * The Reminder Log as the durable claim that makes reminders idempotent. One row per digest
 * attempted: `Date | Owner | Deals | Status | Detail`, Date the spreadsheet's calendar day.
 *
 * A run claims (owner, day) by appending a `sending` row before it sends, and turns it into
 * `sent`, `failed` or `deferred` after. For the day, any row for the owner other than `deferred`
 * means its digest is settled: `sent` and `failed` rows, and a `sending` row that a stopped run
 * never marked, are never sent again that day (at most one digest a day, whatever happened).
 * A `deferred` row is not a claim: the next run, that day or a later one, sends the digest.
 */
import { REMINDER_LOG_HEADERS, headerIndex, normalizeHeader } from '../columns';
import { startOfDay } from '../dates';
import type { CalendarDay } from '../types';
import { readDay, isUnreadable } from '../values';
import { ownerKey } from './digests';
import type { Digest, ReminderItem, UnreachableOwner } from './digests';

export const STATUS = {
  sending: 'sending',
  sent: 'sent',
  deferred: 'deferred',
  failed: 'failed',
} as const;
export type ReminderStatus = (typeof STATUS)[keyof typeof STATUS];

type LogField = 'date' | 'owner' | 'deals' | 'status' | 'detail';
const FIELDS: readonly LogField[] = ['date', 'owner', 'deals', 'status', 'detail'];

export interface LogLayout {
  /** 0-based column of each field, found by header (users may reorder or add columns). */
  readonly columns: Readonly<Record<LogField, number>>;
  /** The header row's width: rows written are this wide. */
  readonly width: number;
}

/** The layout, or the headers row 1 lacks. */
export function logLayout(header: readonly unknown[]): LogLayout | { missing: string[] } {
  const index = headerIndex(header);
  const columns = {} as Record<LogField, number>;
  const missing: string[] = [];
  FIELDS.forEach((field, i) => {
    const name = REMINDER_LOG_HEADERS[i] ?? '';
    const column = index.get(normalizeHeader(name));
    if (column === undefined) missing.push(name);
    else columns[field] = column;
  });
  if (missing.length > 0) return { missing };
  const last = header.reduce<number>(
    (width, cell, i) => (String(cell ?? '').trim() === '' ? width : i + 1),
    0,
  );
  return { columns, width: last };
}

export interface LogEntry {
  readonly day: CalendarDay | null;
  readonly key: string;
  readonly status: string;
}

/** The Owner cell of a digest's rows: the address, or "Team: address" for the team digest. */
export function ownerCellOf(digest: Digest): string {
  return digest.kind === 'team' ? `Team: ${digest.to}` : digest.to;
}

/** Every row below the header, in sheet order (blank rows skipped). */
export function logEntries(
  values: readonly (readonly unknown[])[],
  layout: LogLayout,
  timeZone: string,
): LogEntry[] {
  const { columns } = layout;
  const entries: LogEntry[] = [];
  for (let r = 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const key = ownerKey(String(row[columns.owner] ?? ''));
    if (key === '') continue;
    const day = readDay(row[columns.date], timeZone);
    entries.push({
      day: day === null || isUnreadable(day) ? null : day,
      key,
      status: String(row[columns.status] ?? '')
        .trim()
        .toLowerCase(),
    });
  }
  return entries;
}

export interface ClaimState {
  /** Keys with a row for today other than `deferred`: settled for the day. */
  readonly settledToday: ReadonlySet<string>;
  /**
   * Keys whose latest rows are `deferred`, longest waiting first: they go first, so a short
   * quota does not keep deferring the same digests.
   */
  readonly waiting: readonly string[];
}

export function claimState(entries: readonly LogEntry[], today: CalendarDay): ClaimState {
  const settledToday = new Set<string>();
  const waitingSince = new Map<string, number>();
  entries.forEach((entry, index) => {
    // Any status but deferred settles the day, a blank or unknown one too: never a second digest.
    if (entry.day === today && entry.status !== STATUS.deferred) settledToday.add(entry.key);
    if (entry.status !== STATUS.deferred) waitingSince.delete(entry.key);
    else if (!waitingSince.has(entry.key)) waitingSince.set(entry.key, index);
  });
  const waiting = [...waitingSince].sort(([, a], [, b]) => a - b).map(([key]) => key);
  return { settledToday, waiting };
}

export interface RunPlan {
  /** To claim as `sending` and send, in this order. */
  readonly send: readonly Digest[];
  /** Beyond the mail quota: logged `deferred` without a send. */
  readonly overQuota: readonly Digest[];
  /** Settled earlier today. */
  readonly settled: readonly Digest[];
  /** Owner cells that are not addresses, not yet logged `failed` today. */
  readonly unreachableOwners: readonly UnreachableOwner[];
}

/** What this run sends, defers and leaves alone; each digest takes one recipient of quota. */
export function planRun(
  digests: readonly Digest[],
  unreachableOwners: readonly UnreachableOwner[],
  state: ClaimState,
  quota: number,
): RunPlan {
  const open = digests.filter((digest) => !state.settledToday.has(digest.key));
  const rank = new Map(state.waiting.map((key, i) => [key, i]));
  const waited = (digest: Digest) => rank.get(digest.key) ?? rank.size;
  // A stable sort: the longest waiting first, then everyone else in the plan's order.
  const ordered = [...open].sort((a, b) => waited(a) - waited(b));
  const fits = Math.max(0, Math.floor(quota));
  return {
    send: ordered.slice(0, fits),
    overQuota: ordered.slice(fits),
    settled: digests.filter((digest) => state.settledToday.has(digest.key)),
    unreachableOwners: unreachableOwners.filter((owner) => !state.settledToday.has(owner.key)),
  };
}

/** How many IDs the Deals cell lists before it says how many more. */
const LISTED_IDS = 100;

/** The Deals cell: the IDs the digest covers (a row number for a deal without one yet). */
export function dealsCell(items: readonly ReminderItem[]): string {
  const ids = items.map(({ deal }) => (deal.id !== '' ? deal.id : `row ${deal.row}`));
  const more = ids.length - LISTED_IDS;
  return more > 0 ? `${ids.slice(0, LISTED_IDS).join(', ')} and ${more} more` : ids.join(', ');
}

export const DETAIL = {
  sending: (summary: string) =>
    `Being sent: ${summary}. Still "sending" after the run means it stopped before recording the result; it is not sent again today.`,
  overQuota: (remaining: number) =>
    `The daily mail quota is used up (${remaining} left when the run began); goes with the next run.`,
  quotaRanOut: 'The daily mail quota ran out; goes with the next run.',
  timeLimit: "The run neared Apps Script's 6-minute limit; goes with the next run.",
  notAnAddress: (owner: string) =>
    `"${owner}" is not an email address, so nobody got these reminders: fix the Owner cell of these deals.`,
} as const;

export interface LogRecord {
  readonly day: CalendarDay;
  readonly owner: string;
  readonly deals: string;
  readonly status: ReminderStatus;
  readonly detail: string;
}

/** A sheet row for a record, in the sheet's column order; Date is a date cell at local midnight. */
export function logRow(layout: LogLayout, record: LogRecord, timeZone: string): (string | Date)[] {
  const row: (string | Date)[] = Array.from({ length: layout.width }, () => '');
  const { columns } = layout;
  row[columns.date] = startOfDay(record.day, timeZone);
  row[columns.owner] = literal(record.owner);
  row[columns.deals] = literal(record.deals);
  row[columns.status] = record.status;
  row[columns.detail] = literal(record.detail);
  return row;
}

/**
 * Text as Sheets should keep it: a leading = + - @ would make setValues read a formula or a
 * number, so such text gets the apostrophe a user would type (it is not part of the value).
 */
export function literal(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}
