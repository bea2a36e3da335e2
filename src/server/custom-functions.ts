/**
 * The custom functions. Each writes nothing (Sheets allows custom functions only to read) and
 * leaves the arithmetic to the core. Sheets re-runs a custom function only when its arguments
 * change, so each function that uses the stage table takes it as an optional last argument
 * (stage_table, e.g. Settings!A1:G): given, the function reads no sheet and follows every edit of
 * the table; left out, it reads Settings once, and its result may go stale after a Settings edit.
 * The JSDoc here is copied onto the bundle's top-level wrappers: it is what Sheets shows in
 * autocomplete. Sheets shows every @param as required and does not read [brackets], so optional
 * parameters say so in words. CLOSE_DATE_PUSHES reads History, which no argument carries: it
 * recalculates when its IDs change, or when its formula is entered again (README).
 */
import type { FunctionContext } from '../core/functions/formulas';
import {
  forecastRangeOf,
  forecastWeighted,
  salesVelocityFrom,
  stageProbabilities,
  winRateOf,
} from '../core/functions/formulas';
import { closeDatePushes } from '../core/functions/pushes';
import { stageTableArgument } from '../core/functions/table-argument';
import type { FieldChange } from '../core/history-rows';
import { parseHistory } from '../core/history-rows';
import { readSettings } from './settings';
import type { Spreadsheet } from './sheets';
import { activeSpreadsheet } from './sheets';
import { openHistorySource, readHistoryRows } from './summary/history-read';

/** 2 calls for the time zone; 3 more for the Settings values when no stage_table is given. */
function context(fn: string, stageTable: unknown): FunctionContext {
  const given = stageTableArgument(fn, stageTable);
  const spreadsheet = activeSpreadsheet();
  return { table: given ?? readSettings(spreadsheet).table, timeZone: spreadsheet.getSpreadsheetTimeZone() };
}

/**
 * The weighted forecast: the sum of each deal's amount times its probability. Won stages count
 * 100 % and lost stages 0 %. With close dates and a period, only deals closing in it count.
 *
 * @param {number[][]} amounts Deal amounts, e.g. the Amount column.
 * @param {string[][]} stages_or_probabilities Stage names (their probability comes from Settings) or probabilities such as 65% or 0.65.
 * @param {Date[][]} close_dates Optional: close dates of the same deals; leave empty to count every deal.
 * @param {Date} start_date Optional: first day of the period (inclusive), with close_dates.
 * @param {Date} end_date Optional: last day of the period (inclusive), with close_dates.
 * @param {string[][]} stage_table Optional: the Settings stage table, e.g. Settings!A1:G, so the result follows edits of it; leave it out to read Settings.
 * @return {number} The sum of amount × probability.
 * @customfunction
 */
export function FORECAST_WEIGHTED(
  amounts: unknown,
  stages_or_probabilities: unknown,
  close_dates?: unknown,
  start_date?: unknown,
  end_date?: unknown,
  stage_table?: unknown,
): number {
  return forecastWeighted(
    context('FORECAST_WEIGHTED', stage_table),
    amounts,
    stages_or_probabilities,
    close_dates,
    start_date,
    end_date,
  );
}

/**
 * The win rate: won deals ÷ (won + lost deals), by count. Open deals never count. With close
 * dates and a period, only deals closed in it count.
 *
 * @param {string[][]} stages Stage names, e.g. the Stage column.
 * @param {Date[][]} close_dates Optional: close dates of the same deals; leave empty to count every deal.
 * @param {Date} start_date Optional: first day of the period (inclusive), with close_dates.
 * @param {Date} end_date Optional: last day of the period (inclusive), with close_dates.
 * @param {string[][]} stage_table Optional: the Settings stage table, e.g. Settings!A1:G, so the result follows edits of it; leave it out to read Settings.
 * @return {number} A fraction from 0 to 1.
 * @customfunction
 */
export function WIN_RATE(
  stages: unknown,
  close_dates?: unknown,
  start_date?: unknown,
  end_date?: unknown,
  stage_table?: unknown,
): number {
  return winRateOf(context('WIN_RATE', stage_table), stages, close_dates, start_date, end_date);
}

/**
 * The probability Settings gives a stage (won stages 100 %, lost stages 0 %).
 *
 * @param {string} stage A stage name, or a range of them for a column of probabilities.
 * @param {string[][]} stage_table Optional: the Settings stage table, e.g. Settings!A1:G, so the result follows edits of it; leave it out to read Settings.
 * @return {number} A fraction from 0 to 1.
 * @customfunction
 */
export function STAGE_PROBABILITY(stage: unknown, stage_table?: unknown): number | (number | '')[][] {
  return stageProbabilities(context('STAGE_PROBABILITY', stage_table), stage);
}

/**
 * Sales velocity: how much revenue the pipeline produces per day, open deals × average won deal
 * size × win rate ÷ average sales cycle in days.
 *
 * @param {number[][]} amounts Deal amounts.
 * @param {string[][]} stages Stage names of the same deals.
 * @param {Date[][]} created_dates The days the deals were created.
 * @param {Date[][]} close_dates The days the deals closed (or are expected to).
 * @param {string[][]} stage_table Optional: the Settings stage table, e.g. Settings!A1:G, so the result follows edits of it; leave it out to read Settings.
 * @return {number} Revenue per day.
 * @customfunction
 */
export function SALES_VELOCITY(
  amounts: unknown,
  stages: unknown,
  created_dates: unknown,
  close_dates: unknown,
  stage_table?: unknown,
): number {
  return salesVelocityFrom(
    context('SALES_VELOCITY', stage_table),
    amounts,
    stages,
    created_dates,
    close_dates,
  );
}

/**
 * The range of the total that will close if each deal is won with its probability: the 10th,
 * 50th and 90th percentiles, side by side. Deterministic: the same deals give the same range.
 *
 * @param {number[][]} amounts Deal amounts.
 * @param {string[][]} stages_or_probabilities Stage names or probabilities such as 65%.
 * @param {string[][]} stage_table Optional: the Settings stage table, e.g. Settings!A1:G, so the result follows edits of it; leave it out to read Settings.
 * @return {number[][]} One row: P10, P50, P90.
 * @customfunction
 */
export function FORECAST_RANGE(
  amounts: unknown,
  stages_or_probabilities: unknown,
  stage_table?: unknown,
): number[][] {
  return forecastRangeOf(context('FORECAST_RANGE', stage_table), amounts, stages_or_probabilities);
}

/**
 * What a push needs of History: which deal and field went from what to what, and a Timestamp
 * (a row without one is not read as History). Not Via, Deal or By: a sixth fewer cells.
 */
const PUSH_COLUMNS: readonly string[] = ['Timestamp', 'ID', 'From', 'To', 'Field'];

/** History's rows with a Field, read once: 6 calls and 1 per run of columns read; 2 without History. */
function historyFieldChanges(spreadsheet: Spreadsheet): FieldChange[] {
  const source = openHistorySource(spreadsheet, PUSH_COLUMNS);
  if (!source) return [];
  const rows = readHistoryRows(source, 2, source.lastRow - 1);
  return parseHistory([source.parserHeader, ...rows], spreadsheet.getSpreadsheetTimeZone()).fieldChanges;
}

/**
 * How many times each deal's Close Date was pushed later (moved to a later day while the deal was
 * open), from History. It recalculates when the IDs change; enter the formula again to count
 * pushes recorded since.
 *
 * @param {string[][]} ids Deal IDs, e.g. Deals!A2:A, or one ID.
 * @return {number[][]} A column of counts: 0 for a deal never pushed, blank for a blank ID.
 * @customfunction
 */
export function CLOSE_DATE_PUSHES(ids: unknown): number | '' | (number | '')[][] {
  return closeDatePushes(ids, historyFieldChanges(activeSpreadsheet()));
}
