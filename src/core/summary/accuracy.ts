/**
 * The forecast accuracy table: for each of the last closed months, the team's row and then each
 * owner's, with what was forecast 12, 8 and 4 weeks before, what was won, and how close each
 * forecast came. Rows of Forecast History that could not be read are named below it.
 */
import type { AccuracyRow, ForecastAccuracy } from '../forecast-history/accuracy';
import { CLOSED_MONTHS, LEAD_WEEKS } from '../forecast-history/accuracy';
import { countOf } from '../wording';
import type { GridBuilder, GridRect } from './grid';

const ACCURACY_HEADERS = [
  'Month',
  'Owner',
  ...LEAD_WEEKS.map((weeks) => `Forecast ${weeks} weeks before`),
  'Actual won',
  ...LEAD_WEEKS.map((weeks) => `Accuracy ${weeks} weeks`),
];

/** The team's rows are labelled so in the Owner column. */
const TEAM = 'Team';

/** Rows of Forecast History named one by one; the rest are counted. */
const PROBLEMS_SHOWN = 5;

/** Where the team's rows went, for the forecast vs actual chart. */
export interface AccuracyPlacement {
  /** The header and the team's month rows: Month in column 1, the 4-week forecast in 5, actual won in 6. */
  readonly teamRows: GridRect;
}

export function addAccuracy(grid: GridBuilder, accuracy: ForecastAccuracy): AccuracyPlacement {
  const c = grid.cells;
  const line = (row: AccuracyRow) =>
    grid.row(
      row.label,
      row.owner === '' ? TEAM : row.owner,
      ...row.leads.map((lead) => c.money(lead.forecast)),
      c.money(row.actual),
      ...row.leads.map((lead) => c.percent(lead.accuracy)),
    );
  grid.boldRow(`Forecast accuracy, last ${CLOSED_MONTHS} closed months`);
  const headerRow = grid.boldRow(...ACCURACY_HEADERS);
  accuracy.team.forEach(line);
  accuracy.owners.forEach(line);
  grid.row(
    'Forecast: the Weighted Forecast of the Forecast History snapshot taken nearest that many weeks before the month began (within 7 days). Accuracy = 1 − |forecast − actual| ÷ actual; — where no snapshot was taken then, or nothing was won.',
  );
  for (const problem of accuracy.notes.slice(0, PROBLEMS_SHOWN)) grid.row(problem);
  const more = accuracy.notes.length - PROBLEMS_SHOWN;
  if (more > 0) grid.row(`… and ${countOf(more, 'more row')} of Forecast History left out.`);
  return {
    teamRows: {
      row: headerRow,
      column: 1,
      numRows: accuracy.team.length + 1,
      numColumns: ACCURACY_HEADERS.length,
    },
  };
}
