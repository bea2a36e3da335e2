import { describe, expect, it } from 'vitest';

import { dayFromParts, startOfDay } from '../../../src/core/dates';
import { dealSheetLayout } from '../../../src/core/deal-row';
import { cellRuns, missingColumns, rowCells } from '../../../src/core/sidebar/cells';
import { aDeal, DEALS_HEADER } from '../deal-helpers';

const ZONE = 'America/Los_Angeles';
const LAYOUT = dealSheetLayout(DEALS_HEADER);

describe('a deal’s cells', () => {
  const cellOf = (deal: ReturnType<typeof aDeal>, header: string) =>
    rowCells(deal, dealSheetLayout([header]), 1, ZONE)[0];

  it('are Dates at local midnight for dates, the instant for Stage Since, and the values otherwise', () => {
    const deal = aDeal();
    expect(cellOf(deal, 'Close Date')).toEqual(startOfDay(dayFromParts(2025, 9, 30), ZONE));
    expect(cellOf(deal, 'Stage Since')).toEqual(new Date(Date.UTC(2025, 5, 1, 9)));
    expect(cellOf(deal, 'Amount')).toBe(12000);
    expect(cellOf(deal, 'Phone')).toBe('+1 555 0100');
  });

  it('are blank where the deal holds nothing', () => {
    const deal = aDeal({ amount: null, closeDate: null, stageSince: null, notes: '' });
    for (const header of ['Amount', 'Close Date', 'Stage Since', 'Notes'])
      expect(cellOf(deal, header)).toBe('');
  });
});

describe('a new row', () => {
  it('has each field under its header, and blanks under columns the add-on does not know', () => {
    const header = ['Notes', 'Their column', 'ID', 'Deal', 'Amount'];
    const row = rowCells(aDeal({ notes: 'n' }), dealSheetLayout(header), 6, ZONE);
    expect(row).toEqual(['n', '', 'D-0042', 'Acme renewal', 12000, '']);
  });
});

describe('the columns a write needs', () => {
  it('are those of the user fields it writes; a missing Created or Stage Since is skipped', () => {
    const layout = dealSheetLayout(['ID', 'Deal', 'Stage']);
    expect(missingColumns(['deal', 'stage', 'lostReason', 'stageSince', 'created', 'notes'], layout)).toEqual(
      ['lostReason', 'notes'],
    );
    expect(missingColumns(['deal'], layout)).toEqual([]);
    expect(missingColumns(['notes'], dealSheetLayout(['Notes']))).toEqual([]);
  });
});

describe('the changed cells of a row', () => {
  it('come in runs of adjacent columns, left to right, one write each', () => {
    const deal = aDeal({ stage: 'Closed Lost', lostReason: 'Price' });
    expect(cellRuns(deal, ['lostReason', 'stage', 'amount', 'deal', 'company'], LAYOUT, ZONE)).toEqual([
      { column: 1, values: ['Acme renewal', 'Acme'] },
      { column: 7, values: ['Closed Lost', 12000] },
      { column: 16, values: ['Price'] },
    ]);
  });

  it('leave out fields the sheet has no column for', () => {
    expect(cellRuns(aDeal(), ['deal', 'stageSince'], dealSheetLayout(['Deal', 'ID']), ZONE)).toEqual([
      { column: 0, values: ['Acme renewal'] },
    ]);
    expect(cellRuns(aDeal(), [], LAYOUT, ZONE)).toEqual([]);
  });
});
