/**
 * Cell-level operations on a sheet model: block reads and writes of values and of each layer,
 * content extent, clearing, and moving whole cells (for sort and copy). Coordinates are 1-based
 * like Apps Script; callers check bounds.
 */
import type { Box } from './a1';
import {
  type CellValue,
  FORMAT_DEFAULTS,
  FORMAT_KEYS,
  type FormatKey,
  GENERAL_FORMAT,
  isDate,
  type Layer,
  LAYERS,
  type LayerTypes,
  type RowData,
  type SheetModel,
} from './model';
import { type Parsed, parseScriptValue } from './values';

type Slot<K extends Layer> = (LayerTypes[K] | undefined)[];

export function ensureRow(sheet: SheetModel, row: number): RowData {
  let data = sheet.rows[row - 1];
  if (!data) {
    data = { v: [] };
    while (sheet.rows.length < row - 1) sheet.rows.push(undefined);
    sheet.rows[row - 1] = data;
  }
  return data;
}

export function layerOf<K extends Layer>(data: RowData, layer: K, create: true): Slot<K>;
export function layerOf<K extends Layer>(data: RowData, layer: K, create?: false): Slot<K> | undefined;
export function layerOf<K extends Layer>(data: RowData, layer: K, create = false): Slot<K> | undefined {
  const slots = data as unknown as Record<string, Slot<K> | undefined>;
  let arr = slots[layer];
  if (!arr && create) slots[layer] = arr = [];
  return arr;
}

export function isTextFormat(data: RowData | undefined, column: number): boolean {
  return data?.numberFormat?.[column - 1] === '@';
}

/**
 * Stores a parsed value, replacing any formula; a formula parsed from text that script code wrote
 * is marked as such (not one a user typed). A format Sheets infers only lands on a General cell.
 */
export function putParsed(data: RowData, column: number, parsed: Parsed, typedByUser = false): void {
  const i = column - 1;
  data.v[i] = parsed.value;
  if (parsed.formula !== undefined) layerOf(data, 'f', true)[i] = parsed.formula;
  else if (data.f && data.f[i] !== undefined) data.f[i] = undefined;
  if (parsed.fromText && !typedByUser) layerOf(data, 'scriptText', true)[i] = true;
  else if (data.scriptText && data.scriptText[i] !== undefined) data.scriptText[i] = undefined;
  if (parsed.format !== undefined) {
    const formats = layerOf(data, 'numberFormat', true);
    if (formats[i] === undefined || formats[i] === GENERAL_FORMAT) formats[i] = parsed.format;
  }
}

/** Whether a string is stored as written whatever the cell's format: no formula, number, date or boolean. */
function isPlainText(x: string): boolean {
  const first = x.charCodeAt(0);
  // 36–57 covers $ ' + - . and the digits; 61 is =, 64 is @.
  if (Number.isNaN(first) || (first >= 36 && first <= 57) || first === 61 || first === 64) return false;
  return !(
    (x.length === 4 || x.length === 5) &&
    (first === 84 || first === 116 || first === 70 || first === 102)
  );
}

/**
 * Writes a block of script values (strings parsed like typed input). Plain text, numbers and
 * booleans take a fast path that allocates nothing; the values must already be checked.
 */
export function writeValues(
  sheet: SheetModel,
  row: number,
  column: number,
  values: unknown[][],
  timeZone: string,
): void {
  const c0 = column - 1;
  for (let r = 0; r < values.length; r++) {
    const line = values[r] as unknown[];
    const data = ensureRow(sheet, row + r);
    const v = data.v;
    const f = data.f;
    for (let c = 0; c < line.length; c++) {
      const x = line[c];
      const t = typeof x;
      if (t === 'number' || t === 'boolean' || (t === 'string' && isPlainText(x as string))) {
        v[c0 + c] = x as CellValue;
        if (f !== undefined && f[c0 + c] !== undefined) {
          f[c0 + c] = undefined;
          if (data.scriptText) data.scriptText[c0 + c] = undefined;
        }
      } else {
        putParsed(data, column + c, parseScriptValue(x, timeZone, isTextFormat(data, column + c)));
      }
    }
  }
}

/** Reads values as fresh arrays; empty and formula cells read as '' and dates are copied. */
export function readValues(
  sheet: SheetModel,
  { row, column, numRows, numColumns }: Box,
  makeDate: (ms: number) => Date,
): CellValue[][] {
  const out = new Array<CellValue[]>(numRows);
  const c0 = column - 1;
  const c1 = c0 + numColumns;
  for (let r = 0; r < numRows; r++) {
    const v = sheet.rows[row - 1 + r]?.v;
    if (!v || v.length <= c0) {
      out[r] = new Array<CellValue>(numColumns).fill('');
      continue;
    }
    const line = v.slice(c0, c1) as CellValue[];
    for (let c = 0; c < numColumns; c++) {
      const x = line[c];
      if (x === undefined) line[c] = '';
      else if (typeof x === 'object') line[c] = makeDate(x.getTime());
    }
    out[r] = line;
  }
  return out;
}

export function cellValue(sheet: SheetModel, row: number, column: number): CellValue | undefined {
  return sheet.rows[row - 1]?.v[column - 1];
}

/** One cell's entry in a layer; undefined when unset. */
export function layerAt<K extends Layer>(
  sheet: SheetModel,
  layer: K,
  row: number,
  column: number,
): LayerTypes[K] | undefined {
  const data = sheet.rows[row - 1];
  return data ? layerOf(data, layer)?.[column - 1] : undefined;
}

export function readLayer<K extends Layer, D>(
  sheet: SheetModel,
  layer: K,
  { row, column, numRows, numColumns }: Box,
  empty: D,
): (LayerTypes[K] | D)[][] {
  const out = new Array<(LayerTypes[K] | D)[]>(numRows);
  for (let r = 0; r < numRows; r++) {
    const data = sheet.rows[row - 1 + r];
    const arr = data ? layerOf(data, layer) : undefined;
    const line = new Array<LayerTypes[K] | D>(numColumns);
    for (let c = 0; c < numColumns; c++) line[c] = arr?.[column - 1 + c] ?? empty;
    out[r] = line;
  }
  return out;
}

/** Writes one value per cell (a 2D block) or the same value to every cell; undefined clears. */
export function writeLayer<K extends Layer>(
  sheet: SheetModel,
  layer: K,
  { row, column, numRows, numColumns }: Box,
  value: (r: number, c: number) => LayerTypes[K] | undefined,
): void {
  for (let r = 0; r < numRows; r++) {
    const existing = sheet.rows[row - 1 + r];
    let arr = existing ? layerOf(existing, layer) : undefined;
    for (let c = 0; c < numColumns; c++) {
      const x = value(r, c);
      if (x === undefined && !arr) continue;
      arr ??= layerOf(ensureRow(sheet, row + r), layer, true);
      arr[column - 1 + c] = x;
    }
  }
}

export function formatDefault<K extends FormatKey>(key: K): LayerTypes[K] {
  return FORMAT_DEFAULTS[key] as LayerTypes[K];
}

function rowHasContent(data: RowData | undefined): boolean {
  if (!data) return false;
  return data.v.some((x) => x !== undefined) || (data.f?.some((x) => x !== undefined) ?? false);
}

/** The last row with a value or formula; 0 for an empty sheet. */
export function lastRow(sheet: SheetModel): number {
  for (let r = sheet.rows.length; r > 0; r--) if (rowHasContent(sheet.rows[r - 1])) return r;
  return 0;
}

/** The last column with a value or formula; 0 for an empty sheet. */
export function lastColumn(sheet: SheetModel): number {
  let last = 0;
  for (const data of sheet.rows) {
    if (!data) continue;
    for (let c = Math.max(data.v.length, data.f?.length ?? 0); c > last; c--) {
      if (data.v[c - 1] !== undefined || data.f?.[c - 1] !== undefined) {
        last = c;
        break;
      }
    }
  }
  return last;
}

/** A row's cells in a span of columns, lifted out with everything they carry. */
export interface RowSlice {
  v: (CellValue | undefined)[];
  layers: Partial<Record<Layer, unknown[]>>;
}

export function takeSlices(sheet: SheetModel, { row, column, numRows, numColumns }: Box): RowSlice[] {
  const out: RowSlice[] = [];
  const c0 = column - 1;
  const c1 = c0 + numColumns;
  for (let r = 0; r < numRows; r++) {
    const data = sheet.rows[row - 1 + r];
    const slice: RowSlice = { v: new Array<CellValue | undefined>(numColumns), layers: {} };
    if (data) {
      for (let c = c0; c < c1; c++) {
        const x = data.v[c];
        slice.v[c - c0] = isDate(x) ? new Date(x.getTime()) : x;
      }
      for (const layer of LAYERS) {
        const arr = layerOf(data, layer) as unknown[] | undefined;
        if (arr && arr.length > c0)
          slice.layers[layer] = Array.from({ length: numColumns }, (_, c) => arr[c0 + c]);
      }
    }
    out.push(slice);
  }
  return out;
}

/** Puts slices back (the value and the given layers; every layer by default). */
export function putSlices(
  sheet: SheetModel,
  row: number,
  column: number,
  slices: RowSlice[],
  layers: readonly Layer[] = LAYERS,
  values = true,
): void {
  const c0 = column - 1;
  slices.forEach((slice, r) => {
    const data = ensureRow(sheet, row + r);
    if (values) for (let c = 0; c < slice.v.length; c++) data.v[c0 + c] = slice.v[c];
    for (const layer of layers) {
      const src = slice.layers[layer];
      const arr = src
        ? (layerOf(data, layer, true) as unknown[])
        : (layerOf(data, layer) as unknown[] | undefined);
      if (!arr) continue;
      for (let c = 0; c < slice.v.length; c++) arr[c0 + c] = src?.[c];
    }
  });
}

export interface ClearWhat {
  contents: boolean;
  formats: boolean;
  notes: boolean;
  validations: boolean;
}

export function clearCells(
  sheet: SheetModel,
  { row, column, numRows, numColumns }: Box,
  what: ClearWhat,
): void {
  const layers: Layer[] = [];
  if (what.contents) layers.push('f', 'scriptText');
  if (what.notes) layers.push('n');
  if (what.validations) layers.push('dv');
  if (what.formats) layers.push(...FORMAT_KEYS);
  const end = Math.min(row - 1 + numRows, sheet.rows.length);
  for (let r = row - 1; r < end; r++) {
    const data = sheet.rows[r];
    if (!data) continue;
    for (let c = column - 1; c < column - 1 + numColumns; c++) {
      if (what.contents && c < data.v.length) data.v[c] = undefined;
      for (const layer of layers) {
        const arr = layerOf(data, layer);
        if (arr && c < arr.length) arr[c] = undefined;
      }
    }
  }
}
