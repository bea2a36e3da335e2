/** Range: where it is (coordinates, A1 notation, navigation) and the checks every writer shares. */
import { type Box, boxA1 } from './a1';
import type { Context } from './context';
import type { RangeRef, SheetModel } from './model';
import type { Range } from './range';
import { typeName } from './script-args';
import type { Sheet } from './sheet';

export function checkBox(sheet: SheetModel, box: Box): void {
  if (box.row < 1) throw new Error('The starting row of the range is too small.');
  if (box.column < 1) throw new Error('The starting column of the range is too small.');
  if (box.numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
  if (box.numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
  if (box.row + box.numRows - 1 > sheet.maxRows || box.column + box.numColumns - 1 > sheet.maxColumns) {
    throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

export class RangeBase {
  constructor(
    protected readonly ctx: Context,
    readonly model: SheetModel,
    readonly box: Box,
  ) {}

  /** The reference stored in the model (for validations, protections, charts, the selection). */
  protected ref(): RangeRef {
    return { sheetId: this.model.id, ...this.box };
  }

  /** Throws Apps Script's errors unless data is a 2D array the size of this range. */
  protected check2D(data: unknown, method: string): asserts data is unknown[][] {
    if (!Array.isArray(data) || !data.every((line) => Array.isArray(line))) {
      throw new Error(
        `The parameters (${typeName(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    if (data.length !== this.box.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.box.numRows}.`,
      );
    }
    for (const line of data as unknown[][]) {
      if (line.length !== this.box.numColumns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this.box.numColumns}.`,
        );
      }
    }
  }

  getRow(): number {
    return this.box.row;
  }

  getRowIndex(): number {
    return this.box.row;
  }

  getColumn(): number {
    return this.box.column;
  }

  getNumRows(): number {
    return this.box.numRows;
  }

  getHeight(): number {
    return this.box.numRows;
  }

  getNumColumns(): number {
    return this.box.numColumns;
  }

  getWidth(): number {
    return this.box.numColumns;
  }

  getLastRow(): number {
    return this.box.row + this.box.numRows - 1;
  }

  getLastColumn(): number {
    return this.box.column + this.box.numColumns - 1;
  }

  getA1Notation(): string {
    return boxA1(this.box, this.model);
  }

  getGridId(): number {
    return this.model.id;
  }

  getSheet(): Sheet {
    return this.ctx.sheet(this.model);
  }

  /** offset(rowOffset, columnOffset, numRows?, numColumns?) like Apps Script. */
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const box: Box = {
      row: this.box.row + rowOffset,
      column: this.box.column + columnOffset,
      numRows: numRows ?? this.box.numRows,
      numColumns: numColumns ?? this.box.numColumns,
    };
    checkBox(this.model, box);
    return this.ctx.range(this.model, box);
  }

  /** getCell(row, column), 1-based within this range. */
  getCell(row: number, column: number): Range {
    if (row < 1 || row > this.box.numRows || column < 1 || column > this.box.numColumns) {
      throw new Error('The coordinates of the cell are outside the range.');
    }
    return this.ctx.range(this.model, {
      row: this.box.row + row - 1,
      column: this.box.column + column - 1,
      numRows: 1,
      numColumns: 1,
    });
  }

  /** Makes this range the selection and its sheet the active sheet. */
  activate(): this {
    this.ctx.workbook.activeSheetId = this.model.id;
    this.ctx.workbook.activeRange = this.ref();
    return this;
  }

  activateAsCurrentCell(): this {
    return this.activate();
  }
}
