/**
 * Close Date and Amount changes of open deals, the History rows that name their Field (SPEC §1,
 * issue 13): one rule for every input path — an edit or a paste (row-decisions.ts), the sidebar.
 * A change is recorded when the deal is open once it lands, its new cell can be read, and what
 * the cell held before is known: the old value of a single-cell edit, the row the sidebar read,
 * or else what the add-on last saw (field-record.ts). A deal seen for the first time (new, copied,
 * imported, or never seen since this began) records nothing: there is nothing to compare with.
 * For a Close Date, From and To are yyyy-mm-dd (blank for none); for an Amount, numbers (blank
 * for none, or for an old amount the record kept only the mark of).
 */
import { dealField } from './columns';
import { isoOfDay } from './dates';
import type { FieldRecord, FieldsSeen, RecordedAmount } from './field-record';
import { amountMark } from './field-record';
import type { CalendarDay } from './types';
import { isUnreadable, readDay, readMoney } from './values';

/** Sheets' date serial 0 is 1899-12-30: 25,569 days before 1970-01-01. */
const SERIAL_OF_EPOCH = 25_569;
const SERIAL = /^\d+(\.\d+)?$/;

export const TRACKED_FIELDS = ['closeDate', 'amount'] as const;
export type TrackedField = (typeof TRACKED_FIELDS)[number];

/** A deal as a change left it. */
export interface FieldsShown {
  readonly id: string;
  readonly deal: string;
  /** Whether its stage is open once the change lands. */
  readonly open: boolean;
  /** Whether it has a new ID (new, copied, imported): there is nothing to compare with. */
  readonly isNew: boolean;
  /** What the fields hold now; a field left out was not read, or its cell cannot be read. */
  readonly now: Omit<FieldsSeen, 'id'>;
  /** The fields the change may have changed: only these are compared, and kept when they are. */
  readonly changed: readonly TrackedField[];
  /** What they held just before, when the caller knows; else the record says. */
  readonly before?: Omit<FieldsSeen, 'id'>;
}

/** A History row for a Close Date or Amount change; `field` is the Deals header it names. */
export interface FieldEntry {
  readonly id: string;
  readonly deal: string;
  readonly field: string;
  readonly from: string | number;
  readonly to: string | number;
}

export interface FieldDecision {
  readonly entries: FieldEntry[];
  /** What the record now keeps, or null when it keeps what it had. */
  readonly seen: FieldsSeen | null;
}

/**
 * The History rows a change of the deal makes, and what the record keeps: a changed field's new
 * value, and any other field the record had never seen (so that the next block edit has something
 * to compare with).
 */
export function decideFields(shown: FieldsShown, record: FieldRecord): FieldDecision {
  const entries: FieldEntry[] = [];
  const seen: { id: string; closeDate?: CalendarDay | null; amount?: number | null } = { id: shown.id };
  const entry = (key: TrackedField, from: string | number, to: string | number) =>
    entries.push({ id: shown.id, deal: shown.deal, field: dealField(key).header, from, to });

  const closeDate = shown.now.closeDate;
  const recordedDate = record.closeDateOf(shown.id);
  if (closeDate !== undefined && shown.changed.includes('closeDate')) {
    seen.closeDate = closeDate;
    const old = shown.before?.closeDate;
    // A blank old value (null) is known: only undefined asks the record.
    const before = old !== undefined ? old : recordedDate;
    if (shown.open && !shown.isNew && before !== undefined && before !== closeDate) {
      entry('closeDate', dayText(before), dayText(closeDate));
    }
  } else if (closeDate !== undefined && recordedDate === undefined) seen.closeDate = closeDate;

  const amount = shown.now.amount;
  const recordedAmount = record.amountOf(shown.id);
  if (amount !== undefined && shown.changed.includes('amount')) {
    seen.amount = amount;
    const exact = shown.before?.amount;
    const before = exact !== undefined ? { exact } : recordedAmount;
    if (shown.open && !shown.isNew && before !== undefined && amountChanged(before, amount)) {
      entry('amount', 'exact' in before ? (before.exact ?? '') : '', amount ?? '');
    }
  } else if (amount !== undefined && recordedAmount === undefined) seen.amount = amount;

  return { entries, seen: 'closeDate' in seen || 'amount' in seen ? seen : null };
}

function amountChanged(before: RecordedAmount, now: number | null): boolean {
  return 'exact' in before ? before.exact !== now : before.mark !== amountMark(now);
}

const dayText = (day: CalendarDay | null): string => (day === null ? '' : isoOfDay(day));

/**
 * The Close Date a single-cell edit's old value held, or undefined when it does not say. Sheets
 * gives none for a cell that was blank or for a pasted cell (so undefined is not "blank"), and
 * gives a date cell's value as its serial number (days since 1899-12-30), as text: "Cell value
 * prior to the edit" (Apps Script, Event objects, Edit); a Date (as the emulator gives it) or
 * yyyy-mm-dd text are read too.
 */
export function closeDateOfOldValue(value: unknown, timeZone: string): CalendarDay | null | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' || (typeof value === 'string' && SERIAL.test(value.trim()))) {
    return Math.floor(Number(value)) - SERIAL_OF_EPOCH;
  }
  const day = readDay(value, timeZone);
  return isUnreadable(day) ? undefined : day;
}

/** The Amount a single-cell edit's old value held (Sheets gives numbers as text), or undefined. */
export function amountOfOldValue(value: unknown): number | null | undefined {
  if (value === undefined) return undefined;
  const amount = readMoney(value);
  return isUnreadable(amount) ? undefined : amount;
}
