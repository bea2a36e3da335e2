/**
 * The custom functions' arithmetic on parsed ranges: FORECAST_WEIGHTED, WIN_RATE,
 * STAGE_PROBABILITY, SALES_VELOCITY and FORECAST_RANGE (SPEC §3). The server passes the stage
 * table and the spreadsheet's time zone; everything else comes from the arguments.
 */
import type { DayRange } from '../numbers';
import { forecastRange, salesVelocityOf, weightedSum, winRate } from '../numbers';
import { findStage, probabilityInStage, stageNames } from '../stages';
import type { CalendarDay, StageKind, StageTable } from '../types';
import { isBlankCell, isUnreadable, readPercent } from '../values';
import type { Column } from './arguments';
import { amountAt, ArgumentError, columnOf, dateArgument, dayAt, rowError, usedRows } from './arguments';
import { isOmitted } from './table-argument';

export interface FunctionContext {
  readonly table: StageTable;
  readonly timeZone: string;
}

/**
 * A row's probability: a stage name (its probability; won 1, lost 0) or a probability written as
 * 0.65 or "65%" (see readPercent). A bare number is a probability, never a stage name.
 */
function chanceAt(fn: string, column: Column, index: number, table: StageTable): number {
  const cell = column.cells[index];
  if (isBlankCell(cell)) throw rowError(fn, column, index, 'give a stage or a probability such as 65%.');
  const stage = typeof cell === 'string' ? findStage(table, cell) : undefined;
  if (stage) return probabilityInStage(stage, null);
  const p = readPercent(cell);
  if (p !== null && !isUnreadable(p)) return p;
  throw rowError(
    fn,
    column,
    index,
    `it is neither a stage (${stageNames(table).join(', ')}) nor a probability from 0% to 100%.`,
  );
}

function kindAt(fn: string, column: Column, index: number, table: StageTable): StageKind {
  const cell = column.cells[index];
  const stage = typeof cell === 'string' ? findStage(table, cell) : undefined;
  if (!stage)
    throw rowError(fn, column, index, `it is not a stage in Settings (${stageNames(table).join(', ')}).`);
  return stage.kind;
}

/** The [start, end] period of the optional date arguments; dates without close_dates are refused. */
function period(
  fn: string,
  ctx: FunctionContext,
  closeDates: Column | null,
  start: unknown,
  end: unknown,
): DayRange {
  const from = dateArgument(fn, 'start_date', start, ctx.timeZone);
  const to = dateArgument(fn, 'end_date', end, ctx.timeZone);
  if ((from !== null || to !== null) && !closeDates) {
    throw new ArgumentError(
      `${fn}: give close_dates to count only the deals closing between start_date and end_date.`,
    );
  }
  if (from !== null && to !== null && from > to) {
    throw new ArgumentError(`${fn}: start_date is after end_date.`);
  }
  return { from, to };
}

function daysOf(
  fn: string,
  column: Column | null,
  rows: readonly number[],
  timeZone: string,
): (CalendarDay | null)[] | undefined {
  return column ? rows.map((i) => dayAt(fn, column, i, timeZone)) : undefined;
}

export function forecastWeighted(
  ctx: FunctionContext,
  amounts: unknown,
  stagesOrProbabilities: unknown,
  closeDates?: unknown,
  startDate?: unknown,
  endDate?: unknown,
): number {
  const fn = 'FORECAST_WEIGHTED';
  const amountColumn = columnOf(fn, 'amounts', amounts);
  const chanceColumn = columnOf(fn, 'stages_or_probabilities', stagesOrProbabilities);
  const dateColumn = isOmitted(closeDates) ? null : columnOf(fn, 'close_dates', closeDates);
  const rows = usedRows(
    fn,
    dateColumn ? [amountColumn, chanceColumn, dateColumn] : [amountColumn, chanceColumn],
  );
  const range = period(fn, ctx, dateColumn, startDate, endDate);
  return weightedSum(
    rows.map((i) => amountAt(fn, amountColumn, i)),
    rows.map((i) => chanceAt(fn, chanceColumn, i, ctx.table)),
    daysOf(fn, dateColumn, rows, ctx.timeZone),
    range,
  );
}

export function winRateOf(
  ctx: FunctionContext,
  stages: unknown,
  closeDates?: unknown,
  startDate?: unknown,
  endDate?: unknown,
): number {
  const fn = 'WIN_RATE';
  const stageColumn = columnOf(fn, 'stages', stages);
  const dateColumn = isOmitted(closeDates) ? null : columnOf(fn, 'close_dates', closeDates);
  const rows = usedRows(fn, dateColumn ? [stageColumn, dateColumn] : [stageColumn]);
  const range = period(fn, ctx, dateColumn, startDate, endDate);
  const rate = winRate(
    rows.map((i) => kindAt(fn, stageColumn, i, ctx.table)),
    daysOf(fn, dateColumn, rows, ctx.timeZone),
    range,
  );
  if (rate === null)
    throw new ArgumentError(`${fn}: no won or lost deals among the rows given, so no win rate yet.`);
  return rate;
}

/** One probability for a cell; a column of them (blank rows stay blank) for a range. */
export function stageProbabilities(ctx: FunctionContext, stage: unknown): number | (number | '')[][] {
  const fn = 'STAGE_PROBABILITY';
  const column = columnOf(fn, 'stage', stage);
  const one = (i: number): number | '' => {
    if (isBlankCell(column.cells[i])) return '';
    const found =
      typeof column.cells[i] === 'string' ? findStage(ctx.table, String(column.cells[i])) : undefined;
    if (!found)
      throw rowError(fn, column, i, `it is not a stage in Settings (${stageNames(ctx.table).join(', ')}).`);
    return probabilityInStage(found, null);
  };
  if (!Array.isArray(stage)) {
    const p = one(0);
    if (p === '')
      throw new ArgumentError(
        `${fn}: stage is blank; give a stage name such as ${ctx.table.stages[0]?.name ?? 'Lead'}.`,
      );
    return p;
  }
  return column.cells.map((_, i) => [one(i)]);
}

export function salesVelocityFrom(
  ctx: FunctionContext,
  amounts: unknown,
  stages: unknown,
  createdDates: unknown,
  closeDates: unknown,
): number {
  const fn = 'SALES_VELOCITY';
  const amountColumn = columnOf(fn, 'amounts', amounts);
  const stageColumn = columnOf(fn, 'stages', stages);
  const createdColumn = columnOf(fn, 'created_dates', createdDates);
  const closeColumn = columnOf(fn, 'close_dates', closeDates);
  const rows = usedRows(fn, [amountColumn, stageColumn, createdColumn, closeColumn]);
  const velocity = salesVelocityOf(
    rows.map((i) => amountAt(fn, amountColumn, i)),
    rows.map((i) => kindAt(fn, stageColumn, i, ctx.table)),
    rows.map((i) => dayAt(fn, createdColumn, i, ctx.timeZone)),
    rows.map((i) => dayAt(fn, closeColumn, i, ctx.timeZone)),
  );
  if (velocity === null) {
    throw new ArgumentError(
      `${fn}: needs won deals with a Created and a Close Date at least a day apart, and some lost or won deals for the win rate.`,
    );
  }
  return velocity;
}

/** [[P10, P50, P90]]: a row, so the three land side by side. */
export function forecastRangeOf(
  ctx: FunctionContext,
  amounts: unknown,
  stagesOrProbabilities: unknown,
): number[][] {
  const fn = 'FORECAST_RANGE';
  const amountColumn = columnOf(fn, 'amounts', amounts);
  const chanceColumn = columnOf(fn, 'stages_or_probabilities', stagesOrProbabilities);
  const rows = usedRows(fn, [amountColumn, chanceColumn]);
  const range = forecastRange(
    rows.map((i) => amountAt(fn, amountColumn, i)),
    rows.map((i) => chanceAt(fn, chanceColumn, i, ctx.table)),
  );
  return [[range.p10, range.p50, range.p90]];
}
