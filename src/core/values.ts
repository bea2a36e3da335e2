/**
 * Reading one cell value, as `getValues()` or a form hands it over: a number, a string, a
 * boolean, a Date (from any realm) or nothing. Every reader returns the typed value, null for a
 * blank cell, or an Unreadable that completes the sentence "<Field> must be …" so that the
 * caller can name the deal or the cell in front of it.
 *
 * Readers allocate nothing on success: they run for every cell of every row.
 */
import { dayOfDate, isDate, isoOfDay, parseIsoDay, startOfDay, timeZoneOffsetMs } from './dates';
import { quoteValue } from './problems';
import type { CalendarDay } from './types';

// Kept in module constants: see dates.ts on global lookups in the per-cell path.
const isFiniteNumber = Number.isFinite;
const isNotANumber = Number.isNaN;

/** Why a cell could not be read, e.g. `must be a number ≥ 0, not "abc"`. */
export interface Unreadable {
  readonly unreadable: string;
}

export type Reading<T> = T | null | Unreadable;

export function isUnreadable(reading: unknown): reading is Unreadable {
  return typeof reading === 'object' && reading !== null && 'unreadable' in reading;
}

function unreadable(allowed: string, value: unknown): Unreadable {
  return { unreadable: `must be ${allowed}, not ${quoteValue(value)}` };
}

/** Blank: nothing, or text that is only spaces. */
export function isBlankCell(value: unknown): boolean {
  return value == null || value === '' || (typeof value === 'string' && value.trim() === '');
}

/**
 * A text cell, trimmed. Sheets turns some typing into numbers, booleans or dates; those come
 * back as the user saw them (a date as yyyy-mm-dd in the spreadsheet's time zone).
 */
export function readText(value: unknown, timeZone = 'UTC'): string {
  if (typeof value === 'string') return value.trim();
  if (value == null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) return Number.isNaN(value.getTime()) ? '' : isoOfDay(dayOfDate(value, timeZone));
  return String(value).trim();
}

// "1,234.50", "$1,200", "-€ 30", "1200 €": thousands commas only in groups of three, one symbol.
const NUMBER_TEXT =
  /^([-+])?\s*([$€£¥₹])?\s*([-+])?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*([$€£¥₹])?$/;

/** A number from a number cell or from numeric text, or undefined when it is neither. */
function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return isFiniteNumber(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = NUMBER_TEXT.exec(value.trim());
  if (!match || (match[1] && match[3]) || (match[2] && match[5])) return undefined;
  const digits = (match[4] ?? '').replace(/,/g, '');
  const magnitude = Number(digits);
  return match[1] === '-' || match[3] === '-' ? -magnitude : magnitude;
}

/** A sum of money: a number ≥ 0, with or without a currency symbol and thousands commas. */
export function readMoney(value: unknown): Reading<number> {
  if (isBlankCell(value)) return null;
  const n = numberOf(value);
  return n === undefined || n < 0 ? unreadable('a number ≥ 0', value) : n;
}

/** A whole number from `min` to `max` (a count of days, an hour, a month). */
export function readWholeNumber(value: unknown, min: number, max = Infinity): Reading<number> {
  if (isBlankCell(value)) return null;
  const n = numberOf(value);
  if (n === undefined || !Number.isInteger(n) || n < min || n > max) {
    const range = max === Infinity ? `≥ ${min}` : `from ${min} to ${max}`;
    return unreadable(`a whole number ${range}`, value);
  }
  return n;
}

const PERCENT_ALLOWED = 'a percentage from 0 % to 100 % (such as 25% or 0.25)';
const PERCENT_TEXT = /^([-+]?(?:\d+(?:\.\d+)?|\.\d+))\s*%$/;
const DECIMAL_COMMA_PERCENT = /^\d+,\d+\s*%?$/;

/** 0.655 → "65.5 %", 1.5 → "150 %": a fraction as a percent-formatted cell shows it. */
export function percentShown(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10} %`;
}

/**
 * A probability as a fraction 0..1. Written with "%" (typed as text, with or without a leading
 * apostrophe) it is that percentage. A number without "%" is the fraction itself, as Sheets
 * stores a percent-formatted cell: 0.25 is 25 % and 1 is 100 %. Sheets turns a typed "150%"
 * into the number 1.5, and only the cell's number format would tell it from a typed 1.5, so no
 * number above 1 is taken for a whole percentage: it is refused, and the message says what the
 * cell holds and what that is as a percentage ("not 1.5 (150 %)"), which reads right whether the
 * cell shows 1.5 or 150 %. "12,5%" is refused rather than guessed (decimal comma, or 125 %?).
 */
export function readPercent(value: unknown): Reading<number> {
  if (isBlankCell(value)) return null;
  const text = typeof value === 'string' ? value.trim().replace(/^'/, '').trim() : undefined;
  const written = text === undefined ? null : PERCENT_TEXT.exec(text);
  if (written) {
    const n = Number(written[1]) / 100;
    return n >= 0 && n <= 1 ? n : unreadable(PERCENT_ALLOWED, value);
  }
  if (text !== undefined && DECIMAL_COMMA_PERCENT.test(text)) {
    return {
      unreadable: `must be written with a decimal point (such as 12.5 %), not ${quoteValue(value)}`,
    };
  }
  const n = numberOf(text ?? value);
  if (n === undefined) return unreadable(PERCENT_ALLOWED, value);
  if (n >= 0 && n <= 1) return n;
  return { unreadable: `must be ${PERCENT_ALLOWED}, not ${quoteValue(value)} (${percentShown(n)})` };
}

const DATE_ALLOWED = 'a date such as 2025-03-31';
// "2025-03-31 14:05", "2025-03-31T14:05:09": a local time in the spreadsheet's time zone.
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A calendar day in the spreadsheet's time zone. Date cells arrive as Dates; text must be
 * yyyy-mm-dd (optionally with a time) because "03/04/2025" means two different days in two
 * countries. Bare numbers (date serials) are refused: a number in a date column is a typing slip.
 */
export function readDay(value: unknown, timeZone: string): Reading<CalendarDay> {
  if (isBlankCell(value)) return null;
  if (isDate(value)) {
    return isNotANumber(value.getTime()) ? unreadable(DATE_ALLOWED, value) : dayOfDate(value, timeZone);
  }
  if (typeof value === 'string') {
    const match = ISO_DATE_TIME.exec(value.trim());
    const day = match ? parseIsoDay(match[1] ?? '') : null;
    if (day !== null && (!match?.[2] || validTime(match))) return day;
  }
  return unreadable(DATE_ALLOWED, value);
}

const DATE_TIME_ALLOWED = 'a date and time such as 2025-03-31 14:05';

/** An instant (ms since epoch); text is a local date and time in the spreadsheet's time zone. */
export function readInstant(value: unknown, timeZone: string): Reading<number> {
  if (isBlankCell(value)) return null;
  if (isDate(value)) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? unreadable(DATE_TIME_ALLOWED, value) : ms;
  }
  if (typeof value === 'string') {
    const match = ISO_DATE_TIME.exec(value.trim());
    const day = match ? parseIsoDay(match[1] ?? '') : null;
    if (match && day !== null) {
      if (!match[2]) return startOfDay(day, timeZone).getTime();
      if (validTime(match)) return localInstant(day, match, timeZone);
    }
  }
  return unreadable(DATE_TIME_ALLOWED, value);
}

function validTime(match: RegExpExecArray): boolean {
  return Number(match[2]) < 24 && Number(match[3]) < 60 && Number(match[4] ?? 0) < 60;
}

function localInstant(day: CalendarDay, match: RegExpExecArray, timeZone: string): number {
  const wall =
    day * 86_400_000 + ((Number(match[2]) * 60 + Number(match[3])) * 60 + Number(match[4] ?? 0)) * 1000;
  // Two passes settle the offset near a daylight-saving change, as startOfDay does.
  const first = wall - timeZoneOffsetMs(wall, timeZone);
  return wall - timeZoneOffsetMs(first, timeZone);
}

// Which characters may appear where in an address: the local part as the WHATWG form check
// allows it, the domain as dotted labels of letters, digits and hyphens. A table lookup per
// character instead of a regular expression, because every Email and Owner cell goes through it.
const LOCAL_CHAR = new Uint8Array(128);
const DOMAIN_CHAR = new Uint8Array(128);
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-') {
  LOCAL_CHAR[ch.charCodeAt(0)] = 1;
  DOMAIN_CHAR[ch.charCodeAt(0)] = 1;
}
for (const ch of ".!#$%&'*+/=?^_`{|}~") LOCAL_CHAR[ch.charCodeAt(0)] = 1;
const DOT = 46;

/**
 * A pragmatic syntax check for one address (no display names, no lists). The domain needs a dot:
 * mail to "bob@localhost" from a spreadsheet is a typo, not an intranet.
 */
export function isEmailAddress(text: string): boolean {
  const at = text.indexOf('@');
  if (at <= 0 || at === text.length - 1) return false;
  for (let i = 0; i < at; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || LOCAL_CHAR[code] !== 1) return false;
  }
  let dots = 0;
  let labelLength = 0;
  for (let i = at + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === DOT) {
      if (labelLength === 0) return false;
      dots++;
      labelLength = 0;
    } else if (code >= 128 || DOMAIN_CHAR[code] !== 1)
      return false; // also a second "@"
    else labelLength++;
  }
  return dots > 0 && labelLength > 0;
}
