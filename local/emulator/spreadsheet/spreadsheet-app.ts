/** SpreadsheetApp: the entry point script code calls, plus the enums it exposes. */
import type { Context } from './context';
import type { DataValidationBuilder } from './data-validation';
import {
  BorderStyle,
  DataValidationCriteria,
  Dimension,
  ProtectionType,
  TextDirection,
  WrapStrategy,
} from './enums';
import type { Range } from './range';
import { rangeRefOf, sheetModelOf } from './script-args';
import type { Sheet } from './sheet';
import type { Spreadsheet } from './spreadsheet';

export class SpreadsheetApp {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BorderStyle = BorderStyle;
  readonly WrapStrategy = WrapStrategy;
  readonly TextDirection = TextDirection;
  readonly Dimension = Dimension;

  constructor(private readonly ctx: Context) {}

  getActive(): Spreadsheet {
    return this.ctx.spreadsheet();
  }
  getActiveSpreadsheet(): Spreadsheet {
    return this.ctx.spreadsheet();
  }
  /** openById with the emulated spreadsheet's id; any other id fails as a missing file does. */
  openById(id: string): Spreadsheet {
    if (id !== this.ctx.workbook.id)
      throw new Error(
        `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
      );
    return this.ctx.spreadsheet();
  }
  openByUrl(url: string): Spreadsheet {
    return this.openById(/\/d\/([^/]+)/.exec(url)?.[1] ?? '');
  }
  getActiveSheet(): Sheet {
    return this.ctx.sheet(this.ctx.workbook.activeSheet());
  }
  getActiveRange(): Range {
    return this.ctx.activeRange();
  }
  /** The top-left cell of the selection. */
  getCurrentCell(): Range {
    const { sheet, box } = this.ctx.selection();
    return this.ctx.range(sheet, { row: box.row, column: box.column, numRows: 1, numColumns: 1 });
  }
  setActiveSheet(sheet: unknown): Sheet {
    const model = sheetModelOf(sheet, 'SpreadsheetApp.setActiveSheet');
    this.ctx.workbook.activeSheetId = model.id;
    return this.ctx.sheet(model);
  }
  setActiveRange(range: unknown): Range {
    return this.ctx.select(rangeRefOf(range, 'SpreadsheetApp.setActiveRange'));
  }
  getUi(): GoogleAppsScript.Base.Ui {
    return this.ctx.ui;
  }
  /** Writes are applied immediately in the emulator, so there is nothing to flush. */
  flush(): void {}
  newDataValidation(): DataValidationBuilder {
    return this.ctx.validationBuilder();
  }
}
