/**
 * Weighted value, the one number every other total is built from, as a primitive on plain arrays
 * (what FORECAST_WEIGHTED parses its ranges into); priceDeals (pipeline.ts) weighs each Deal.
 */
import type { CalendarDay } from '../types';

/** An inclusive span of calendar days; a null end is open on that side. */
export interface DayRange {
  readonly from: CalendarDay | null;
  readonly to: CalendarDay | null;
}

export const ALL_DAYS: DayRange = { from: null, to: null };

/**
 * Whether `day` lies in `range`. A row with no date lies in the unbounded range only: once a
 * period is asked for, a deal with no date cannot be said to fall in it.
 */
export function inRange(day: CalendarDay | null, range: DayRange): boolean {
  if (range.from === null && range.to === null) return true;
  if (day === null) return false;
  return (range.from === null || day >= range.from) && (range.to === null || day <= range.to);
}

/**
 * Σ Amount × p over rows; p must already be 0..1 with won = 1 and lost = 0. With `closeDates`
 * and `range`, only rows whose close date lies in the range count (FORECAST_WEIGHTED's dates).
 */
export function weightedSum(
  amounts: readonly number[],
  probabilities: readonly number[],
  closeDates?: readonly (CalendarDay | null)[],
  range: DayRange = ALL_DAYS,
): number {
  if (amounts.length !== probabilities.length || (closeDates && closeDates.length !== amounts.length)) {
    throw new Error('weightedSum: amounts, probabilities and close dates must have the same length');
  }
  let sum = 0;
  if (!closeDates || (range.from === null && range.to === null)) {
    for (let i = 0; i < amounts.length; i++) sum += (amounts[i] as number) * (probabilities[i] as number);
    return sum;
  }
  for (let i = 0; i < amounts.length; i++) {
    if (inRange(closeDates[i] ?? null, range)) sum += (amounts[i] as number) * (probabilities[i] as number);
  }
  return sum;
}
