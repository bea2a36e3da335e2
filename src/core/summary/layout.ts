/**
 * The whole Summary sheet as one grid, top to bottom: the KPI block (with the refresh time beside
 * it), the forecast by month, per owner, the funnel, the probability check and forecast range,
 * forecast accuracy, close-date slippage, data quality, then the two lists, whose length varies
 * most, last. Three charts sit to the right.
 */
import { dayOfDate, isoOfDay, msIntoDay } from '../dates';
import type { ForecastAccuracy } from '../forecast-history/accuracy';
import type { SummaryNumbers } from '../numbers';
import type { SlippageNumbers } from '../numbers/slippage';
import type { CalendarDay } from '../types';
import { addAccuracy } from './accuracy';
import { addOverdueFollowUps, addStaleDeals } from './attention';
import { addForecastRange, addProbabilityCheck } from './checks';
import type { DataQuality } from './data-quality';
import { addDataQuality } from './data-quality';
import { addForecast } from './forecast';
import { addFunnel } from './funnel';
import type { FontWeight, GridRect, SummaryValue } from './grid';
import { CellKinds, GridBuilder } from './grid';
import { addKpis } from './kpis';
import { addOwners } from './owners';
import { addSlippage } from './slippage';

export interface SummaryInput {
  readonly numbers: SummaryNumbers;
  readonly currency: string;
  readonly today: CalendarDay;
  /** "Refreshed …", see refreshedText. */
  readonly refreshed: string;
  readonly quality: DataQuality;
  readonly slippage: SlippageNumbers;
  readonly accuracy: ForecastAccuracy;
}

export interface SummaryChart {
  readonly title: string;
  readonly kind: 'COLUMN' | 'LINE';
  /** The first range is the categories (with its header), the others the series. */
  readonly ranges: readonly GridRect[];
  /** The cell the chart's top-left corner sits on. */
  readonly anchor: { readonly row: number; readonly column: number };
}

/** Three rectangles of the same size from A1, and the charts. */
export interface SummaryLayout {
  readonly values: SummaryValue[][];
  readonly formats: string[][];
  readonly weights: FontWeight[][];
  readonly charts: readonly SummaryChart[];
}

/** The column the refresh time sits in, right of the KPI block's label, value and note. */
const REFRESHED_COLUMN = 4;
/** Rows between the tops of the two charts (a default chart is about 18 rows high). */
const CHART_SPACING = 20;

/** "Refreshed 2026-11-27 09:00 America/Los_Angeles", in the spreadsheet's time zone. */
export function refreshedText(now: number, timeZone: string): string {
  const minutes = Math.floor(msIntoDay(now, timeZone) / 60_000);
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `Refreshed ${isoOfDay(dayOfDate(now, timeZone))} ${hhmm} ${timeZone}`;
}

export function summaryLayout(input: SummaryInput): SummaryLayout {
  const { numbers } = input;
  const grid = new GridBuilder(new CellKinds(input.currency));
  addKpis(grid, numbers);
  grid.set(1, REFRESHED_COLUMN, grid.cells.bold(input.refreshed));
  grid.blank();
  const forecast = addForecast(grid, numbers.forecast);
  grid.blank();
  addOwners(grid, numbers.owners, numbers.closed.window.label);
  grid.blank();
  const funnel = addFunnel(grid, numbers.funnel);
  grid.blank();
  addProbabilityCheck(grid, numbers);
  grid.blank();
  addForecastRange(grid, numbers);
  grid.blank();
  const { teamRows } = addAccuracy(grid, input.accuracy);
  grid.blank();
  addSlippage(grid, input.slippage);
  grid.blank();
  addDataQuality(grid, input.quality);
  grid.blank();
  addStaleDeals(grid, numbers.stale, input.today);
  grid.blank();
  addOverdueFollowUps(grid, numbers.overdue, input.today);

  const cells = grid.build();
  const chartColumn = (cells[0]?.length ?? 1) + 2;
  const column = (rect: GridRect, offset: number, numColumns = 1): GridRect => ({
    ...rect,
    column: rect.column + offset,
    numColumns,
  });
  const { openRows } = funnel;
  const { monthRows } = forecast;
  return {
    values: cells.map((line) => line.map((cell) => cell.value)),
    formats: cells.map((line) => line.map((cell) => cell.format)),
    weights: cells.map((line) => line.map((cell) => cell.weight)),
    charts: [
      {
        title: 'Open pipeline by stage',
        kind: 'COLUMN',
        // Stage, then Amount and Weighted.
        ranges: [column(openRows, 0), column(openRows, 2, 2)],
        anchor: { row: 1, column: chartColumn },
      },
      {
        title: 'Forecast by month',
        kind: 'COLUMN',
        // Month, then Closed Won and Weighted Forecast.
        ranges: [column(monthRows, 0), column(monthRows, 1), column(monthRows, 5)],
        anchor: { row: 1 + CHART_SPACING, column: chartColumn },
      },
      {
        title: 'Team forecast 4 weeks before vs actual won',
        kind: 'LINE',
        // Month, then Forecast 4 weeks before and Actual won.
        ranges: [column(teamRows, 0), column(teamRows, 4, 2)],
        anchor: { row: 1 + 2 * CHART_SPACING, column: chartColumn },
      },
    ],
  };
}
