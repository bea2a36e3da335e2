/**
 * The forecast: for a period, Σ Amount of won deals closing in it + Σ weighted value of open deals
 * closing in it (SPEC §2), with the open Amount split by the stage's Forecast Category.
 */
import { addMonths, monthStart, partsOfDay } from '../dates';
import type { CalendarDay } from '../types';
import type { PricedDeal } from './pipeline';
import { type DayRange, inRange } from './value';

/** One forecast row. Lost deals are in no column: they will not close. */
export interface ForecastCells {
  /** Σ Amount of won deals. */
  readonly closedWon: number;
  /** Σ Amount of open deals whose stage's Forecast Category is Commit / Best Case / Pipeline. */
  readonly commit: number;
  readonly bestCase: number;
  readonly pipeline: number;
  /**
   * Σ Amount of open deals in an open stage the team filed under Omitted (or Closed): not a
   * forecast column, kept so every open dollar is somewhere.
   */
  readonly omitted: number;
  /** Weighted Forecast: closedWon + Σ weighted value of open deals. */
  readonly weighted: number;
}

interface MutableCells {
  closedWon: number;
  commit: number;
  bestCase: number;
  pipeline: number;
  omitted: number;
  weighted: number;
}

const emptyCells = (): MutableCells => ({
  closedWon: 0,
  commit: 0,
  bestCase: 0,
  pipeline: 0,
  omitted: 0,
  weighted: 0,
});

function addDeal(cells: MutableCells, d: PricedDeal): void {
  if (d.kind === 'won') {
    cells.closedWon += d.amount;
    cells.weighted += d.amount;
  } else if (d.kind === 'open') {
    cells.weighted += d.weighted;
    const category = d.stage.forecastCategory;
    if (category === 'Commit') cells.commit += d.amount;
    else if (category === 'Best Case') cells.bestCase += d.amount;
    else if (category === 'Pipeline') cells.pipeline += d.amount;
    else cells.omitted += d.amount;
  }
}

/** The forecast for one period (e.g. this fiscal quarter); deals with no Close Date are outside it. */
export function periodForecast(priced: readonly PricedDeal[], period: DayRange): ForecastCells {
  const cells = emptyCells();
  for (const d of priced)
    if (d.deal.closeDate !== null && inRange(d.deal.closeDate, period)) addDeal(cells, d);
  return cells;
}

export interface ForecastMonth extends ForecastCells {
  /** First day of the month. */
  readonly month: CalendarDay;
  /** "yyyy-mm" */
  readonly label: string;
}

export interface MonthlyForecast {
  /** The current month and the next `months` − 1, in order. */
  readonly months: readonly ForecastMonth[];
  /** Open (and won) deals with a blank Close Date: reported apart, never dropped. */
  readonly noCloseDate: ForecastCells;
  /** Deals closing before the current month (mostly deals won in the past; open ones are overdue). */
  readonly beforeWindow: ForecastCells;
  /** Deals closing after the last month shown. */
  readonly afterWindow: ForecastCells;
  /** Every deal: months + noCloseDate + beforeWindow + afterWindow, column by column. */
  readonly total: ForecastCells;
}

const monthIndex = (day: CalendarDay): number => {
  const p = partsOfDay(day);
  return p.year * 12 + p.month - 1;
};

export function monthlyForecast(
  priced: readonly PricedDeal[],
  today: CalendarDay,
  months: number,
): MonthlyForecast {
  const count = Math.max(0, Math.floor(months));
  const first = monthStart(today);
  const firstIndex = monthIndex(first);
  const rows = Array.from({ length: count }, emptyCells);
  const noCloseDate = emptyCells();
  const beforeWindow = emptyCells();
  const afterWindow = emptyCells();
  const total = emptyCells();
  for (const d of priced) {
    if (d.kind === 'lost') continue;
    addDeal(total, d);
    const close = d.deal.closeDate;
    if (close === null) {
      addDeal(noCloseDate, d);
      continue;
    }
    const offset = monthIndex(close) - firstIndex;
    if (offset < 0) addDeal(beforeWindow, d);
    else if (offset >= count) addDeal(afterWindow, d);
    else addDeal(rows[offset] as MutableCells, d);
  }
  return {
    months: rows.map((cells, i) => {
      const month = addMonths(first, i);
      const p = partsOfDay(month);
      return { ...cells, month, label: `${p.year}-${String(p.month).padStart(2, '0')}` };
    }),
    noCloseDate,
    beforeWindow,
    afterWindow,
    total,
  };
}
