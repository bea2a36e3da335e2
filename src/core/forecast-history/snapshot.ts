/**
 * A forecast snapshot: the Summary's monthly forecast table (numbers/forecast.ts, the one
 * definition of those numbers) for the team and for each owner, as rows of the Forecast History
 * sheet, so that what was forecast can later be set beside what was won.
 */
import { FORECAST_HISTORY_HEADERS, normalizeHeader } from '../columns';
import { addMonths, monthStart, startOfDay } from '../dates';
import { currencyFormat, DATE_TIME_FORMAT, TEXT_FORMAT } from '../formats';
import type { ForecastCells } from '../numbers/forecast';
import { monthlyForecast } from '../numbers/forecast';
import { ownerKey } from '../numbers/owners';
import type { PricedDeal } from '../numbers/pipeline';
import { priceDeals } from '../numbers/pipeline';
import { stageLookup } from '../numbers/stage-lookup';
import type { CalendarDay, Deal, StageTable } from '../types';

/** How the Month column shows the first day of its month. */
export const MONTH_FORMAT = 'yyyy-mm';

/** One snapshot row before it has a Taken time: a forecast month, for the team or one owner. */
export interface SnapshotLine {
  /** The first day of the forecast month. */
  readonly month: CalendarDay;
  /** '' for the team row; else the owner as first written in Deals (trimmed). */
  readonly owner: string;
  readonly cells: ForecastCells;
}

/**
 * The snapshot of the current month and the next `months` − 1: for each month the team row
 * (every deal, with or without an Owner), then one row per owner who has a won or open deal
 * closing in one of those months (zeros in the months they have none), owners in alphabetical
 * order. Deals whose Stage is not in the table count nowhere, as on the Summary.
 */
export function snapshotLines(
  deals: readonly Deal[],
  table: StageTable,
  today: CalendarDay,
  months: number,
): SnapshotLine[] {
  const { priced } = priceDeals(deals, stageLookup(table));
  const first = monthStart(today);
  const end = addMonths(first, months);
  const byOwner = new Map<string, { shownAs: string; deals: PricedDeal[] }>();
  for (const d of priced) {
    const key = ownerKey(d.deal.owner);
    if (key === '') continue;
    let group = byOwner.get(key);
    if (!group) {
      group = { shownAs: d.deal.owner.trim(), deals: [] };
      byOwner.set(key, group);
    }
    group.deals.push(d);
  }
  const inWindow = (d: PricedDeal) =>
    d.kind !== 'lost' && d.deal.closeDate !== null && d.deal.closeDate >= first && d.deal.closeDate < end;
  const owners = [...byOwner.keys()]
    .sort()
    .map((key) => byOwner.get(key)!)
    .filter((group) => group.deals.some(inWindow))
    .map((group) => ({
      owner: group.shownAs,
      months: monthlyForecast(group.deals, today, months).months,
    }));
  const team = monthlyForecast(priced, today, months).months;
  return team.flatMap((month, i) => [
    { month: month.month, owner: '', cells: month },
    ...owners.map((owner) => ({ month: month.month, owner: owner.owner, cells: owner.months[i]! })),
  ]);
}

type SnapshotCell = string | number | Date;

/** The rows to append, as the cells of Forecast History's own columns, wherever they stand. */
export interface SnapshotBlock {
  /** The 0-based sheet columns written, ascending; a column of the user's own is never among them. */
  readonly columns: readonly number[];
  /** One row per line, a cell per column of `columns`. */
  readonly rows: readonly (readonly SnapshotCell[])[];
  /** A number format per cell of `rows`. */
  readonly formats: readonly (readonly string[])[];
}

/**
 * The lines as Forecast History rows, every row with the same Taken, in the sheet's own column
 * order (`header`, which has every Forecast History column). Month is the first day of its month
 * at midnight in the spreadsheet's time zone, as a date cell holds it. Formats: Taken a date and
 * time, Month its month, Owner text (never read as a number or formula), the amounts money.
 */
export function snapshotBlock(
  header: readonly unknown[],
  lines: readonly SnapshotLine[],
  taken: Date,
  timeZone: string,
  currency: string,
): SnapshotBlock {
  const money = currencyFormat(currency);
  const names = header.map((cell) => normalizeHeader(cell));
  const columns = FORECAST_HISTORY_HEADERS.map((name) => names.indexOf(normalizeHeader(name))).sort(
    (a, b) => a - b,
  );
  const order = columns.map((column) => names[column]!);
  const formatOf: Record<string, string> = {
    taken: DATE_TIME_FORMAT,
    month: MONTH_FORMAT,
    owner: TEXT_FORMAT,
  };
  const formats = order.map((name) => formatOf[name] ?? money);
  const rows = lines.map((line) => {
    const cells: Record<string, SnapshotCell> = {
      taken,
      month: startOfDay(line.month, timeZone),
      owner: line.owner,
      'closed won': line.cells.closedWon,
      commit: line.cells.commit,
      'best case': line.cells.bestCase,
      pipeline: line.cells.pipeline,
      'weighted forecast': line.cells.weighted,
    };
    return order.map((name) => cells[name]!);
  });
  return { columns, rows, formats: rows.map(() => formats) };
}
