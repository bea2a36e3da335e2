/**
 * How problems name where they are. Settings problems carry an A1 cell ("Settings!C4"); a deal's
 * problems carry its row and field, because the core does not know where the user put each
 * column: the layout read from the Deals header row turns them into cells.
 */
import type { DealFieldKey } from './columns';
import type { Deal } from './types';

/** A problem with one field of one deal, phrased so that a salesperson can fix it. */
export interface DealProblem {
  /** 1-based sheet row of the deal; 0 when the deal did not come from a sheet. */
  readonly row: number;
  readonly field: DealFieldKey;
  /** Names the deal, the field and what is allowed, e.g. `D-0042 "Acme renewal": Amount must…`. */
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** "A" for column 0, "Z" for 25, "AA" for 26. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** "Settings!C4" for sheet "Settings", 1-based row 4, 0-based column 2. */
export function cellName(sheet: string, row: number, column: number): string {
  return `${sheet}!${columnLetter(column)}${row}`;
}

/** How a message names a deal: its ID and name, or its row while it has no ID yet. */
export function dealLabel(deal: Pick<Deal, 'id' | 'deal' | 'row'>): string {
  const who = deal.id !== '' ? deal.id : deal.row > 0 ? `Row ${deal.row}` : 'New deal';
  return deal.deal !== '' ? `${who} "${deal.deal}"` : who;
}

/** How a message quotes what a cell held: text in quotes, anything else as it prints. */
export function quoteValue(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}
