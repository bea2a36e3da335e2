/** Sheet: its grid's shape (inserting and deleting rows and columns, frozen panes, widths, visibility). */
import type { Context } from './context';
import { lastRow, writeValues } from './grid';
import { deleteColumns, deleteRows, insertColumns, insertRows } from './grid-shape';
import { DEFAULT_COLUMN_WIDTH, type SheetModel } from './model';
import { displayValue } from './number-format';
import { typeName } from './script-args';
import { shiftReferences } from './shift';

const OUT_OF_BOUNDS_ROWS = 'Those rows are out of bounds.';
const OUT_OF_BOUNDS_COLUMNS = 'Those columns are out of bounds.';

export class SheetStructure {
  constructor(
    protected readonly ctx: Context,
    readonly model: SheetModel,
  ) {}

  getMaxRows(): number {
    return this.model.maxRows;
  }
  getMaxColumns(): number {
    return this.model.maxColumns;
  }

  /** Inserts rows before rowIndex (1-based). */
  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsAt(rowIndex, numRows);
  }
  insertRowBefore(beforePosition: number): this {
    return this.insertRowsAt(beforePosition, 1);
  }
  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAt(afterPosition + 1, 1);
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    return this.insertRowsAt(beforePosition, howMany);
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    return this.insertRowsAt(afterPosition + 1, howMany);
  }

  deleteRow(rowPosition: number): this {
    return this.deleteRows(rowPosition, 1);
  }
  deleteRows(rowPosition: number, howMany = 1): this {
    const m = this.model;
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > m.maxRows)
      throw new Error(OUT_OF_BOUNDS_ROWS);
    if (howMany >= m.maxRows - m.frozenRows && rowPosition > m.frozenRows) {
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    deleteRows(m, rowPosition, howMany);
    shiftReferences(this.ctx.workbook, m, 'row', rowPosition, -howMany);
    return this;
  }

  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsAt(columnIndex, numColumns);
  }
  insertColumnBefore(beforePosition: number): this {
    return this.insertColumnsAt(beforePosition, 1);
  }
  insertColumnAfter(afterPosition: number): this {
    return this.insertColumnsAt(afterPosition + 1, 1);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    return this.insertColumnsAt(beforePosition, howMany);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    return this.insertColumnsAt(afterPosition + 1, howMany);
  }

  deleteColumn(columnPosition: number): this {
    return this.deleteColumns(columnPosition, 1);
  }
  deleteColumns(columnPosition: number, howMany = 1): this {
    const m = this.model;
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > m.maxColumns) {
      throw new Error(OUT_OF_BOUNDS_COLUMNS);
    }
    if (howMany >= m.maxColumns - m.frozenColumns && columnPosition > m.frozenColumns) {
      throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    }
    deleteColumns(m, columnPosition, howMany);
    shiftReferences(this.ctx.workbook, m, 'column', columnPosition, -howMany);
    return this;
  }

  /** Writes a row after the last row with content, growing the sheet when it is full. */
  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents)) {
      throw new Error(
        `The parameters (${typeName(rowContents)}) don't match the method signature for SpreadsheetApp.Sheet.appendRow.`,
      );
    }
    const row = lastRow(this.model) + 1;
    this.model.maxRows = Math.max(this.model.maxRows, row);
    this.model.maxColumns = Math.max(this.model.maxColumns, rowContents.length);
    writeValues(this.model, row, 1, [rowContents], this.ctx.workbook.timeZone);
    return this;
  }

  setFrozenRows(rows: number): void {
    if (rows < 0 || rows > this.model.maxRows) throw new Error('The number of frozen rows is out of range.');
    this.model.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.model.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    if (columns < 0 || columns > this.model.maxColumns)
      throw new Error('The number of frozen columns is out of range.');
    this.model.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this.model.frozenColumns;
  }

  setColumnWidth(columnPosition: number, width: number): this {
    this.model.columnWidths[columnPosition] = width;
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.model.columnWidths[c] = width;
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this.model.columnWidths[columnPosition] ?? DEFAULT_COLUMN_WIDTH;
  }
  /** Fits widths to the longest displayed text (about 7 px a character), as a rough stand-in. */
  autoResizeColumns(startColumn: number, numColumns: number): this {
    const tz = this.ctx.workbook.timeZone;
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      let longest = 0;
      for (const data of this.model.rows) {
        if (data?.v[c - 1] !== undefined) {
          longest = Math.max(longest, displayValue(data.v[c - 1], data.numberFormat?.[c - 1], tz).length);
        }
      }
      this.model.columnWidths[c] = Math.max(30, Math.min(600, longest * 7 + 16));
    }
    return this;
  }
  autoResizeColumn(columnPosition: number): this {
    return this.autoResizeColumns(columnPosition, 1);
  }

  hideSheet(): this {
    if (!this.ctx.workbook.sheets.some((s) => s !== this.model && !s.hidden)) {
      throw new Error("You can't hide all the sheets in a document.");
    }
    this.model.hidden = true;
    return this;
  }
  showSheet(): this {
    this.model.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this.model.hidden;
  }
  setTabColor(color: string | null): this {
    this.model.tabColor = color === null ? null : String(color).toLowerCase();
    return this;
  }
  getTabColor(): string | null {
    return this.model.tabColor;
  }

  private insertRowsAt(before: number, count: number): this {
    if (before < 1 || count < 1 || before > this.model.maxRows + 1) throw new Error(OUT_OF_BOUNDS_ROWS);
    insertRows(this.model, before, count);
    shiftReferences(this.ctx.workbook, this.model, 'row', before, count);
    return this;
  }

  private insertColumnsAt(before: number, count: number): this {
    if (before < 1 || count < 1 || before > this.model.maxColumns + 1) throw new Error(OUT_OF_BOUNDS_COLUMNS);
    insertColumns(this.model, before, count);
    shiftReferences(this.ctx.workbook, this.model, 'column', before, count);
    return this;
  }
}
