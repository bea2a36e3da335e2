/**
 * How custom functions read their arguments. Sheets passes a single cell as a scalar and a range
 * as a 2D array; a range may be a column or a row. Rows that are blank in every argument are
 * skipped (ranges often run past the data). Every problem is an ArgumentError that names the
 * function, the argument, the row within it and the value, which Sheets shows in the cell.
 */
import { quoteValue } from '../problems';
import type { CalendarDay } from '../types';
import { isBlankCell, isUnreadable, readDay, readMoney } from '../values';
import { wordFor } from '../wording';

export class ArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArgumentError';
  }
}

/** One argument of one call: its name as the function's help shows it, and its cells in order. */
export interface Column {
  readonly name: string;
  readonly cells: readonly unknown[];
}

/**
 * The cells of a range argument in order. A range more than one row and one column wide is
 * refused: "row 3" must mean one thing. An omitted argument gives no cells.
 */
export function columnOf(fn: string, name: string, arg: unknown): Column {
  if (arg === undefined) return { name, cells: [] };
  if (!Array.isArray(arg)) return { name, cells: [arg] };
  const rows = arg as unknown[][];
  if (rows.length === 1) return { name, cells: rows[0] ?? [] };
  const width = rows[0]?.length ?? 0;
  if (width > 1) {
    throw new ArgumentError(
      `${fn}: ${name} must be a single row or column, not ${rows.length} rows × ${width} columns.`,
    );
  }
  return { name, cells: rows.map((row) => row[0]) };
}

/**
 * The indexes of the rows to use: every argument must have as many cells as the first, and a
 * row blank in every argument is skipped.
 */
export function usedRows(fn: string, columns: readonly Column[]): number[] {
  const [first, ...rest] = columns;
  if (!first) return [];
  for (const other of rest) {
    if (other.cells.length !== first.cells.length) {
      throw new ArgumentError(
        `${fn}: ${other.name} has ${other.cells.length} ${wordFor(other.cells.length, 'cell')} but ${first.name} has ${first.cells.length}; give ranges of the same size.`,
      );
    }
  }
  const rows: number[] = [];
  for (let i = 0; i < first.cells.length; i++) {
    if (!columns.every((column) => isBlankCell(column.cells[i]))) rows.push(i);
  }
  return rows;
}

export function rowError(fn: string, column: Column, index: number, problem: string): ArgumentError {
  return new ArgumentError(
    `${fn}: ${column.name} row ${index + 1} is ${quoteValue(column.cells[index])}: ${problem}`,
  );
}

/** An amount: a number ≥ 0; blank counts 0 (a deal not yet sized is worth nothing yet). */
export function amountAt(fn: string, column: Column, index: number): number {
  const amount = readMoney(column.cells[index]);
  if (isUnreadable(amount)) throw rowError(fn, column, index, 'it must be a number ≥ 0.');
  return amount ?? 0;
}

/** A date cell (a Date, or yyyy-mm-dd text) as a calendar day; blank gives null. */
export function dayAt(fn: string, column: Column, index: number, timeZone: string): CalendarDay | null {
  const day = readDay(column.cells[index], timeZone);
  if (isUnreadable(day)) throw rowError(fn, column, index, 'it must be a date such as 2026-03-31.');
  return day;
}

/** A single-cell date argument such as start_date; blank or omitted gives null. */
export function dateArgument(fn: string, name: string, arg: unknown, timeZone: string): CalendarDay | null {
  if (Array.isArray(arg)) {
    const cells = (arg as unknown[][]).flat();
    if (cells.length !== 1) throw new ArgumentError(`${fn}: ${name} must be a single date, not a range.`);
    return dateArgument(fn, name, cells[0], timeZone);
  }
  const day = readDay(arg, timeZone);
  if (isUnreadable(day)) {
    throw new ArgumentError(`${fn}: ${name} is ${quoteValue(arg)}: it must be a date such as 2026-03-31.`);
  }
  return day;
}
