/**
 * The monthly forecast table: the current month and the next Summary Months − 1, then every deal
 * the months leave out (no Close Date, closing before or after them), so the Total row adds up.
 */
import { FORECAST_BUCKET_HEADERS } from '../columns';
import type { ForecastCells, MonthlyForecast } from '../numbers';
import type { GridBuilder, GridRect } from './grid';

const FORECAST_HEADERS = ['Month', ...FORECAST_BUCKET_HEADERS] as const;

const NO_CLOSE_DATE = 'No close date';

/** Where the month rows went, for the forecast chart. */
export interface ForecastPlacement {
  readonly headerRow: number;
  /** The header and the month rows: Month in column 1, the amounts in columns 2–6. */
  readonly monthRows: GridRect;
}

export function addForecast(grid: GridBuilder, forecast: MonthlyForecast): ForecastPlacement {
  const c = grid.cells;
  const line = (label: string, cells: ForecastCells): number =>
    grid.row(
      label,
      c.money(cells.closedWon),
      c.money(cells.commit),
      c.money(cells.bestCase),
      c.money(cells.pipeline),
      c.money(cells.weighted),
    );
  grid.boldRow('Forecast by month');
  const headerRow = grid.boldRow(...FORECAST_HEADERS);
  for (const month of forecast.months) line(month.label, month);
  const first = forecast.months[0]?.label;
  const last = forecast.months[forecast.months.length - 1]?.label;
  line(NO_CLOSE_DATE, forecast.noCloseDate);
  line(first ? `Before ${first}` : 'Earlier close dates', forecast.beforeWindow);
  line(last ? `After ${last}` : 'Later close dates', forecast.afterWindow);
  line('Total', forecast.total);
  if (forecast.total.omitted > 0) {
    grid.row(
      'Open in Omitted stages',
      c.money(forecast.total.omitted),
      'open deals in a stage whose Forecast Category is Omitted or Closed: in Weighted Forecast only',
    );
  }
  grid.row(
    'Won deals count at their Amount; open deals at their Amount under their stage’s Forecast Category, and at Amount × probability in Weighted Forecast. Lost deals are left out.',
  );
  return {
    headerRow,
    monthRows: { row: headerRow, column: 1, numRows: forecast.months.length + 1, numColumns: 6 },
  };
}
