/**
 * What a written value becomes in a cell. Strings are parsed the way Sheets parses typed input
 * (and the way Range.setValues treats strings, like the Sheets API's USER_ENTERED option): "=..."
 * is a formula, and so is text that starts with "+", "-" or "@" and is not a number (the old
 * Lotus way of starting a formula, which Sheets still accepts: the "formula injection" characters
 * of OWASP's CSV Injection page and CWE-1236); a leading apostrophe keeps the rest as text;
 * numbers, percents, dollar amounts, TRUE/FALSE and dates are converted; nothing is parsed in a
 * cell formatted as plain text ("@").
 */
import { ianaZone, instantOf } from '../time-zones';
import { type CellValue, isDate } from './model';

export interface Parsed {
  value: CellValue | undefined;
  formula?: string;
  /** A number format Sheets applies along with the value (e.g. "0%" for "25%"). */
  format?: string;
  /** The formula was parsed from text, not set with setFormula. */
  fromText?: true;
}

const EMPTY: Parsed = { value: undefined };
const NUMBER = /^([+-])?(\$)?((?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)(%)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'object') return Object.prototype.toString.call(value).slice(8, -1);
  return typeof value;
}

/** Checks a value written by script code; null writes an empty cell as in Apps Script. */
export function parseScriptValue(value: unknown, timeZone: string, textFormat: boolean): Parsed {
  switch (typeof value) {
    case 'string':
      return parseText(value, timeZone, textFormat);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} to a cell: not a finite number.`);
      return { value };
    case 'boolean':
      return { value };
    default:
      if (value === null) return EMPTY;
      if (isDate(value) && !Number.isNaN(value.getTime())) return { value: new Date(value.getTime()) };
      throw new Error(
        `Cannot write a value of type ${describe(value)} to a cell: ` +
          'a cell holds a string, number, boolean or Date.',
      );
  }
}

function parseText(text: string, timeZone: string, textFormat: boolean): Parsed {
  if (text === '') return EMPTY;
  const first = text.charCodeAt(0);
  if (first === 61 /* = */ && text.length > 1 && !textFormat) return formulaText(text);
  if (first === 39 /* ' */) return { value: text.slice(1) || undefined };
  if (textFormat) return { value: text };
  // Only text that starts like a number, a sign, a dollar or a boolean can convert.
  const isDigitLike =
    (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46 || first === 36;
  const converted = isDigitLike ? parseNumberOrDate(text.trim(), timeZone) : null;
  if (converted) return converted;
  // "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)" are formulas; stored as "=" + text (Sheets shows
  // "+1+2" as "=+1+2"). Only that they are formulas matters: they run when Sheets computes them.
  const formulaStart = first === 43 /* + */ || first === 45 /* - */ || first === 64; /* @ */
  if (formulaStart && text.length > 1) return formulaText(`=${text}`);
  if (isDigitLike) return { value: text };
  if ((text.length === 4 || text.length === 5) && /^(true|false)$/i.test(text)) {
    return { value: text.toLowerCase() === 'true' };
  }
  return { value: text };
}

function formulaText(formula: string): Parsed {
  return { value: undefined, formula, fromText: true };
}

function parseNumberOrDate(text: string, timeZone: string): Parsed | null {
  const n = NUMBER.exec(text);
  if (n && /\d/.test(n[3] ?? '')) {
    let value = Number((n[3] ?? '').replace(/,/g, ''));
    if (n[1] === '-') value = -value;
    if (n[4]) {
      const decimals = (n[3] ?? '').includes('.');
      return { value: value / 100, format: decimals ? '0.00%' : '0%' };
    }
    return n[2] ? { value, format: '"$"#,##0.00' } : { value };
  }
  const iso = ISO_DATE.exec(text);
  if (iso) return dateOf(timeZone, iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]);
  const us = US_DATE.exec(text);
  if (us) return dateOf(timeZone, us[3], us[1], us[2], us[4], us[5], us[6]);
  return null;
}

function dateOf(timeZone: string, ...parts: (string | undefined)[]): Parsed | null {
  const [y, mo, d, h, mi, s] = parts.map((p) => Number(p ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return { value: new Date(instantOf(ianaZone(timeZone), y, mo, d, h, mi, s)) };
}
