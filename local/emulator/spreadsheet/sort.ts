/**
 * Sorting rows the way Sheets orders values: numbers and dates first, then text (case
 * insensitive), then booleans; empty cells always last, ascending or descending.
 */
import type { Box } from './a1';
import { putSlices, takeSlices } from './grid';
import { type CellValue, isDate, type SheetModel } from './model';

export interface SortKey {
  /** Absolute column number on the sheet. */
  column: number;
  ascending: boolean;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: false });

function rank(v: CellValue): number {
  if (typeof v === 'number' || isDate(v)) return 0;
  return typeof v === 'string' ? 1 : 2;
}

function asNumber(v: CellValue): number {
  return isDate(v) ? v.getTime() / 86_400_000 + 25_569 : Number(v);
}

function compareCells(a: CellValue | undefined, b: CellValue | undefined, ascending: boolean): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  const dir = ascending ? 1 : -1;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return (ra - rb) * dir;
  if (ra === 1) return collator.compare(a as string, b as string) * dir;
  return (asNumber(a) - asNumber(b)) * dir;
}

/** Normalises Range.sort's argument: a column, {column, ascending}, or an array of them. */
export function sortKeys(spec: unknown, box: Box): SortKey[] {
  const list = Array.isArray(spec) ? spec : [spec];
  return list.map((item: unknown) => {
    const key =
      typeof item === 'number'
        ? { column: item, ascending: true }
        : typeof item === 'object' &&
            item !== null &&
            typeof (item as { column?: unknown }).column === 'number'
          ? {
              column: (item as { column: number }).column,
              ascending: (item as { ascending?: boolean }).ascending !== false,
            }
          : null;
    if (!key) throw new Error(`Invalid sort specification: ${JSON.stringify(item)}`);
    if (key.column < box.column || key.column >= box.column + box.numColumns) {
      throw new Error(`The sort column ${key.column} is outside the range being sorted.`);
    }
    return key;
  });
}

function rowOrder(sheet: SheetModel, box: Box, keys: SortKey[]): number[] {
  const order = Array.from({ length: box.numRows }, (_, i) => i);
  const value = (i: number, column: number) => sheet.rows[box.row - 1 + i]?.v[column - 1];
  return order.sort((x, y) => {
    for (const key of keys) {
      const d = compareCells(value(x, key.column), value(y, key.column), key.ascending);
      if (d !== 0) return d;
    }
    return x - y;
  });
}

/** Reorders the rows of a box; everything the cells carry (notes, formats, validation) moves too. */
export function sortBox(sheet: SheetModel, box: Box, keys: SortKey[]): void {
  const order = rowOrder(sheet, box, keys);
  if (box.column === 1 && box.numColumns >= sheet.maxColumns) {
    const rows = order.map((i) => sheet.rows[box.row - 1 + i]);
    while (sheet.rows.length < box.row - 1) sheet.rows.push(undefined);
    rows.forEach((data, i) => (sheet.rows[box.row - 1 + i] = data));
    return;
  }
  const slices = takeSlices(sheet, box);
  putSlices(
    sheet,
    box.row,
    box.column,
    order.map((i) => slices[i] ?? { v: [], layers: {} }),
  );
}
