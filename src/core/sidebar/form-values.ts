/**
 * One value of a DealForm, as google.script.run delivered it (or as anyone typing in a browser
 * console sent it), read into what a Deal holds: trimmed text, a number, a calendar day, or blank.
 * The sidebar's form and the server read values with these same functions, and the numbers with
 * the same readers as a Deals cell (values.ts), so "12,000" or "65%" mean the same everywhere.
 */
import type { DealField } from '../columns';
import { DEAL_FIELDS } from '../columns';
import { isDate, parseIsoDay } from '../dates';
import type { Deal } from '../types';
import type { Reading, Unreadable } from '../values';
import { isUnreadable, readDay, readMoney, readPercent } from '../values';
import type { DealForm } from './contract';

export type FormField = keyof DealForm;

/** The columns a person fills in, in Deals order: exactly the keys of a DealForm. */
export const FORM_FIELDS: readonly FormField[] = DEAL_FIELDS.filter(
  (field): field is Extract<(typeof DEAL_FIELDS)[number], { filledBy: 'user' }> => field.filledBy === 'user',
).map((field) => field.key);

/** A form's values once read: only the fields it carried. */
export type FormValues = { -readonly [K in FormField]?: Deal[K] };

/** Sheets keeps at most 50,000 characters in a cell. */
const MAX_TEXT_LENGTH = 50_000;

/** How a message names a value a person (or a script) sent: text quoted, the rest by kind. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return 'a list';
  if (isDate(value)) return 'a Date object';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

const NOT_NAN = ', not NaN';

/** What a reader allows, in its own words: its message for NaN, without the ", not NaN". */
function allowedBy(read: (value: unknown) => Reading<unknown>): string {
  return (read(Number.NaN) as Unreadable).unreadable.slice(0, -NOT_NAN.length);
}

const DATE_ALLOWED = allowedBy((value) => readDay(value, 'UTC'));

/** A value read, or why it cannot be (e.g. `must be a number ≥ 0, not "abc"`). */
export type FormReading = { readonly value: string | number | null } | { readonly problem: string };

const blank = (value: unknown) => value === undefined || value === null;

function readText(value: unknown): FormReading {
  if (blank(value)) return { value: '' };
  if (typeof value !== 'string') return { problem: `must be text, not ${describeValue(value)}` };
  if (value.length > MAX_TEXT_LENGTH) {
    return { problem: `must be at most 50,000 characters long, not ${value.length}` };
  }
  return { value: value.trim() };
}

/** Amount and Probability: a number, or text the cell readers understand ("12,000", "65%"). */
function readNumber(value: unknown, read: (value: unknown) => Reading<number>): FormReading {
  if (blank(value)) return { value: null };
  if (typeof value !== 'number' && typeof value !== 'string') {
    return { problem: `${allowedBy(read)}, not ${describeValue(value)}` };
  }
  const reading = read(value);
  return isUnreadable(reading) ? { problem: reading.unreadable } : { value: reading };
}

/** A day as `yyyy-mm-dd` text naming a real day: no Date crosses google.script.run. */
function readDayText(value: unknown): FormReading {
  if (blank(value) || (typeof value === 'string' && value.trim() === '')) return { value: null };
  const day = typeof value === 'string' ? parseIsoDay(value) : null;
  return day === null ? { problem: `${DATE_ALLOWED}, not ${describeValue(value)}` } : { value: day };
}

/** Reads the value of one form field by the type of its Deals column. */
export function readFormValue(field: DealField, value: unknown): FormReading {
  switch (field.type) {
    case 'money':
      return readNumber(value, readMoney);
    case 'percent':
      return readNumber(value, readPercent);
    case 'date':
      return readDayText(value);
    default:
      return readText(value);
  }
}
