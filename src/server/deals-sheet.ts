/**
 * Reading the Deals sheet: its header once, then the rows an operation needs, each in one call.
 * Only a column the operation cannot do without stops it, with a message that names the column
 * and how to add it: the stage rules need ID and Stage alone, so renaming Amount never lets an
 * illegal move stand. Any other missing column reads blank and is in the layout's problems.
 */
import type { DealFieldKey } from '../core/columns';
import { dealField, SHEET } from '../core/columns';
import type { DealSheetLayout, ParsedDeals } from '../core/deal-row';
import { dealSheetLayout, missingNeeded, parseDealRows } from '../core/deal-row';
import type { StageTable } from '../core/types';
import { SET_UP_HINT, UserError } from './errors';
import type { Cell, Sheet, Spreadsheet } from './sheets';
import { readColumns, readHeaderRow, requireSheet } from './sheets';

export interface DealsSheet {
  readonly sheet: Sheet;
  readonly header: string[];
  readonly layout: DealSheetLayout;
  /** The last row with content (1 when there are no deals). */
  readonly lastRow: number;
  /** Columns of the used range: every row read is this wide. */
  readonly width: number;
}

/**
 * The Deals sheet, its header and layout; `needs` are the columns the operation cannot do
 * without besides ID and Stage (the Summary's numbers need Amount, say). 5 calls.
 */
export function openDealsSheet(
  spreadsheet: Spreadsheet,
  table: StageTable,
  needs: readonly DealFieldKey[] = [],
): DealsSheet {
  const sheet = requireSheet(spreadsheet, SHEET.deals);
  const header = readHeaderRow(sheet);
  const lastRow = Math.max(sheet.getLastRow(), 1);
  const layout = dealSheetLayout(header, table);
  const stopping = missingNeeded(layout, needs);
  if (stopping.length > 0) throw new UserError(stopping.map(missingColumnLine).join('\n'));
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

/** Rows read as only some of their fields, with the layout that finds each field in them. */
interface DealFields {
  readonly rows: Cell[][];
  readonly layout: DealSheetLayout;
}

/**
 * Rows `firstRow`..`firstRow + count - 1` as just the columns of `fields` (readColumns): `layout`
 * places each field in them (-1 for one not read). 1 call per run of adjacent columns.
 */
export function readDealFields(
  deals: DealsSheet,
  firstRow: number,
  count: number,
  fields: readonly DealFieldKey[],
): DealFields {
  const wanted = [...new Set(fields.map((field) => deals.layout.columns[field]))]
    .filter((column) => column >= 0)
    .sort((a, b) => a - b);
  const columns = {} as Record<DealFieldKey, number>;
  for (const key of Object.keys(deals.layout.columns) as DealFieldKey[]) {
    columns[key] = fields.includes(key) ? wanted.indexOf(deals.layout.columns[key]) : -1;
  }
  return {
    rows: readColumns(deals.sheet, firstRow, count, wanted, deals.width),
    layout: { ...deals.layout, columns },
  };
}

export function parseRows(
  deals: DealsSheet,
  rows: readonly Cell[][],
  firstRow: number,
  timeZone: string,
): ParsedDeals {
  return parseDealRows(rows, firstRow, deals.layout, timeZone);
}

/** Stops an operation that would write fields the sheet has no column for, naming each one. */
export function refuseMissingColumns(fields: readonly DealFieldKey[]): void {
  if (fields.length > 0) throw new UserError(fields.map(missingColumnLine).join('\n'));
}

function missingColumnLine(field: DealFieldKey): string {
  return `The ${SHEET.deals} sheet has no "${dealField(field).header}" column. ${SET_UP_HINT} to add it.`;
}

/** The 1-based column of a field; openDealsSheet guarantees ID, Stage and what was needed. */
export function dealColumn(deals: DealsSheet, field: DealFieldKey): number {
  const index = deals.layout.columns[field];
  if (index < 0) throw new UserError(missingColumnLine(field));
  return index + 1;
}
