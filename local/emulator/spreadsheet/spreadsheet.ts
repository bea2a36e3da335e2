/** Spreadsheet as script code sees it: its sheets, the active sheet and selection, named ranges, toasts. */
import { parseA1, splitSheetName } from './a1';
import type { Context } from './context';
import { lastColumn, lastRow } from './grid';
import type { Protection } from './protection';
import type { Range } from './range';
import { checkBox } from './range-base';
import { rangeRefOf, sheetModelOf, typeName } from './script-args';
import type { Sheet } from './sheet';

export class Spreadsheet {
  constructor(private readonly ctx: Context) {}

  private get wb() {
    return this.ctx.workbook;
  }

  getId(): string {
    return this.wb.id;
  }
  getName(): string {
    return this.wb.name;
  }
  rename(newName: string): void {
    this.wb.name = String(newName);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.wb.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this.wb.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.wb.setTimeZone(timezone);
  }
  getSpreadsheetLocale(): string {
    return this.wb.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.wb.locale = String(locale);
  }

  getSheets(): Sheet[] {
    return this.wb.sheets.map((s) => this.ctx.sheet(s));
  }
  getNumSheets(): number {
    return this.wb.sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    const model = this.wb.findSheet(String(name));
    return model ? this.ctx.sheet(model) : null;
  }
  getSheetById(id: number): Sheet | null {
    const model = this.wb.sheetById(id);
    return model ? this.ctx.sheet(model) : null;
  }

  /** insertSheet(), insertSheet(name), insertSheet(index), insertSheet(name, index); the new sheet becomes active. */
  insertSheet(nameOrIndex?: string | number, index?: number): Sheet {
    const name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : index;
    if (nameOrIndex !== undefined && typeof nameOrIndex !== 'string' && typeof nameOrIndex !== 'number') {
      throw new Error(
        `The parameters (${typeName(nameOrIndex)}) don't match the method signature for SpreadsheetApp.Spreadsheet.insertSheet.`,
      );
    }
    const model = this.wb.addSheet(name, at);
    this.wb.activeSheetId = model.id;
    this.wb.activeRange = null;
    return this.ctx.sheet(model);
  }
  deleteSheet(sheet: unknown): void {
    this.wb.removeSheet(sheetModelOf(sheet, 'SpreadsheetApp.Spreadsheet.deleteSheet'));
  }

  getActiveSheet(): Sheet {
    return this.ctx.sheet(this.wb.activeSheet());
  }
  setActiveSheet(sheet: unknown): Sheet {
    const model = sheetModelOf(sheet, 'SpreadsheetApp.Spreadsheet.setActiveSheet');
    this.wb.activeSheetId = model.id;
    return this.ctx.sheet(model);
  }
  /** The selection; A1 of the active sheet when nothing was selected there. */
  getActiveRange(): Range {
    return this.ctx.activeRange();
  }
  setActiveRange(range: unknown): Range {
    return this.ctx.select(rangeRefOf(range, 'SpreadsheetApp.Spreadsheet.setActiveRange'));
  }

  /** "Sheet!A1:B2" or, without a sheet name, on the active sheet. */
  getRange(a1Notation: string): Range {
    const { sheetName, a1 } = splitSheetName(String(a1Notation));
    const sheet = sheetName === null ? this.wb.activeSheet() : this.wb.findSheet(sheetName);
    if (!sheet) throw new Error('Range not found');
    const box = parseA1(a1, sheet);
    checkBox(sheet, box);
    return this.ctx.range(sheet, box);
  }
  getRangeByName(name: string): Range | null {
    const ref = this.wb.namedRanges[name];
    return ref && this.wb.sheetById(ref.sheetId) ? this.ctx.rangeOf(ref) : null;
  }
  setNamedRange(name: string, range: unknown): void {
    this.wb.namedRanges[name] = rangeRefOf(range, 'SpreadsheetApp.Spreadsheet.setNamedRange');
  }
  removeNamedRange(name: string): void {
    delete this.wb.namedRanges[name];
  }

  getDataRange(): Range {
    const sheet = this.wb.activeSheet();
    return this.ctx.range(sheet, {
      row: 1,
      column: 1,
      numRows: Math.max(1, lastRow(sheet)),
      numColumns: Math.max(1, lastColumn(sheet)),
    });
  }
  getLastRow(): number {
    return lastRow(this.wb.activeSheet());
  }
  getLastColumn(): number {
    return lastColumn(this.wb.activeSheet());
  }

  /** Recorded into workbook.toasts; the default timeout is 5 seconds as in Sheets. */
  toast(msg: unknown, title?: unknown, timeoutSeconds?: number): void {
    this.wb.toasts.push({
      message: String(msg),
      title: title === undefined || title === null ? '' : String(title),
      timeoutSeconds: timeoutSeconds ?? 5,
      at: this.ctx.clock.now(),
    });
  }

  getProtections(type: string): Protection[] {
    return this.wb.sheets.flatMap((s) =>
      s.protections.filter((p) => p.type === String(type)).map((p) => this.ctx.protection(s, p)),
    );
  }
  getOwner(): null {
    return null;
  }
  getEditors(): never[] {
    return [];
  }
}
