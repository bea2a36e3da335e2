/**
 * The Summary as a grid: a value, a number format and a font weight for every cell, built row by
 * row so each section only says what its rows hold. The server writes the three rectangles with
 * one call each, whatever the number of deals.
 */
import { currencyFormat, DATE_FORMAT, PERCENT_FORMAT, TEXT_FORMAT } from '../formats';
import type { CalendarDay } from '../types';
import { wordFor } from '../wording';

/** A cell that should hold a real date: the server turns the day into a Date in the sheet's zone. */
export interface SummaryDate {
  readonly day: CalendarDay;
}

export type SummaryValue = string | number | SummaryDate;

export type FontWeight = 'bold' | 'normal';

export interface SummaryCell {
  readonly value: SummaryValue;
  readonly format: string;
  readonly weight: FontWeight;
}

/** A block of cells, 1-based like a sheet range. */
export interface GridRect {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

/** What a number cannot be known from (nothing closed yet, no History): shown instead of a number. */
export const UNKNOWN = '—';

const COUNT_FORMAT = '#,##0';
const DAYS_FORMAT = '0.0';
const RATIO_FORMAT = '0.00"×"';

export function isSummaryDate(value: SummaryValue): value is SummaryDate {
  return typeof value === 'object';
}

/** Makes cells of each kind; text is formatted as text so no deal name is read as a number or formula. */
export class CellKinds {
  readonly moneyFormat: string;

  constructor(currency: string) {
    this.moneyFormat = currencyFormat(currency);
  }

  text(value: string, weight: FontWeight = 'normal'): SummaryCell {
    return { value, format: TEXT_FORMAT, weight };
  }
  bold(value: string): SummaryCell {
    return this.text(value, 'bold');
  }
  money(value: number | null): SummaryCell {
    return this.number(value, this.moneyFormat);
  }
  percent(value: number | null): SummaryCell {
    return this.number(value, PERCENT_FORMAT);
  }
  count(value: number): SummaryCell {
    return this.number(value, COUNT_FORMAT);
  }
  days(value: number | null): SummaryCell {
    return this.number(value, DAYS_FORMAT);
  }
  ratio(value: number | null): SummaryCell {
    return this.number(value, RATIO_FORMAT);
  }
  date(day: CalendarDay): SummaryCell {
    return { value: { day }, format: DATE_FORMAT, weight: 'normal' };
  }

  private number(value: number | null, format: string): SummaryCell {
    return value === null || !Number.isFinite(value)
      ? this.text(UNKNOWN)
      : { value, format, weight: 'normal' };
  }
}

/** A cell given as plain text is a text cell. */
export type CellInput = SummaryCell | string;

/** Appends rows top to bottom and remembers where each went. */
export class GridBuilder {
  private readonly rows: SummaryCell[][] = [];

  constructor(readonly cells: CellKinds) {}

  /** The 1-based row the next row will take. */
  get nextRow(): number {
    return this.rows.length + 1;
  }

  /** Appends a row starting in column A and returns its 1-based row. */
  row(...cells: CellInput[]): number {
    this.rows.push(cells.map((cell) => (typeof cell === 'string' ? this.cells.text(cell) : cell)));
    return this.rows.length;
  }

  /** A bold row: a section title or a table's header. */
  boldRow(...labels: string[]): number {
    return this.row(...labels.map((label) => this.cells.bold(label)));
  }

  blank(): void {
    this.rows.push([]);
  }

  /** Puts a cell in a row already added (for text beside a block, such as the refresh time). */
  set(row: number, column: number, cell: CellInput): void {
    const line = this.rows[row - 1];
    if (!line) throw new Error(`Summary row ${row} does not exist yet.`);
    while (line.length < column - 1) line.push(this.cells.text(''));
    line[column - 1] = typeof cell === 'string' ? this.cells.text(cell) : cell;
  }

  /** The widest row's width. */
  get width(): number {
    return this.rows.reduce((max, line) => Math.max(max, line.length), 0);
  }

  /** Every row padded to the same width with blank text cells. */
  build(): SummaryCell[][] {
    const width = Math.max(1, this.width);
    const blank = this.cells.text('');
    return this.rows.map((line) => Array.from({ length: width }, (_, i) => line[i] ?? blank));
  }
}

/** A whole number for a sentence, e.g. 125,000 (cells carry real numbers; notes need text). */
export function wholeNumberText(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** A share for a sentence, e.g. 0.456 → "46%". */
export function percentText(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "1 won deal", "3 won deals". */
export function countText(count: number, singular: string): string {
  return `${count.toLocaleString('en-US')} ${wordFor(count, singular)}`;
}
