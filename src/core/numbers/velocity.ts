/**
 * Sales velocity: how much revenue the pipeline produces per day,
 * open deals × average deal size × win rate ÷ sales cycle (SPEC §2).
 */
import type { CalendarDay, StageKind } from '../types';
import { averageDealSize, salesCycleDays, winRate } from './win-rate';

/**
 * Null when a factor is unknown (nothing won or closed yet), or when the sales cycle is 0 days:
 * deals won the day they were created give no rate "per day" to speak of.
 */
export function salesVelocity(
  openDeals: number,
  dealSize: number | null,
  rate: number | null,
  cycleDays: number | null,
): number | null {
  if (dealSize === null || rate === null || cycleDays === null || cycleDays <= 0) return null;
  return (openDeals * dealSize * rate) / cycleDays;
}

/** SALES_VELOCITY on plain columns: every factor taken from the same rows. */
export function salesVelocityOf(
  amounts: readonly (number | null)[],
  kinds: readonly StageKind[],
  created: readonly (CalendarDay | null)[],
  closeDates: readonly (CalendarDay | null)[],
): number | null {
  let openDeals = 0;
  const wonAmounts: (number | null)[] = [];
  const wonCreated: (CalendarDay | null)[] = [];
  const wonClosed: (CalendarDay | null)[] = [];
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] === 'open') openDeals++;
    if (kinds[i] !== 'won') continue;
    wonAmounts.push(amounts[i] ?? null);
    wonCreated.push(created[i] ?? null);
    wonClosed.push(closeDates[i] ?? null);
  }
  return salesVelocity(
    openDeals,
    averageDealSize(wonAmounts),
    winRate(kinds),
    salesCycleDays(wonCreated, wonClosed).days,
  );
}
