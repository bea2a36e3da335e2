/**
 * A block of Deals rows read in one call, and the add-on's changes to the cells it may write (ID,
 * Created, Stage Since, a reverted Stage, a Close Date set on closing), written back one call per
 * changed column over the block. Cells of the span the add-on does not change are written back
 * as they were, formulas as formulas, so nothing a user wrote is lost.
 */
import type { DealFieldKey } from '../core/columns';
import { dealColumn, readDealRows } from './deals-sheet';
import type { DealsSheet } from './deals-sheet';
import type { Cell } from './sheets';

export class DealBlock {
  readonly rows: Cell[][];
  private readonly changes = new Map<DealFieldKey, Map<number, Cell>>();

  /** Reads the rows. 2 calls. */
  constructor(
    readonly deals: DealsSheet,
    readonly firstRow: number,
    count: number,
  ) {
    this.rows = readDealRows(deals, firstRow, count);
  }

  /** The 0-based index in `rows` of sheet row `row`. */
  indexOf(row: number): number {
    return row - this.firstRow;
  }

  set(row: number, field: DealFieldKey, value: Cell): void {
    let column = this.changes.get(field);
    if (!column) this.changes.set(field, (column = new Map()));
    column.set(this.indexOf(row), value);
    const cells = this.rows[this.indexOf(row)];
    if (cells) cells[this.deals.layout.columns[field]] = value;
  }

  /** Writes each changed column over the rows from its first to its last change. 1 + 1 call per column. */
  write(): void {
    if (this.changes.size === 0) return;
    const formulas = this.deals.sheet
      .getRange(this.firstRow, 1, this.rows.length, this.deals.width)
      .getFormulas();
    for (const [field, changed] of this.changes) {
      const indexes = [...changed.keys()];
      const first = Math.min(...indexes);
      const last = Math.max(...indexes);
      const column = dealColumn(this.deals, field) - 1;
      const values: Cell[] = [];
      for (let i = first; i <= last; i++) {
        values.push(
          changed.has(i) ? changed.get(i)! : formulas[i]?.[column] || (this.rows[i]?.[column] ?? ''),
        );
      }
      this.deals.sheet
        .getRange(this.firstRow + first, column + 1, values.length, 1)
        .setValues(values.map((value) => [value]));
    }
  }
}
