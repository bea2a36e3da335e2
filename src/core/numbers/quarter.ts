/**
 * This fiscal quarter: what was won in it, and how well the open pipeline covers the target.
 */
import { addMonths, quarterStart } from '../dates';
import type { CalendarDay } from '../types';
import { periodForecast } from './forecast';
import type { PricedDeal } from './pipeline';

export interface Period {
  readonly from: CalendarDay;
  readonly to: CalendarDay;
}

/** The fiscal quarter containing `today`, first and last day inclusive. */
function fiscalQuarter(today: CalendarDay, fiscalYearStartMonth: number): Period {
  const from = quarterStart(today, fiscalYearStartMonth);
  return { from, to: addMonths(from, 3) - 1 };
}

export interface QuarterNumbers {
  readonly quarter: Period;
  /** Won deals whose Close Date is in the quarter: "Won this quarter". */
  readonly wonDeals: number;
  readonly wonAmount: number;
  /** Σ Amount and Σ weighted value of open deals whose Close Date is in the quarter. */
  readonly openClosing: number;
  readonly weightedClosing: number;
}

export function quarterNumbers(
  priced: readonly PricedDeal[],
  today: CalendarDay,
  fiscalYearStartMonth: number,
): QuarterNumbers {
  const quarter = fiscalQuarter(today, fiscalYearStartMonth);
  const forecast = periodForecast(priced, quarter);
  let wonDeals = 0;
  for (const d of priced) {
    const close = d.deal.closeDate;
    if (d.kind === 'won' && close !== null && close >= quarter.from && close <= quarter.to) wonDeals++;
  }
  const openClosing = forecast.commit + forecast.bestCase + forecast.pipeline + forecast.omitted;
  return {
    quarter,
    wonDeals,
    wonAmount: forecast.closedWon,
    openClosing,
    weightedClosing: forecast.weighted - forecast.closedWon,
  };
}

export interface TargetCoverage {
  readonly target: number;
  /** Target − won this quarter, never below 0. */
  readonly remaining: number;
  /**
   * Pipeline coverage, the ratio sales teams quote ("we need 3× coverage"): open pipeline closing
   * this quarter ÷ the part of the target not yet won. Null once the target is met (remaining 0).
   */
  readonly coverage: number | null;
  readonly targetMet: boolean;
  /** Won this quarter ÷ target. */
  readonly attainment: number;
  /** (Won + weighted pipeline closing this quarter) ÷ target: where the quarter should land. */
  readonly expectedAttainment: number;
}

/** Null when no Quarterly Target is set (or it is not above 0): the Summary then omits the row. */
export function targetCoverage(quarter: QuarterNumbers, target: number | null): TargetCoverage | null {
  if (target === null || !(target > 0)) return null;
  const remaining = Math.max(0, target - quarter.wonAmount);
  return {
    target,
    remaining,
    coverage: remaining > 0 ? quarter.openClosing / remaining : null,
    targetMet: remaining === 0,
    attainment: quarter.wonAmount / target,
    expectedAttainment: (quarter.wonAmount + quarter.weightedClosing) / target,
  };
}
