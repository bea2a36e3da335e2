/**
 * The workbook model: plain data that the Apps Script facing classes read and write, and that
 * serialises to JSON. A sheet is an array of rows; a row holds its values in one array and each
 * other property (formula, note, validation, each format) in its own optional array, so a block
 * read touches one array per row and sorting or deleting rows moves everything a row carries.
 */

/** What a cell can hold. An empty cell is `undefined` in the model and reads as ''. */
export type CellValue = string | number | boolean | Date;

/** A rectangle on a sheet, 1-based like Apps Script. */
export interface RangeRef {
  sheetId: number;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** An argument of a data validation rule; a range argument is stored by reference. */
export type RuleArg = CellValue | CellValue[] | { range: RangeRef } | null;

export interface ValidationRule {
  criteria: string;
  args: RuleArg[];
  allowInvalid: boolean;
  helpText: string;
}

/** The per-cell properties other than the value, and their types. */
export interface LayerTypes {
  f: string;
  /**
   * Marks a formula that Sheets parsed from text script code wrote (setValues, setValue,
   * appendRow), as opposed to one set with setFormula or typed by a user: the add-on means no
   * such formula, so tests look for them (Workbook.scriptTextFormulas).
   */
  scriptText: true;
  n: string;
  dv: ValidationRule;
  background: string;
  numberFormat: string;
  fontWeight: string;
  fontColor: string;
  fontStyle: string;
  fontSize: number;
  fontFamily: string;
  fontLine: string;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrap: boolean;
}
export type Layer = keyof LayerTypes;
export type FormatKey = Exclude<Layer, 'f' | 'scriptText' | 'n' | 'dv'>;

export type RowData = { v: (CellValue | undefined)[] } & { [K in Layer]?: (LayerTypes[K] | undefined)[] };

/**
 * What Apps Script reports for a cell nobody formatted. getNumberFormat() of an untouched cell
 * returns "0.###############" in real Apps Script, so the emulator does too.
 */
export const GENERAL_FORMAT = '0.###############';

export const FORMAT_DEFAULTS: { [K in FormatKey]: LayerTypes[K] } = {
  background: '#ffffff',
  numberFormat: GENERAL_FORMAT,
  fontWeight: 'normal',
  fontColor: '#000000',
  fontStyle: 'normal',
  fontSize: 10,
  fontFamily: 'Arial',
  fontLine: 'none',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  wrap: false,
};

export const FORMAT_KEYS = Object.keys(FORMAT_DEFAULTS) as FormatKey[];
export const LAYERS: Layer[] = ['f', 'scriptText', 'n', 'dv', ...FORMAT_KEYS];

export interface ProtectionModel {
  id: number;
  type: 'RANGE' | 'SHEET';
  /** The protected rectangle; null for a whole-sheet protection. */
  range: RangeRef | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
  unprotected: RangeRef[];
}

export interface ChartModel {
  chartId: number;
  chartType: string;
  ranges: RangeRef[];
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  options: Record<string, unknown>;
  numHeaders: number;
  transpose: boolean;
}

export interface SheetModel {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  /** Row r (1-based) is rows[r - 1]; a missing row is empty. */
  rows: (RowData | undefined)[];
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  tabColor: string | null;
  /** Column widths in pixels by 1-based column; absent means the default width. */
  columnWidths: Record<number, number>;
  protections: ProtectionModel[];
  charts: ChartModel[];
}

const DEFAULT_MAX_ROWS = 1000;
const DEFAULT_MAX_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

export function newSheetModel(id: number, name: string): SheetModel {
  return {
    id,
    name,
    maxRows: DEFAULT_MAX_ROWS,
    maxColumns: DEFAULT_MAX_COLUMNS,
    rows: [],
    frozenRows: 0,
    frozenColumns: 0,
    hidden: false,
    tabColor: null,
    columnWidths: {},
    protections: [],
    charts: [],
  };
}

/** Whether a value is a Date, including one made in another realm (a vm context). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
