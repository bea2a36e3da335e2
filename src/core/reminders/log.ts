/**
 * The Reminder Log as the durable claim that makes reminders idempotent. One row per digest
 * attempted: `Date | Owner | Deals | Status | Detail`, Date the spreadsheet's calendar day.
 *
 * A run claims (owner, day) by writing a `sending` row before it sends, and turns it into
 * `sent`, `failed` or `deferred` after. For the day, any row for the owner other than `deferred`
 * means its digest is settled: `sent` and `failed` rows, and a `sending` row that a stopped run
 * never marked, are never sent again that day (at most one digest a day, whatever happened).
 * A `deferred` row is not a claim: the next run, that day or a later one, sends the digest.
 * An owner has one row a day: a later run writes over that day's `deferred` row (it turns into
 * `sending`, then `sent`) instead of appending another.
 *
 * The log is read by its header only when that header is whole: a missing, renamed or repeated
 * Date, Owner, Deals, Status or Detail header stops the job (see logHeaderText), because guessing
 * would lose sight of the rows already there and send today's digests again.
 */
import { normalizeHeader, REMINDER_LOG_HEADERS } from '../columns';
import { startOfDay } from '../dates';
import { columnLetter } from '../problems';
import type { CalendarDay } from '../types';
import { isUnreadable, readDay } from '../values';
import { wordFor } from '../wording';
import type { Digest, ReminderItem, UnreachableOwner } from './digests';
import { ownerKey } from './digests';
import { listText } from './text';

export const STATUS = {
  sending: 'sending',
  sent: 'sent',
  deferred: 'deferred',
  failed: 'failed',
} as const;
export type ReminderStatus = (typeof STATUS)[keyof typeof STATUS];

export type LogField = 'date' | 'owner' | 'deals' | 'status' | 'detail';
const FIELDS: readonly LogField[] = ['date', 'owner', 'deals', 'status', 'detail'];
/** The fields a claim is read from: a new, empty column under one of them hides every row above. */
const CLAIM_FIELDS: readonly LogField[] = ['date', 'owner', 'status'];
const headerOf = (field: LogField): string => REMINDER_LOG_HEADERS[FIELDS.indexOf(field)]!;

export interface LogLayout {
  /** 0-based column of each field, found by header (users may reorder or add columns). */
  readonly columns: Readonly<Record<LogField, number>>;
  /** The header row's width: rows written are this wide. */
  readonly width: number;
}

/** Why row 1 cannot be read as the log's header. */
export interface LogHeaderProblem {
  /** Headers row 1 lacks, in the log's order. */
  readonly missing: readonly string[];
  /** Headers row 1 has more than once, with their 0-based columns. */
  readonly repeated: readonly { readonly header: string; readonly columns: readonly number[] }[];
}

/** The layout, or what keeps row 1 from being read as the log's header. */
export function logLayout(header: readonly unknown[]): LogLayout | LogHeaderProblem {
  const found = new Map<LogField, number[]>(FIELDS.map((field) => [field, []]));
  header.forEach((cell, column) => {
    const field = FIELDS.find((f) => normalizeHeader(headerOf(f)) === normalizeHeader(cell));
    if (field) found.get(field)!.push(column);
  });
  const missing = FIELDS.filter((field) => found.get(field)!.length === 0).map(headerOf);
  const repeated = FIELDS.filter((field) => found.get(field)!.length > 1).map((field) => ({
    header: headerOf(field),
    columns: found.get(field)!,
  }));
  if (missing.length > 0 || repeated.length > 0) return { missing, repeated };
  const columns = Object.fromEntries(FIELDS.map((field) => [field, found.get(field)![0]!]));
  const width = header.reduce<number>((w, cell, i) => (String(cell ?? '').trim() === '' ? w : i + 1), 0);
  return { columns: columns as Record<LogField, number>, width };
}

/**
 * The headers Set up sheets may add to the log: all of them while it has no rows; once it has
 * rows, only Deals and Detail. A new, empty Date, Owner or Status column beside rows already
 * there would make every one of them unreadable as a claim, and today's digests would go again:
 * those headers are typed back by hand.
 */
export function headersSetUpMayAdd(holdsRows: boolean): string[] {
  return FIELDS.filter((field) => !holdsRows || !CLAIM_FIELDS.includes(field)).map(headerOf);
}

/** What is wrong with row 1 of the Reminder Log and how to put it right, for a person. */
export function logHeaderText(problem: LogHeaderProblem, holdsRows: boolean): string {
  const sentences: string[] = [];
  const { missing, repeated } = problem;
  if (missing.length > 0) {
    const quoted = missing.map((header) => `"${header}"`);
    const [them, their] = missing.length === 1 ? ['it', 'its column'] : ['them', 'their columns'];
    const start = `Row 1 of the Reminder Log has no ${listText(quoted, 'or')} ${wordFor(missing.length, 'header')}: type ${them} back over ${their}`;
    const mayAdd = headersSetUpMayAdd(holdsRows);
    const byHand = quoted.filter((_, i) => !mayAdd.includes(missing[i]!));
    sentences.push(
      byHand.length === 0
        ? `${start}, or run Deal Pipeline › Set up sheets to add ${them}.`
        : `${start}. Set up sheets adds no new, empty ${listText(byHand, 'or')} column to a log that has rows: the rows there could no longer be read, and today's digests would go again.`,
    );
  }
  for (const { header, columns } of repeated) {
    const letters = listText(columns.map(columnLetter), 'and');
    sentences.push(
      `"${header}" heads columns ${letters} of the Reminder Log: keep one and rename the ${wordFor(columns.length - 1, 'other')}.`,
    );
  }
  return sentences.join(' ');
}

export interface LogEntry {
  /** The sheet row (1-based). */
  readonly row: number;
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
  return values.slice(1).flatMap((cells, i) => logEntry(cells, i + 2, layout, timeZone) ?? []);
}

/** The log row at sheet row `row`, or null when its Owner cell is blank. */
export function logEntry(
  cells: readonly unknown[],
  row: number,
  layout: LogLayout,
  timeZone: string,
): LogEntry | null {
  const { columns } = layout;
  const key = ownerKey(String(cells[columns.owner] ?? ''));
  if (key === '') return null;
  const day = readDay(cells[columns.date], timeZone);
  return {
    row,
    day: isUnreadable(day) ? null : day,
    key,
    status: String(cells[columns.status] ?? '')
      .trim()
      .toLowerCase(),
  };
}

export interface ClaimState {
  /** Keys with a row for today other than `deferred`: settled for the day. */
  readonly settledToday: ReadonlySet<string>;
  /**
   * Keys whose latest rows are `deferred`, longest waiting first: they go first, so a short
   * quota does not keep deferring the same digests.
   */
  readonly waiting: readonly string[];
  /** Key → sheet row of its `deferred` row for today (the last, if a log has several): written over, not added to. */
  readonly deferredToday: ReadonlyMap<string, number>;
}

export function claimState(entries: readonly LogEntry[], today: CalendarDay): ClaimState {
  const settledToday = new Set<string>();
  // A Set keeps the order keys went in, which is the order they began waiting.
  const waiting = new Set<string>();
  const deferredToday = new Map<string, number>();
  for (const entry of entries) {
    if (entry.day === today && entry.status === STATUS.deferred) deferredToday.set(entry.key, entry.row);
    // Any status but deferred settles the day, a blank or unknown one too: never a second digest.
    if (entry.day === today && entry.status !== STATUS.deferred) settledToday.add(entry.key);
    if (entry.status !== STATUS.deferred) waiting.delete(entry.key);
    else waiting.add(entry.key);
  }
  return { settledToday, waiting: [...waiting], deferredToday };
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
  logStarted:
    "Not sent: the Reminder Log was missing or empty, so whether today's digest had already gone was unknown. Tomorrow's run sends as usual.",
} as const;

/** Why a run sent nothing: what the run reports, and what the execution log shows. */
export const LOG_TROUBLE = {
  unreadable: (problem: LogHeaderProblem, holdsRows: boolean) =>
    `No reminder was sent: the Reminder Log is how Deal Pipeline knows who already got today's digest, and it cannot be read. ${logHeaderText(problem, holdsRows)}`,
  started:
    "No reminder was sent today: the Reminder Log sheet was missing or empty, so Deal Pipeline could not tell who had already got today's digest. It started a new Reminder Log that lists them as not sent; tomorrow's run sends as usual.",
} as const;

export interface LogRecord {
  readonly day: CalendarDay;
  readonly owner: string;
  readonly deals: string;
  readonly status: ReminderStatus;
  readonly detail: string;
}

/**
 * A sheet row for a record, in the sheet's column order; Date is a date cell at local midnight.
 * Text stays as it is: the sheet writer keeps it literal.
 */
export function logRow(layout: LogLayout, record: LogRecord, timeZone: string): (string | Date)[] {
  const row: (string | Date)[] = Array.from({ length: layout.width }, () => '');
  const { columns } = layout;
  row[columns.date] = startOfDay(record.day, timeZone);
  row[columns.owner] = record.owner;
  row[columns.deals] = record.deals;
  row[columns.status] = record.status;
  row[columns.detail] = record.detail;
  return row;
}
