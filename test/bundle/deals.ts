/** Typing deals into a set-up Deals sheet, by header, as a user would. */
import type { DealFieldKey } from '../../src/core/columns';
import { DEAL_FIELDS } from '../../src/core/columns';
import type { Addon } from './harness';

export type DealInput = Partial<Record<DealFieldKey, string | number | Date>>;

export const HEADERS = DEAL_FIELDS.map((field) => field.header);

/** A valid open deal's cells: what Proposal and Negotiation require is all there. */
export function deal(n: number, overrides: DealInput = {}): DealInput {
  return {
    deal: `Deal ${n}`,
    company: `Company ${n}`,
    contact: `Contact ${n}`,
    email: `buyer${n}@customer.example`,
    owner: `rep${n % 3}@team.example`,
    stage: 'Lead',
    amount: 1000 * n,
    closeDate: '2027-01-15',
    ...overrides,
  };
}

export function rowOf(input: DealInput): (string | number | Date)[] {
  return DEAL_FIELDS.map((field) => input[field.key] ?? '');
}

/** The column letter of a Deals header in the default layout. */
export function col(key: DealFieldKey): string {
  return String.fromCharCode(65 + DEAL_FIELDS.findIndex((field) => field.key === key));
}

/** Set up the sheets, then paste the deals at row 2 (firing onEdit, which gives them IDs). */
export function startWithDeals(started: Addon, deals: DealInput[]): void {
  started.addon.run('setUpSheets');
  if (deals.length > 0) started.addon.edit('Deals', 'A2', deals.map(rowOf));
}

export function cell(started: Addon, key: DealFieldKey, row: number): unknown {
  return started.emulator.workbook.value('Deals', `${col(key)}${row}`);
}

export function stages(started: Addon): unknown[] {
  return started.emulator.workbook
    .values('Deals')
    .slice(1)
    .map((row) => row[DEAL_FIELDS.findIndex((field) => field.key === 'stage')]);
}

export function history(started: Addon): unknown[][] {
  return started.emulator.workbook.values('History').slice(1);
}

export function lastToast(started: Addon): string {
  return started.emulator.workbook.toasts.at(-1)?.message ?? '';
}
