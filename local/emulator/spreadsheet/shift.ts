/**
 * Keeps stored references (protections, chart ranges and anchors, named ranges, the selection)
 * pointing at the same cells when rows or columns are inserted or deleted, as Sheets does.
 */
import type { RangeRef, SheetModel } from './model';
import type { Workbook } from './workbook';

export type Axis = 'row' | 'column';

/**
 * Shifts one reference in place. delta > 0 inserts delta lines before line `at`; delta < 0
 * deletes -delta lines starting at `at`. Returns false when every line of the ref was deleted.
 */
function shiftRef(ref: RangeRef, axis: Axis, at: number, delta: number): boolean {
  const startKey = axis === 'row' ? 'row' : 'column';
  const sizeKey = axis === 'row' ? 'numRows' : 'numColumns';
  const start = ref[startKey];
  const end = start + ref[sizeKey] - 1;
  if (delta > 0) {
    if (start >= at) ref[startKey] = start + delta;
    else if (end >= at) ref[sizeKey] += delta;
    return true;
  }
  const deletedEnd = at - delta - 1;
  const overlap = Math.max(0, Math.min(end, deletedEnd) - Math.max(start, at) + 1);
  ref[sizeKey] -= overlap;
  if (start > deletedEnd) ref[startKey] = start + delta;
  else if (start >= at) ref[startKey] = at;
  return ref[sizeKey] > 0;
}

export function shiftReferences(
  wb: Workbook,
  sheet: SheetModel,
  axis: Axis,
  at: number,
  delta: number,
): void {
  const mine = (ref: RangeRef) => ref.sheetId === sheet.id;
  sheet.protections = sheet.protections.filter((p) => {
    p.unprotected = p.unprotected.filter((ref) => shiftRef(ref, axis, at, delta));
    return !p.range || shiftRef(p.range, axis, at, delta);
  });
  for (const chart of sheet.charts) {
    const anchor: RangeRef = {
      sheetId: sheet.id,
      row: chart.anchorRow,
      column: chart.anchorColumn,
      numRows: 1,
      numColumns: 1,
    };
    shiftRef(anchor, axis, at, delta);
    chart.anchorRow = anchor.row;
    chart.anchorColumn = anchor.column;
  }
  for (const other of wb.sheets) {
    for (const chart of other.charts)
      chart.ranges = chart.ranges.filter((ref) => !mine(ref) || shiftRef(ref, axis, at, delta));
  }
  for (const [name, ref] of Object.entries(wb.namedRanges)) {
    if (mine(ref) && !shiftRef(ref, axis, at, delta)) delete wb.namedRanges[name];
  }
  if (wb.activeRange && mine(wb.activeRange) && !shiftRef(wb.activeRange, axis, at, delta))
    wb.activeRange = null;
}
