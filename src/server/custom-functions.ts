/**
 * The custom functions. Each reads the Settings sheet at most once and writes nothing (Sheets
 * allows custom functions only to read), then leaves the arithmetic to the core. The JSDoc here
 * is copied onto the bundle's top-level wrappers: it is what Sheets shows in autocomplete.
 */
import {
  forecastRangeOf,
  forecastWeighted,
  salesVelocityFrom,
  stageProbabilities,
  winRateOf,
} from '../core/functions/formulas';
import type { FunctionContext } from '../core/functions/formulas';
import { readSettings } from './settings';
import { activeSpreadsheet } from './sheets';

/** 4 calls: the time zone and the Settings values. */
function context(): FunctionContext {
  const spreadsheet = activeSpreadsheet();
  return { table: readSettings(spreadsheet).table, timeZone: spreadsheet.getSpreadsheetTimeZone() };
}

/**
 * The weighted forecast: the sum of each deal's amount times its probability. Won stages count
 * 100 % and lost stages 0 %. With close dates and a period, only deals closing in it count.
 *
 * @param {number[][]} amounts Deal amounts, e.g. the Amount column.
 * @param {string[][]} stages_or_probabilities Stage names (their probability comes from Settings) or probabilities such as 65% or 0.65.
 * @param {Date[][]} [close_dates] Close dates of the same deals.
 * @param {Date} [start_date] First day of the period (inclusive).
 * @param {Date} [end_date] Last day of the period (inclusive).
 * @return {number} The sum of amount × probability.
 * @customfunction
 */
export function FORECAST_WEIGHTED(
  amounts: unknown,
  stages_or_probabilities: unknown,
  close_dates?: unknown,
  start_date?: unknown,
  end_date?: unknown,
): number {
  return forecastWeighted(context(), amounts, stages_or_probabilities, close_dates, start_date, end_date);
}

/**
 * The win rate: won deals ÷ (won + lost deals), by count. Open deals never count. With close
 * dates and a period, only deals closed in it count.
 *
 * @param {string[][]} stages Stage names, e.g. the Stage column.
 * @param {Date[][]} [close_dates] Close dates of the same deals.
 * @param {Date} [start_date] First day of the period (inclusive).
 * @param {Date} [end_date] Last day of the period (inclusive).
 * @return {number} A fraction from 0 to 1.
 * @customfunction
 */
export function WIN_RATE(
  stages: unknown,
  close_dates?: unknown,
  start_date?: unknown,
  end_date?: unknown,
): number {
  return winRateOf(context(), stages, close_dates, start_date, end_date);
}

/**
 * The probability Settings gives a stage (won stages 100 %, lost stages 0 %).
 *
 * @param {string} stage A stage name, or a range of them for a column of probabilities.
 * @return {number} A fraction from 0 to 1.
 * @customfunction
 */
export function STAGE_PROBABILITY(stage: unknown): number | (number | '')[][] {
  return stageProbabilities(context(), stage);
}

/**
 * Sales velocity: how much revenue the pipeline produces per day, open deals × average won deal
 * size × win rate ÷ average sales cycle in days.
 *
 * @param {number[][]} amounts Deal amounts.
 * @param {string[][]} stages Stage names of the same deals.
 * @param {Date[][]} created_dates The days the deals were created.
 * @param {Date[][]} close_dates The days the deals closed (or are expected to).
 * @return {number} Revenue per day.
 * @customfunction
 */
export function SALES_VELOCITY(
  amounts: unknown,
  stages: unknown,
  created_dates: unknown,
  close_dates: unknown,
): number {
  return salesVelocityFrom(context(), amounts, stages, created_dates, close_dates);
}

/**
 * The range of the total that will close if each deal is won with its probability: the 10th,
 * 50th and 90th percentiles, side by side. Deterministic: the same deals give the same range.
 *
 * @param {number[][]} amounts Deal amounts.
 * @param {string[][]} stages_or_probabilities Stage names or probabilities such as 65%.
 * @return {number[][]} One row: P10, P50, P90.
 * @customfunction
 */
export function FORECAST_RANGE(amounts: unknown, stages_or_probabilities: unknown): number[][] {
  return forecastRangeOf(context(), amounts, stages_or_probabilities);
}
