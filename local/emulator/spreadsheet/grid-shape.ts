/** Inserting and deleting rows and columns of a sheet model; everything a cell carries moves with it. */
import { layerOf } from './grid';
import { LAYERS, type RowData, type SheetModel } from './model';

function spliceRowArrays(data: RowData, index: number, remove: number, insert: number): void {
  const arrays = [data.v, ...LAYERS.map((layer) => layerOf(data, layer) as unknown[] | undefined)];
  for (const arr of arrays) {
    if (!arr || arr.length <= index) continue;
    arr.splice(index, remove, ...new Array<undefined>(insert));
  }
}

export function insertRows(sheet: SheetModel, before: number, count: number): void {
  if (sheet.rows.length >= before) sheet.rows.splice(before - 1, 0, ...new Array<undefined>(count));
  sheet.maxRows += count;
}

export function deleteRows(sheet: SheetModel, row: number, count: number): void {
  sheet.rows.splice(row - 1, count);
  sheet.maxRows -= count;
}

export function insertColumns(sheet: SheetModel, before: number, count: number): void {
  for (const data of sheet.rows) if (data) spliceRowArrays(data, before - 1, 0, count);
  sheet.maxColumns += count;
  sheet.columnWidths = shiftKeys(sheet.columnWidths, before, count);
}

export function deleteColumns(sheet: SheetModel, column: number, count: number): void {
  for (const data of sheet.rows) if (data) spliceRowArrays(data, column - 1, count, 0);
  sheet.maxColumns -= count;
  const widths: Record<number, number> = {};
  for (const [k, w] of Object.entries(sheet.columnWidths)) {
    const c = Number(k);
    if (c < column) widths[c] = w;
    else if (c >= column + count) widths[c - count] = w;
  }
  sheet.columnWidths = widths;
}

function shiftKeys(map: Record<number, number>, from: number, by: number): Record<number, number> {
  const out: Record<number, number> = {};
  for (const [k, w] of Object.entries(map)) out[Number(k) >= from ? Number(k) + by : Number(k)] = w;
  return out;
}
