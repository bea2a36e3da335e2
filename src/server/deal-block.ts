/**
 * A block of Deals rows read in one call, and the add-on's changes to the cells it may write (ID,
 * Created, Stage Since, a reverted Stage, a Close Date set on closing). Only the cells that change
 * are written: each column's changed rows in contiguous runs, one call a run (a paste is one run).
 * A cell the add-on does not change is never written back from what it read, so an edit a
 * teammate makes meanwhile stands, and a text cell is never re-parsed.
 */
import type { DealFieldKey } from '../core/columns';
import type { DealSheetLayout } from '../core/deal-row';
import type { DealsSheet } from './deals-sheet';
import { dealColumn, readDealFields, readDealRows } from './deals-sheet';
import type { Cell } from './sheets';
import { runsOf, writeCells } from './sheets';

export class DealBlock {
  readonly rows: Cell[][];
  /** Where each field is in `rows`: the sheet's layout, or that of the fields read. */
  readonly layout: DealSheetLayout;
  private readonly changes = new Map<DealFieldKey, Map<number, Cell>>();

  /** Reads the rows: 2 calls; with `fields`, only their columns (readDealFields). */
  constructor(
    readonly deals: DealsSheet,
    readonly firstRow: number,
    count: number,
    fields?: readonly DealFieldKey[],
  ) {
    const read = fields
      ? readDealFields(deals, firstRow, count, fields)
      : { rows: readDealRows(deals, firstRow, count), layout: deals.layout };
    this.rows = read.rows;
    this.layout = read.layout;
  }

  set(row: number, field: DealFieldKey, value: Cell): void {
    // A column the sheet lacks (say Created, renamed) is reported by the layout; the rest stands.
    if (this.deals.layout.columns[field] < 0) return;
    const index = row - this.firstRow;
    let column = this.changes.get(field);
    if (!column) this.changes.set(field, (column = new Map<number, Cell>()));
    column.set(index, value);
    const cells = this.rows[index];
    const at = this.layout.columns[field];
    if (cells && at >= 0) cells[at] = value;
  }

  /** Writes each changed column's runs of changed rows. 2 calls a run. */
  write(): void {
    for (const [field, changed] of this.changes) {
      const column = dealColumn(this.deals, field);
      for (const run of runsOf([...changed.keys()].sort((a, b) => a - b))) {
        const values = run.map((index) => [changed.get(index)!]);
        writeCells(this.deals.sheet.getRange(this.firstRow + run[0]!, column, values.length, 1), values);
      }
    }
    this.changes.clear();
  }
}
