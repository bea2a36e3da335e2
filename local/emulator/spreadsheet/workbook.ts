/**
 * The host-side handle on the emulated workbook: the untracked model that tests and the
 * playground seed and inspect without counting calls, and the user's own edits (typing or
 * pasting), which change cells without firing triggers (the harness fires onEdit itself).
 */
import { isTimeZone } from '../time-zones';
import { type Box, boxA1, cellA1, parseA1, splitSheetName } from './a1';
import { cellValue, ensureRow, isTextFormat, lastColumn, lastRow, layerAt, putParsed } from './grid';
import { type CellValue, isDate, newSheetModel, type RangeRef, type SheetModel } from './model';
import { parseScriptValue } from './values';
import { workbookFromJSON, type WorkbookJSON, workbookToJSON } from './workbook-json';

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
  /** Clock time (ms) when the toast was shown. */
  at: number;
}

/** The cells a user edit touched, for building the onEdit event. */
export interface UserEdit {
  sheetName: string;
  sheetId: number;
  a1: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** For a single-cell edit: the new value (undefined when cleared), as onEdit's e.value. */
  value?: CellValue;
  /** For a single-cell edit: the previous value (undefined when the cell was empty). */
  oldValue?: CellValue;
}

/** A formula cell, by sheet name and A1 notation. */
export interface ScriptTextFormula {
  sheet: string;
  a1: string;
  formula: string;
}

export interface WorkbookInit {
  id?: string;
  name?: string;
  timeZone?: string;
  /** Name of the first sheet, default "Sheet1"; null for no sheet (loading JSON). */
  firstSheetName?: string | null;
}

export class Workbook {
  id: string;
  name: string;
  timeZone: string;
  locale = 'en_US';
  sheets: SheetModel[] = [];
  activeSheetId = 0;
  activeRange: RangeRef | null = null;
  namedRanges: Record<string, RangeRef> = {};
  readonly toasts: Toast[] = [];
  nextSheetId = 0;
  nextChartId = 1;
  nextProtectionId = 1;

  constructor(init: WorkbookInit = {}) {
    this.id = init.id ?? 'emulated-spreadsheet-id';
    this.name = init.name ?? 'Deal Pipeline';
    this.timeZone = init.timeZone ?? 'America/New_York';
    if (init.firstSheetName !== null) this.addSheet(init.firstSheetName ?? 'Sheet1');
  }

  static fromJSON(json: WorkbookJSON | string): Workbook {
    const wb = new Workbook({ firstSheetName: null });
    workbookFromJSON(wb, typeof json === 'string' ? (JSON.parse(json) as WorkbookJSON) : json);
    return wb;
  }

  toJSON(): WorkbookJSON {
    return workbookToJSON(this);
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  findSheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** The model of a sheet; throws when there is no sheet of that name. */
  sheet(name: string): SheetModel {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`No sheet named "${name}". Sheets: ${this.sheetNames().join(', ')}`);
    return sheet;
  }

  activeSheet(): SheetModel {
    const sheet = this.sheetById(this.activeSheetId) ?? this.sheets.find((s) => !s.hidden) ?? this.sheets[0];
    if (!sheet) throw new Error('The workbook has no sheets.');
    return sheet;
  }

  /** Adds a sheet at a 0-based position (default last) and returns it; Apps Script's error on a taken name. */
  addSheet(name?: string, index?: number): SheetModel {
    const finalName = name ?? this.unusedName();
    this.checkNameFree(finalName);
    const sheet = newSheetModel(this.nextSheetId, finalName);
    // The first sheet has id 0 like a new spreadsheet; later ones get large ids as in Sheets.
    this.nextSheetId = this.nextSheetId === 0 ? 1_000_001 : this.nextSheetId + 7919;
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    if (this.sheets.length === 1) this.activeSheetId = sheet.id;
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (name === sheet.name) return;
    this.checkNameFree(name);
    sheet.name = name;
  }

  removeSheet(sheet: SheetModel): void {
    if (!this.sheets.some((s) => s !== sheet && !s.hidden)) {
      throw new Error("You can't remove all the sheets in a document.");
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.activeSheetId === sheet.id) {
      this.activeSheetId = this.activeSheet().id;
      this.activeRange = null;
    }
  }

  setTimeZone(timeZone: string): void {
    if (!isTimeZone(timeZone)) throw new Error(`Invalid time zone: ${timeZone}`);
    this.timeZone = timeZone;
  }

  /** The used range (A1 to the last row and column with content) as a fresh 2D array. */
  values(sheetName: string): CellValue[][] {
    const sheet = this.sheet(sheetName);
    const rows = lastRow(sheet);
    const columns = lastColumn(sheet);
    const out: CellValue[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: CellValue[] = [];
      for (let c = 1; c <= columns; c++) {
        const v = cellValue(sheet, r, c);
        line.push(v === undefined ? '' : isDate(v) ? new Date(v.getTime()) : v);
      }
      out.push(line);
    }
    return out;
  }

  /** The value of one cell ('' when empty), e.g. workbook.value('Deals', 'B2'). */
  value(sheetName: string, a1: string): CellValue {
    const box = this.box(sheetName, a1);
    const v = cellValue(this.sheet(sheetName), box.row, box.column);
    return v === undefined ? '' : isDate(v) ? new Date(v.getTime()) : v;
  }

  formula(sheetName: string, a1: string): string {
    const box = this.box(sheetName, a1);
    return layerAt(this.sheet(sheetName), 'f', box.row, box.column) ?? '';
  }

  /**
   * Every formula Sheets parsed from text that script code wrote (setValues, setValue, appendRow),
   * in sheet order: text the add-on wrote that Sheets runs. Formulas set with setFormula or typed
   * by a user are not listed.
   */
  scriptTextFormulas(): ScriptTextFormula[] {
    const found: ScriptTextFormula[] = [];
    for (const sheet of this.sheets) {
      sheet.rows.forEach((data, r) => {
        data?.scriptText?.forEach((marked, c) => {
          const formula = data.f?.[c];
          if (marked && formula !== undefined)
            found.push({ sheet: sheet.name, a1: cellA1(r + 1, c + 1), formula });
        });
      });
    }
    return found;
  }

  note(sheetName: string, a1: string): string {
    const box = this.box(sheetName, a1);
    return layerAt(this.sheet(sheetName), 'n', box.row, box.column) ?? '';
  }

  /** Resolves "A1" or "Sheet!A1" notation on a sheet. */
  box(sheetName: string, a1: string): Box {
    const split = splitSheetName(a1);
    return parseA1(split.a1, this.sheet(split.sheetName ?? sheetName));
  }

  /**
   * What a user does when typing or pasting: strings are parsed as typed input, the sheet grows
   * to fit a paste, the edited range becomes the selection. Nothing is counted or fired, and
   * data validation is not enforced. A single-cell a1 is the top-left corner of the paste.
   */
  userSetValues(sheetName: string, a1: string, values: unknown[][]): UserEdit {
    const sheet = this.sheet(sheetName);
    const box = this.box(sheetName, a1);
    const numRows = values.length;
    const numColumns = values[0]?.length ?? 0;
    if (numRows === 0 || numColumns === 0 || values.some((line) => line.length !== numColumns)) {
      throw new Error('userSetValues needs a non-empty rectangular 2D array.');
    }
    const single = box.numRows === 1 && box.numColumns === 1;
    if (!single && (box.numRows !== numRows || box.numColumns !== numColumns)) {
      throw new Error(
        `userSetValues: ${a1} is ${box.numRows}x${box.numColumns}, the values ${numRows}x${numColumns}.`,
      );
    }
    sheet.maxRows = Math.max(sheet.maxRows, box.row + numRows - 1);
    sheet.maxColumns = Math.max(sheet.maxColumns, box.column + numColumns - 1);
    const oldValue = cellValue(sheet, box.row, box.column);
    values.forEach((line, r) => {
      const data = ensureRow(sheet, box.row + r);
      line.forEach((x, c) => {
        putParsed(
          data,
          box.column + c,
          parseScriptValue(x, this.timeZone, isTextFormat(data, box.column + c)),
          true,
        );
      });
    });
    const edited: RangeRef = { sheetId: sheet.id, row: box.row, column: box.column, numRows, numColumns };
    this.activeSheetId = sheet.id;
    this.activeRange = edited;
    const edit: UserEdit = { sheetName: sheet.name, a1: boxA1(edited, sheet), ...edited };
    if (numRows === 1 && numColumns === 1) {
      const value = cellValue(sheet, box.row, box.column);
      if (value !== undefined) edit.value = isDate(value) ? new Date(value.getTime()) : value;
      if (oldValue !== undefined) edit.oldValue = oldValue;
    }
    return edit;
  }

  private unusedName(): string {
    for (let n = this.sheets.length + 1; ; n++) if (!this.findSheet(`Sheet${n}`)) return `Sheet${n}`;
  }

  private checkNameFree(name: string): void {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }
}
