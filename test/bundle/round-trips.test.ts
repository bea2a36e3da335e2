/**
 * What the operations issue 12 found slow cost now, counted on the built bundle: the cells each
 * moves, and the reads that must go to the server and the commits (the benchmark's cost model
 * over the emulator's call log). Each test also checks that what the user sees did not change.
 */
import { describe, expect, it } from 'vitest';

import { estimate } from '../../local/bench/cost-model';
import type { CallRecord } from '../../local/emulator/calls';
import { cell, col, deal, HEADERS, history, rowOf, startWithDeals } from './deals';
import type { Addon } from './harness';
import { startAddon } from './harness';

/** Runs `f` with the call log on; the calls it made, in order. */
function logged(started: Addon, f: () => void): CallRecord[] {
  const { calls } = started.emulator;
  calls.reset();
  const log = calls.startLog();
  f();
  calls.stopLog();
  return log;
}

const sheetId = (started: Addon, name: string) => started.emulator.workbook.sheet(name).id;

/** Cells read from one sheet, by the calls in `log`. */
function cellsReadFrom(started: Addon, log: readonly CallRecord[], name: string): number {
  const id = sheetId(started, name);
  return log.filter((call) => call.sheet === id).reduce((sum, call) => sum + call.cellsRead, 0);
}

const note = (started: Addon, a1: string) => started.emulator.workbook.note('Deals', a1);

describe('Validate all deals writes only the marks that change', () => {
  function thirtyDeals(): Addon {
    const started = startAddon();
    startWithDeals(
      started,
      Array.from({ length: 30 }, (_, i) => deal(i + 1)),
    );
    // Typed where onEdit never saw it: three bad Amounts together, one bad Email apart.
    started.emulator.workbook.userSetValues('Deals', `${col('amount')}5`, [['TBD'], ['soon'], ['?']]);
    started.emulator.workbook.userSetValues('Deals', `${col('email')}20`, [['not an address']]);
    return started;
  }

  it('marks three neighbours in one rectangle and a lone cell in another', () => {
    const started = thirtyDeals();
    const log = logged(started, () => started.addon.run('validateAllDeals'));
    const writes = log.filter((call) => call.cellsWritten > 0);
    // The marks log first (its header and one line), then the marks. Notes differ cell by cell: a
    // rectangle a call. The colour is one: one call for both places.
    expect(writes.map((call) => [call.key, call.cellsWritten])).toEqual([
      ['Range.setValues', 2],
      ['Range.setNotes', 3],
      ['Range.setNotes', 1],
      ['RangeList.setBackground', 2],
    ]);
    expect(note(started, `${col('amount')}6`)).toContain('Amount must be a number ≥ 0, not "soon"');
    expect(note(started, `${col('email')}20`)).toContain('Email');
    // Settings, then Deals: values, then the notes and colours around the four bad cells only (one
    // read of rows 5–20, columns E–I, costs less than two), all before the first write, which
    // commits once. No marks log yet: no mark anywhere, and no other note read.
    expect(estimate(log, 0).tally).toMatchObject({ serverReads: 2, commits: 1 });
    for (const key of ['Range.getNotes', 'Range.getBackgrounds']) {
      expect(log.filter((call) => call.key === key).map((call) => call.cellsRead)).toEqual([16 * 5]);
    }
  });

  it('writes no mark when every mark is right, and one cell when one is fixed', () => {
    const started = thirtyDeals();
    started.addon.run('validateAllDeals');
    const again = logged(started, () => started.addon.run('validateAllDeals'));
    expect(again.filter((call) => call.cellsWritten > 0)).toEqual([]);
    started.emulator.workbook.userSetValues('Deals', `${col('amount')}6`, [[2500]]);
    const fixed = logged(started, () => started.addon.run('validateAllDeals'));
    expect(
      fixed.filter((call) => call.cellsWritten > 0).map((call) => [call.key, call.cellsWritten]),
    ).toEqual([
      ['Range.setValues', 2],
      ['Range.setNotes', 1],
      ['RangeList.setBackground', 1],
    ]);
    expect(note(started, `${col('amount')}6`)).toBe('');
    expect(note(started, `${col('amount')}5`)).toContain('"TBD"');
    expect(note(started, `${col('amount')}7`)).toContain('"?"');
  });

  it('counts a row whose only content is in a column no check reads', () => {
    const started = thirtyDeals();
    started.emulator.workbook.userSetValues('Deals', `${col('notes')}32`, [['call back']]);
    const report = started.addon.run('validateAllDeals') as { deals: number };
    expect(report.deals).toBe(31);
  });
});

describe('onEdit with Settings in the document cache', () => {
  function warmed(): Addon {
    const started = startAddon();
    startWithDeals(started, [deal(1), deal(2)]);
    // An edit a moment before: it reads Settings and History's header and keeps them.
    started.addon.edit('Deals', `${col('notes')}3`, [['called']]);
    return started;
  }

  it('reads Deals alone, in one round trip, and commits once', () => {
    const started = warmed();
    const log = logged(started, () => started.addon.edit('Deals', `${col('stage')}2`, [['Qualified']]));
    expect(estimate(log, 0).tally).toMatchObject({ serverReads: 1, commits: 1 });
    const read = new Set(log.filter((call) => call.cellsRead > 0).map((call) => call.sheet));
    expect([...read]).toEqual([sheetId(started, 'Deals')]);
    expect(history(started).at(-1)).toEqual([
      expect.any(Date),
      'D-0001',
      'Deal 1',
      'Lead',
      'Qualified',
      'owner@example.com',
      'edit',
      '',
    ]);
  });

  it('records a Close Date change in one round trip and one commit, reading Deals alone', () => {
    const started = warmed();
    const log = logged(started, () => started.addon.edit('Deals', `${col('closeDate')}2`, [['2027-02-01']]));
    expect(estimate(log, 0).tally).toMatchObject({ serverReads: 1, commits: 1 });
    const read = new Set(log.filter((call) => call.cellsRead > 0).map((call) => call.sheet));
    expect([...read]).toEqual([sheetId(started, 'Deals')]);
    expect(history(started).at(-1)?.slice(1)).toEqual([
      'D-0001',
      'Deal 1',
      '2027-01-15',
      '2027-02-01',
      'owner@example.com',
      'edit',
      'Close Date',
    ]);
  });

  it('reads Settings again after an edit of Settings, and judges by the new table', () => {
    const started = warmed();
    // Lead may now go nowhere but Closed Lost.
    started.addon.edit('Settings', 'E2', [['Closed Lost']]);
    started.addon.edit('Deals', `${col('stage')}2`, [['Qualified']]);
    expect(cell(started, 'stage', 2)).toBe('Lead');
  });

  it('reads Settings again when a stage row was inserted without an edit Sheets reports', () => {
    const started = warmed();
    // A row inserted by a script fires no onEdit, but the sheet is a row longer.
    started.emulator.spreadsheet.scriptSheet('Settings').insertRowAfter(7);
    started.emulator.workbook.userSetValues('Settings', 'A8', [
      ['Pilot', 0.3, 'open', 'Pipeline', '*', '', 14],
    ]);
    started.addon.edit('Deals', 'A4', [rowOf(deal(3, { stage: 'Pilot' }))]);
    expect(note(started, `${col('stage')}4`)).toBe('');
    expect(history(started).at(-1)?.[4]).toBe('Pilot');
  });

  it('writes History by its header as it is now when a column was inserted there', () => {
    const started = warmed();
    started.emulator.spreadsheet.scriptSheet('History').insertColumnBefore(1);
    started.addon.edit('Deals', `${col('stage')}2`, [['Qualified']]);
    expect(history(started).at(-1)).toEqual([
      '',
      expect.any(Date),
      'D-0001',
      'Deal 1',
      'Lead',
      'Qualified',
      'owner@example.com',
      'edit',
      '',
    ]);
  });

  it('reads Settings again after Set up sheets', () => {
    const started = warmed();
    started.addon.run('setUpSheets');
    const log = logged(started, () => started.addon.edit('Deals', `${col('stage')}2`, [['Qualified']]));
    expect(cellsReadFrom(started, log, 'Settings')).toBeGreaterThan(0);
  });
});

describe('Refresh summary reads the columns its numbers use', () => {
  it('reads 11 Deals columns of 18 and 6 History columns of 8, and still counts every deal', () => {
    const started = startAddon();
    startWithDeals(
      started,
      Array.from({ length: 40 }, (_, i) => deal(i + 1)),
    );
    // A row with nothing but a note still counts as a deal, as when every column was read.
    started.emulator.workbook.userSetValues('Deals', `${col('notes')}42`, [['to qualify']]);
    const historyRows = history(started).length;
    const log = logged(started, () => started.addon.run('refreshSummary'));
    // The header, 11 columns of each row, and the whole of the row those columns found blank.
    expect(cellsReadFrom(started, log, 'Deals')).toBe(HEADERS.length + 11 * 41 + HEADERS.length);
    expect(cellsReadFrom(started, log, 'History')).toBe(8 + 6 * historyRows);
    expect(started.emulator.workbook.toasts.at(-1)?.message).toBe('Summary refreshed: 41 deals');
  });
});

describe('Set up sheets on a sheet of deals', () => {
  it('reads the columns adoption needs and writes History a column at a time', () => {
    const started = startAddon();
    started.emulator.workbook.renameSheet(started.emulator.workbook.sheet('Sheet1'), 'Deals');
    const deals = Array.from({ length: 50 }, (_, i) =>
      rowOf(deal(i + 1, { stage: i % 2 ? 'Qualified' : 'Lead' })),
    );
    started.emulator.workbook.userSetValues('Deals', 'A1', [HEADERS, ...deals]);
    const log = logged(started, () => started.addon.run('setUpSheets'));
    const rows = history(started);
    expect(rows).toHaveLength(50);
    expect(rows[49]).toEqual([
      expect.any(Date),
      'D-0050',
      'Deal 50',
      '',
      'Qualified',
      'owner@example.com',
      'setup',
      '',
    ]);
    // ID, Deal, To row by row; Timestamp, By and Via one value each; From left blank.
    const historyWrites = log.filter(
      (call) => call.sheet === sheetId(started, 'History') && call.cellsWritten > 0,
    );
    expect(historyWrites.reduce((sum, call) => sum + call.cellsWritten, 0)).toBe(
      NEW_HISTORY_CELLS + 3 * 50 + 3,
    );
    // Deals: the header (for set-up, then for adoption), row 2's formats, 6 columns of each deal.
    expect(cellsReadFrom(started, log, 'Deals')).toBe(3 * HEADERS.length + 6 * 50);
  });
});

/** A new History sheet: its header, made bold, and the Timestamp column's format. */
const NEW_HISTORY_CELLS = 8 + 1 + 1;
