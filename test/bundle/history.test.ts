/** History is append-only and never silently loses a row: a missing sheet or column is set up again. */
import { describe, expect, it } from 'vitest';

import { HISTORY_HEADERS } from '../../src/core/columns';
import { col, deal, history, startWithDeals } from './deals';
import { startAddon } from './harness';

const MOVE = ['D-0001', 'Deal 1', 'Lead', 'Qualified', 'owner@example.com', 'edit', ''];

describe('an accepted move when History is not as set up', () => {
  it('recreates a deleted History sheet, headers included, and writes the row', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    const { workbook } = started.emulator;
    workbook.removeSheet(workbook.sheet('History'));
    started.addon.edit('Deals', `${col('stage')}2`, [['Qualified']]);
    expect(workbook.values('History')[0]).toEqual([...HISTORY_HEADERS]);
    expect(history(started).map((row) => row.slice(1))).toEqual([MOVE]);
  });

  it('sets History up again when it was renamed, leaving the renamed sheet alone', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    const { workbook } = started.emulator;
    workbook.renameSheet(workbook.sheet('History'), 'Old History');
    started.addon.edit('Deals', `${col('stage')}2`, [['Qualified']]);
    expect(history(started).map((row) => row.slice(1))).toEqual([MOVE]);
    expect(workbook.values('Old History')).toHaveLength(2);
  });

  it('adds a History column that was deleted, and fills it in the new row', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    started.emulator.spreadsheet.scriptSheet('History').deleteColumn(3);
    started.addon.edit('Deals', `${col('stage')}2`, [['Qualified']]);
    const values = started.emulator.workbook.values('History');
    expect(values[0]).toEqual(['Timestamp', 'ID', 'From', 'To', 'By', 'Via', 'Field', 'Deal']);
    expect(values.at(-1)?.slice(1)).toEqual([
      'D-0001',
      'Lead',
      'Qualified',
      'owner@example.com',
      'edit',
      '',
      'Deal 1',
    ]);
  });
});
