/**
 * Reading History for the numbers: only the columns they use, from any row on, so that a refresh
 * with a digest reads just the rows appended since the last one.
 */
import { headerColumns, HISTORY_HEADERS, presentColumns, SHEET } from '../../core/columns';
import type { Cell, Sheet, Spreadsheet } from '../sheets';
import { readColumns, readHeaderRow } from '../sheets';

/** The History columns the Summary uses: who entered which stage when, how each began, and which rows change a Field instead. */
const HISTORY_NEEDS: readonly string[] = ['Timestamp', 'ID', 'From', 'To', 'Via', 'Field'];

export interface HistorySource {
  readonly sheet: Sheet;
  readonly header: readonly string[];
  readonly lastRow: number;
  /**
   * The header to parse the rows read with: the columns read, in the order read, then the other
   * History columns the sheet has (they read blank), so that none is reported missing.
   */
  readonly parserHeader: readonly string[];
  /** 0-based columns read, ascending. */
  readonly columns: readonly number[];
}

/**
 * History's header and size, or null when there is no History sheet; `needs`, the columns to
 * read (the Summary's by default). 4 calls; 1 without it.
 */
export function openHistorySource(
  spreadsheet: Spreadsheet,
  needs: readonly string[] = HISTORY_NEEDS,
): HistorySource | null {
  const sheet = spreadsheet.getSheetByName(SHEET.history);
  if (!sheet) return null;
  const header = readHeaderRow(sheet);
  const at = headerColumns(header);
  const read = presentColumns(at, needs);
  const unread = HISTORY_HEADERS.filter((name) => !needs.includes(name) && at(name) >= 0);
  return {
    sheet,
    header,
    lastRow: sheet.getLastRow(),
    parserHeader: [...read.names, ...unread],
    columns: read.columns,
  };
}

/** `count` rows from `firstRow`, the columns read side by side. 1 call per run of columns. */
export function readHistoryRows(source: HistorySource, firstRow: number, count: number): Cell[][] {
  return readColumns(source.sheet, firstRow, count, source.columns, source.header.length);
}
