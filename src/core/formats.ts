/**
 * Sheets number formats for each kind of Deals cell. Pure, so the set-up, the Summary and the
 * tests agree on one spelling.
 */
import type { FieldType } from './columns';

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  USD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  CNY: '¥',
  INR: '₹',
  CAD: 'CA$',
  AUD: 'A$',
  NZD: 'NZ$',
  CHF: 'CHF ',
  SEK: 'kr ',
  BRL: 'R$',
  MXN: 'MX$',
};

/** Currencies shown without decimals, as their users write them. */
const WHOLE_UNIT_CURRENCIES = new Set(['JPY']);

export const PERCENT_FORMAT = '0%';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
export const TEXT_FORMAT = '@';

/** The money format for an ISO 4217 code, e.g. USD → [$$]#,##0.00; unknown codes are spelled out. */
export function currencyFormat(currency: string): string {
  const code = currency.trim().toUpperCase();
  const digits = WHOLE_UNIT_CURRENCIES.has(code) ? '#,##0' : '#,##0.00';
  const symbol = CURRENCY_SYMBOLS[code];
  if (symbol !== undefined) return `[$${symbol}]${digits}`;
  return code === '' ? digits : `${digits} "${code.replace(/"/g, '')}"`;
}

/** The number format a Deals column of this type gets, or null to leave the cell's own. */
export function numberFormatFor(type: FieldType, currency: string): string | null {
  switch (type) {
    case 'id':
    case 'phone':
      return TEXT_FORMAT;
    case 'money':
      return currencyFormat(currency);
    case 'percent':
      return PERCENT_FORMAT;
    case 'date':
      return DATE_FORMAT;
    case 'datetime':
      return DATE_TIME_FORMAT;
    case 'text':
    case 'email':
    case 'stage':
      return null;
  }
}
