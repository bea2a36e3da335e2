/**
 * The emulated Spreadsheet service. createSpreadsheetService returns the objects script code
 * sees (SpreadsheetApp, Charts; every call counted) and the untracked workbook the harness and
 * tests use to seed, inspect, persist, and make user edits.
 */
import type { CallCounter } from '../calls';
import type { Clock } from '../clock';
import { parseA1, splitSheetName } from './a1';
import { Context } from './context';
import { ChartType, Position } from './enums';
import type { Range } from './range';
import { checkBox } from './range-base';
import type { Sheet } from './sheet';
import type { Spreadsheet } from './spreadsheet';
import { SpreadsheetApp } from './spreadsheet-app';
import { Workbook } from './workbook';
import type { WorkbookJSON } from './workbook-json';

export interface SpreadsheetServiceOptions {
  calls: CallCounter;
  clock: Clock;
  ui: GoogleAppsScript.Base.Ui;
  /** Default 'America/New_York'. Ignored when a workbook is given. */
  timeZone?: string;
  /** Default 'Deal Pipeline'. Ignored when a workbook is given. */
  name?: string;
  /** Default 'emulated-spreadsheet-id'. Ignored when a workbook is given. */
  id?: string;
  /** An existing workbook (or its JSON) to serve instead of a new one with a single "Sheet1". */
  workbook?: Workbook | WorkbookJSON;
  /** The Date class of the script's realm; returned dates are made with it. Default: Date. */
  dateClass?: DateConstructor;
}

export interface SpreadsheetService {
  /** The tracked SpreadsheetApp global for script code. */
  SpreadsheetApp: SpreadsheetApp;
  /** The Charts global (its enums). */
  Charts: { readonly ChartType: typeof ChartType; readonly Position: typeof Position };
  /** The untracked model: seed, inspect, persist, user edits. */
  workbook: Workbook;
  /** A tracked Range for script code (e.g. onEdit's e.range); "Sheet!A1" or A1 on sheetName. */
  scriptRange: (sheetName: string, a1: string) => Range;
  /** A tracked Sheet for script code. */
  scriptSheet: (sheetName: string) => Sheet;
  /** A tracked Spreadsheet for script code (e.g. onEdit's e.source). */
  scriptSpreadsheet: () => Spreadsheet;
}

export function createSpreadsheetService(options: SpreadsheetServiceOptions): SpreadsheetService {
  const workbook =
    options.workbook instanceof Workbook
      ? options.workbook
      : options.workbook
        ? Workbook.fromJSON(options.workbook)
        : new Workbook({ id: options.id, name: options.name, timeZone: options.timeZone });
  const ctx = new Context(options.calls, workbook, options.clock, options.ui, options.dateClass ?? Date);
  return {
    SpreadsheetApp: options.calls.track(new SpreadsheetApp(ctx), 'SpreadsheetApp'),
    Charts: options.calls.track({ ChartType, Position }, 'Charts'),
    workbook,
    scriptRange(sheetName, a1) {
      const split = splitSheetName(a1);
      const sheet = workbook.sheet(split.sheetName ?? sheetName);
      const box = parseA1(split.a1, sheet);
      checkBox(sheet, box);
      return ctx.range(sheet, box);
    },
    scriptSheet: (sheetName) => ctx.sheet(workbook.sheet(sheetName)),
    scriptSpreadsheet: () => ctx.spreadsheet(),
  };
}

export { ChartType } from './enums';
export type { CellValue, RangeRef, SheetModel, ValidationRule } from './model';
export { GENERAL_FORMAT } from './model';
export { displayValue } from './number-format';
export type { Range } from './range';
export type { Sheet } from './sheet';
export type { Spreadsheet } from './spreadsheet';
export type { SpreadsheetApp } from './spreadsheet-app';
export type { UserEdit } from './workbook';
export { Workbook } from './workbook';
export type { WorkbookJSON } from './workbook-json';
