/**
 * The Deals rows the sidebar touches: a deal found by its ID (the ID column, then its one row),
 * a new row after the last one, and the changed cells of one row. Values go through writeCells,
 * which keeps a person's text literal.
 */
import type { DealFieldKey } from '../../core/columns';
import { parseDealRow } from '../../core/deal-row';
import type { DealProblem } from '../../core/problems';
import type { CellValue } from '../../core/sidebar/cells';
import { cellRuns, missingColumns } from '../../core/sidebar/cells';
import { indexesOfId } from '../../core/sidebar/search';
import type { Deal } from '../../core/types';
import type { DealsSheet } from '../deals-sheet';
import { readDealRows, refuseMissingColumns } from '../deals-sheet';
import { UserError } from '../errors';
import type { Cell } from '../sheets';
import { writeCells } from '../sheets';

/** Rows added at a time when the sheet is full, so the next deals fit without growing it again. */
const GROWTH_ROWS = 100;

/** The ID column below the header. 2 calls; none when there are no deals. */
export function readIdCells(deals: DealsSheet): Cell[][] {
  if (deals.lastRow < 2) return [];
  return deals.sheet.getRange(2, deals.layout.columns.id + 1, deals.lastRow - 1, 1).getValues() as Cell[][];
}

export interface FoundDeal {
  readonly row: number;
  readonly deal: Deal;
  /** Cells that could not be read (the deal holds null there). */
  readonly problems: DealProblem[];
  /** Their fields. */
  readonly unreadable: DealFieldKey[];
}

/** The one row whose ID is `id`. 4 calls. */
export function findDeal(deals: DealsSheet, id: string, timeZone: string): FoundDeal {
  const found = indexesOfId(readIdCells(deals), id);
  if (found.length === 0) {
    throw new UserError(
      `There is no deal ${id} in the Deals sheet: it may have been deleted. Search for it again.`,
    );
  }
  const rows = found.map((index) => index + 2);
  if (rows.length > 1) {
    throw new UserError(
      `${id} stands in rows ${rows.join(', ')} of the Deals sheet. Run Deal Pipeline › Validate all deals to give the copy its own ID, then try again.`,
    );
  }
  const row = rows[0]!;
  const { deal, problems } = parseDealRow(readDealRows(deals, row, 1)[0] ?? [], row, deals.layout, timeZone);
  return { row, deal, problems, unreadable: problems.map((problem) => problem.field) };
}

/** Refuses fields whose values would have no column to go to. No calls. */
export function requireColumnsFor(deals: DealsSheet, fields: readonly DealFieldKey[]): void {
  refuseMissingColumns(missingColumns(fields, deals.layout));
}

/**
 * Writes `fields` of the deal into its row: only those cells, each run of adjacent ones in one
 * call, so a cell nobody changed is never written back. Call requireColumnsFor first. 2 calls a run.
 */
export function writeFields(
  deals: DealsSheet,
  row: number,
  deal: Deal,
  fields: readonly DealFieldKey[],
  timeZone: string,
): void {
  for (const run of cellRuns(deal, fields, deals.layout, timeZone)) {
    writeCells(deals.sheet.getRange(row, run.column + 1, 1, run.values.length), [run.values]);
  }
}

/** Writes a whole new row at `row`, growing the sheet first when it is full. 3 calls; 4 to grow. */
export function writeNewRow(deals: DealsSheet, row: number, cells: readonly CellValue[]): void {
  const max = deals.sheet.getMaxRows();
  if (row > max) deals.sheet.insertRowsAfter(max, row - max + GROWTH_ROWS);
  writeCells(deals.sheet.getRange(row, 1, 1, cells.length), [cells]);
}
