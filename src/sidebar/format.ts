/** How the sidebar shows numbers and dates: the sheet's currency, percentages, days after today. */
import { isoOfDay, parseIsoDay } from '../core/dates';
import type { DayText } from '../core/sidebar/contract';
import { percentShown } from '../core/values';

const formats = new Map<string, Intl.NumberFormat | null>();

function currencyFormat(currency: string): Intl.NumberFormat | null {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
  } catch {
    return null;
  }
}

/**
 * An amount in the sheet's currency, whole units: "$12,500". Settings may name a currency Intl
 * does not know (a symbol, a typo): then the name goes in front of the number as it is.
 */
export function moneyShown(amount: number, currency: string): string {
  if (!formats.has(currency)) formats.set(currency, currencyFormat(currency));
  const format = formats.get(currency);
  if (format) return format.format(amount);
  return `${currency} ${Math.round(amount).toLocaleString('en-US')}`.trim();
}

/** A win rate: "40 %", or a dash when no deal closed. */
export function rateShown(fraction: number | null): string {
  return fraction === null ? '—' : percentShown(fraction);
}

/** The day `days` after `day` (both yyyy-mm-dd); '' when `day` is not one. */
export function daysAfter(day: DayText, days: number): DayText {
  const parsed = parseIsoDay(day);
  return parsed === null ? '' : isoOfDay(parsed + days);
}
