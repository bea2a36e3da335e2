/**
 * Reading the Deals sheet: its header once, then the rows an operation needs, each in one call.
 * Missing columns stop the operation with a message that names them and how to add them.
 */
import { SHEET } from '../core/columns';
import type { DealFieldKey } from '../core/columns';
import { dealSheetLayout, parseDealRows } from '../core/deal-row';
import type { DealSheetLayout, ParsedDeals } from '../core/deal-row';
import type { StageTable } from '../core/types';
import { UserError } from './errors';
import { readHeaderRow, requireSheet } from './sheets';
import type { Cell, Sheet, Spreadsheet } from './sheets';

export interface DealsSheet {
  readonly sheet: Sheet;
  readonly header: string[];
  readonly layout: DealSheetLayout;
  /** The last row with content (1 when there are no deals). */
  readonly lastRow: number;
  /** Columns of the used range: every row read is this wide. */
  readonly width: number;
}

/** The Deals sheet, its header and layout. 5 calls. */
export function openDealsSheet(spreadsheet: Spreadsheet, table: StageTable): DealsSheet {
  const sheet = requireSheet(spreadsheet, SHEET.deals);
  const header = readHeaderRow(sheet);
  const lastRow = Math.max(sheet.getLastRow(), 1);
  const layout = dealSheetLayout(header, table);
  const missing = layout.problems.filter((problem) => problem.severity === 'error');
  if (missing.length > 0) throw new UserError(missing.map((problem) => problem.message).join('\n'));
  return { sheet, header, layout, lastRow, width: Math.max(header.length, 1) };
}

/** Rows `firstRow`..`firstRow + count - 1`, every column. 2 calls. */
export function readDealRows(deals: DealsSheet, firstRow: number, count: number): Cell[][] {
  if (count <= 0) return [];
  return deals.sheet.getRange(firstRow, 1, count, deals.width).getValues() as Cell[][];
}

/** Every deal row below the header. 2 calls. */
export function readAllDealRows(deals: DealsSheet): Cell[][] {
  return readDealRows(deals, 2, deals.lastRow - 1);
}

export function parseRows(
  deals: DealsSheet,
  rows: readonly Cell[][],
  firstRow: number,
  timeZone: string,
): ParsedDeals {
  return parseDealRows(rows, firstRow, deals.layout, timeZone);
}

/** The 1-based column of a field; the layout guarantees the essential ones exist. */
export function dealColumn(deals: DealsSheet, field: DealFieldKey): number {
  const index = deals.layout.columns[field];
  if (index < 0) {
    throw new UserError(
      `The ${SHEET.deals} sheet has no column for ${field}. Run Deal Pipeline › Set up sheets.`,
    );
  }
  return index + 1;
}
