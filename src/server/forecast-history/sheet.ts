/**
 * Reading and appending Forecast History. Each function names its cost in spreadsheet calls;
 * none grows with the number of deals or of rows.
 */
import { FORECAST_HISTORY_HEADERS, headerColumns, presentColumns, SHEET } from '../../core/columns';
import type { ParsedForecastHistory } from '../../core/forecast-history/rows';
import { ACCURACY_COLUMNS, latestTaken, parseForecastHistory } from '../../core/forecast-history/rows';
import type { SnapshotBlock } from '../../core/forecast-history/snapshot';
import type { Sheet, Spreadsheet } from '../sheets';
import { readColumns, readHeaderRow, runsOf, writeCells } from '../sheets';
import { setUpForecastHistorySheet } from './setup';

/** Forecast History as an operation found it (or set it up again). */
export interface ForecastHistorySheet {
  readonly sheet: Sheet;
  readonly header: readonly string[];
  /** The last row with content (1 when there is no snapshot yet). */
  readonly lastRow: number;
  /** What had to be set up again first, in words for the report; empty when nothing. */
  readonly repaired: readonly string[];
}

/**
 * Forecast History, its header and last row. A sheet deleted or renamed, or missing a column, is
 * set up again as Set up sheets would, so the week's snapshot is not lost; the report says so,
 * since the snapshots the sheet held are gone with it. 4 calls.
 */
export function openForecastHistory(spreadsheet: Spreadsheet, currency: string): ForecastHistorySheet {
  const found = spreadsheet.getSheetByName(SHEET.forecastHistory);
  const header = found ? readHeaderRow(found) : [];
  const at = headerColumns(header);
  if (found && FORECAST_HISTORY_HEADERS.every((name) => at(name) >= 0))
    return { sheet: found, header, lastRow: Math.max(found.getLastRow(), 1), repaired: [] };
  const report = { created: [], repaired: [] };
  const { sheet, header: repairedHeader } = setUpForecastHistorySheet(spreadsheet, report, currency);
  const repaired = found
    ? report.repaired
    : [
        `The ${SHEET.forecastHistory} sheet was missing, so it was created again; the snapshots it held are not in it. Restore them from File › Version history if they are needed.`,
      ];
  return { sheet, header: repairedHeader, lastRow: Math.max(sheet.getLastRow(), 1), repaired };
}

/** The latest Taken of an opened Forecast History (ms since epoch), or null for none. 0–1 calls. */
export function readLastTaken(history: ForecastHistorySheet, timeZone: string): number | null {
  if (history.lastRow < 2) return null;
  const column = headerColumns(history.header)(FORECAST_HISTORY_HEADERS[0]);
  const cells = history.sheet.getRange(2, column + 1, history.lastRow - 1, 1).getValues() as unknown[][];
  return latestTaken(
    cells.map((row) => row[0]),
    timeZone,
  );
}

/**
 * Appends a snapshot below the last row, growing the sheet when it must: one write of values and
 * formats for the Forecast History columns (one more per block when a column of the user's own
 * stands between them). 2–3 calls, and 2 per block.
 */
export function appendSnapshot(history: ForecastHistorySheet, block: SnapshotBlock): void {
  const count = block.rows.length;
  if (count === 0) return;
  const { sheet } = history;
  const first = history.lastRow + 1;
  const max = sheet.getMaxRows();
  if (first + count - 1 > max) sheet.insertRowsAfter(max, first + count - 1 - max);
  let offset = 0;
  for (const run of runsOf(block.columns)) {
    const part = (rows: readonly (readonly (string | number | Date)[])[]) =>
      rows.map((row) => row.slice(offset, offset + run.length));
    writeCells(
      sheet.getRange(first, run[0]! + 1, count, run.length),
      part(block.rows),
      part(block.formats) as string[][],
    );
    offset += run.length;
  }
}

/**
 * Every snapshot row, for the Summary: of Forecast History only the columns the accuracy uses,
 * so a column of the user's own costs nothing; null when there is no such sheet. 5 calls, and
 * 2 per block of adjacent columns read (1 block when Weighted Forecast follows Owner).
 */
export function readForecastHistory(
  spreadsheet: Spreadsheet,
  timeZone: string,
): ParsedForecastHistory | null {
  const sheet = spreadsheet.getSheetByName(SHEET.forecastHistory);
  if (!sheet) return null;
  const header = readHeaderRow(sheet);
  const read = presentColumns(headerColumns(header), ACCURACY_COLUMNS);
  const rows = readColumns(sheet, 2, sheet.getLastRow() - 1, read.columns, header.length);
  return parseForecastHistory([read.names, ...rows], timeZone);
}
