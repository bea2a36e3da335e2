/**
 * What closed deals tell: win rate, average deal size and sales cycle, over the deals closed in a
 * window. Primitives take plain arrays (WIN_RATE's ranges); closedDealStats takes priced deals.
 */
import { dayFromParts, partsOfDay } from '../dates';
import type { CalendarDay, StageKind } from '../types';
import type { PricedDeal } from './pipeline';
import { ALL_DAYS, type DayRange, inRange } from './value';

/** The deals the Summary's win rate, deal size and cycle are taken over, with a label to show. */
export interface ClosedWindow extends DayRange {
  readonly label: string;
}

/**
 * The Summary's default: deals closed in the 12 months ending today (today included, the same
 * date a year ago excluded). A trailing year is what sales teams quote, recent enough to reflect
 * the team as it is, long enough to hold a few dozen closed deals in a small team.
 */
export function lastTwelveMonths(today: CalendarDay): ClosedWindow {
  const p = partsOfDay(today);
  return { from: dayFromParts(p.year - 1, p.month, p.day) + 1, to: today, label: 'last 12 months' };
}

/** won ÷ (won + lost) by count; open rows never count; null when nothing closed. */
export function winRate(
  kinds: readonly StageKind[],
  closeDates?: readonly (CalendarDay | null)[],
  range: DayRange = ALL_DAYS,
): number | null {
  let won = 0;
  let lost = 0;
  for (let i = 0; i < kinds.length; i++) {
    if (closeDates && !inRange(closeDates[i] ?? null, range)) continue;
    if (kinds[i] === 'won') won++;
    else if (kinds[i] === 'lost') lost++;
  }
  return won + lost === 0 ? null : won / (won + lost);
}

/** Mean of the won deals' amounts; blank amounts are unknown, not zero, so they are left out. */
export function averageDealSize(wonAmounts: readonly (number | null)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const amount of wonAmounts) {
    if (amount === null) continue;
    sum += amount;
    n++;
  }
  return n === 0 ? null : sum / n;
}

/**
 * Mean days from Created to Close Date of won deals. A deal missing either date is left out, and
 * so is one that closed before it was created: Created is the day the row got its ID, so a deal
 * imported after it was won says nothing about how long it took.
 */
export function salesCycleDays(
  created: readonly (CalendarDay | null)[],
  closeDates: readonly (CalendarDay | null)[],
): { readonly days: number | null; readonly deals: number } {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < created.length; i++) {
    const start = created[i] ?? null;
    const end = closeDates[i] ?? null;
    if (start === null || end === null || end < start) continue;
    sum += end - start;
    n++;
  }
  return { days: n === 0 ? null : sum / n, deals: n };
}

export interface ClosedDealStats {
  readonly window: ClosedWindow;
  readonly won: number;
  readonly lost: number;
  readonly winRate: number | null;
  readonly wonAmount: number;
  readonly averageDealSize: number | null;
  readonly salesCycleDays: number | null;
  /** How many won deals the sales cycle is the mean of. */
  readonly cycleDeals: number;
}

export function closedDealStats(priced: readonly PricedDeal[], window: ClosedWindow): ClosedDealStats {
  const kinds: StageKind[] = [];
  const wonAmounts: (number | null)[] = [];
  const created: (CalendarDay | null)[] = [];
  const closed: (CalendarDay | null)[] = [];
  let won = 0;
  let lost = 0;
  let wonAmount = 0;
  for (const d of priced) {
    if (d.kind === 'open' || !inRange(d.deal.closeDate, window)) continue;
    kinds.push(d.kind);
    if (d.kind === 'lost') {
      lost++;
      continue;
    }
    won++;
    wonAmount += d.amount;
    wonAmounts.push(d.deal.amount);
    created.push(d.deal.created);
    closed.push(d.deal.closeDate);
  }
  const cycle = salesCycleDays(created, closed);
  return {
    window,
    won,
    lost,
    winRate: winRate(kinds),
    wonAmount,
    averageDealSize: averageDealSize(wonAmounts),
    salesCycleDays: cycle.days,
    cycleDeals: cycle.deals,
  };
}
