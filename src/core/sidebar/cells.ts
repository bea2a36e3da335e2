/**
 * A deal's cells as the sidebar writes them: real Dates for dates (local midnight in the
 * spreadsheet's time zone, as a typed date), numbers for numbers, text as text. Placed by the
 * sheet's own header, never by position; columns the add-on does not know stay blank.
 */
import type { DealFieldKey } from '../columns';
import { DEAL_FIELDS, dealField } from '../columns';
import { startOfDay } from '../dates';
import type { DealSheetLayout } from '../deal-row';
import type { Deal } from '../types';

export type CellValue = string | number | Date;

/** The cell for one field of a deal: '' when blank. */
function cellValue(deal: Deal, field: DealFieldKey, timeZone: string): CellValue {
  const value = deal[field];
  if (value === null) return '';
  switch (dealField(field).type) {
    case 'date':
      return startOfDay(value as number, timeZone);
    case 'datetime':
      return new Date(value);
    default:
      return value;
  }
}

/** A whole new row, `width` cells in the sheet's column order. */
export function rowCells(deal: Deal, layout: DealSheetLayout, width: number, timeZone: string): CellValue[] {
  const cells: CellValue[] = Array.from({ length: width }, () => '');
  for (const field of DEAL_FIELDS) {
    const column = layout.columns[field.key];
    if (column >= 0) cells[column] = cellValue(deal, field.key, timeZone);
  }
  return cells;
}

/** Cells side by side in one row: one write. */
export interface CellRun {
  /** 0-based column of the first cell. */
  readonly column: number;
  readonly values: CellValue[];
}

/**
 * The user fields among `fields` that the sheet has no column for: their values would be lost, so
 * nothing is written and the caller says which column to add. A column the add-on fills (Created,
 * Stage Since) may be missing: the layout reports it, and the rest is written.
 */
export function missingColumns(fields: readonly DealFieldKey[], layout: DealSheetLayout): DealFieldKey[] {
  return fields.filter((field) => layout.columns[field] < 0 && dealField(field).filledBy === 'user');
}

/** The cells of `fields` that have a column, in runs of adjacent columns, left to right. */
export function cellRuns(
  deal: Deal,
  fields: readonly DealFieldKey[],
  layout: DealSheetLayout,
  timeZone: string,
): CellRun[] {
  const cells = fields
    .filter((field) => layout.columns[field] >= 0)
    .map((field) => ({ column: layout.columns[field], value: cellValue(deal, field, timeZone) }))
    .sort((a, b) => a.column - b.column);
  const runs: { column: number; values: CellValue[] }[] = [];
  for (const cell of cells) {
    const run = runs[runs.length - 1];
    if (run && run.column + run.values.length === cell.column) run.values.push(cell.value);
    else runs.push({ column: cell.column, values: [cell.value] });
  }
  return runs;
}
