/**
 * Sheets' question before an edit lands on cells protected with a warning: "Heads up! You're
 * trying to edit part of this sheet that shouldn't be changed accidentally. Edit anyway?"
 */
import type { SheetView } from './contract';

/** The question to ask before putting `values` at (row, column), or null when none is protected. */
export function warningFor(view: SheetView, row: number, column: number, values: string[][]): string | null {
  const lastRow = row + values.length - 1;
  const lastColumn = column + (values[0]?.length ?? 1) - 1;
  const hit = view.warnings.find(
    (w) =>
      w.row <= lastRow &&
      row < w.row + w.numRows &&
      w.column <= lastColumn &&
      column < w.column + w.numColumns,
  );
  if (!hit) return null;
  const why = hit.description ? ` (${hit.description})` : '';
  return `You're trying to edit part of this sheet that shouldn't be changed accidentally${why}. Edit anyway?`;
}
