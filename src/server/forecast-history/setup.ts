/**
 * The Forecast History sheet as Set up sheets makes it: the header, frozen and bold, the column
 * formats, and a warning before anyone edits it. Like History it is append-only: an edit there
 * rewrites what was forecast, and the accuracy on the Summary would compare against it.
 */
import { FORECAST_BUCKET_HEADERS, FORECAST_HISTORY_HEADERS, SHEET } from '../../core/columns';
import { MONTH_FORMAT } from '../../core/forecast-history/snapshot';
import { currencyFormat, DATE_TIME_FORMAT, TEXT_FORMAT } from '../../core/formats';
import type { SetUpReport, Spreadsheet } from '../setup/sheet-structure';
import { bodyRows, ensureHeaders, ensureSheet, ensureWarningProtection } from '../setup/sheet-structure';
import type { Sheet } from '../sheets';

/** Creates or repairs Forecast History; returns it with its header row as it now stands. */
export function setUpForecastHistorySheet(
  spreadsheet: Spreadsheet,
  report: SetUpReport,
  currency: string,
): { sheet: Sheet; header: string[] } {
  const { sheet, created } = ensureSheet(spreadsheet, SHEET.forecastHistory, report);
  const header = ensureHeaders(sheet, SHEET.forecastHistory, FORECAST_HISTORY_HEADERS, report, created);
  if (created) {
    // A new sheet's columns are in header order: Taken, Month, Owner, then the five amounts.
    const rows = bodyRows(sheet);
    sheet.getRange(2, 1, rows, 1).setNumberFormat(DATE_TIME_FORMAT);
    sheet.getRange(2, 2, rows, 1).setNumberFormat(MONTH_FORMAT);
    sheet.getRange(2, 3, rows, 1).setNumberFormat(TEXT_FORMAT);
    sheet.getRange(2, 4, rows, FORECAST_BUCKET_HEADERS.length).setNumberFormat(currencyFormat(currency));
  }
  ensureWarningProtection(
    sheet,
    SHEET.forecastHistory,
    'Deal Pipeline Forecast History: one row per month and owner of each weekly snapshot, kept as taken.',
    created,
    report,
  );
  return { sheet, header };
}
