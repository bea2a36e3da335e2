/**
 * A deal keeps its identity whatever happens to its ID cell (issue 8 §2), and the add-on writes
 * only the cells it changes (§4).
 */
import { describe, expect, it } from 'vitest';

import { cell, col, deal, history, lastToast, rowOf, startWithDeals } from './deals';
import type { Addon } from './harness';
import { startAddon } from './harness';

const PROPERTY_PREFIX = 'dealPipeline.';

/** Three deals walked to Closed Won, then one in Lead: D-0001..D-0004 in rows 2..5. */
function wonDeals(): Addon {
  const started = startAddon();
  startWithDeals(started, [deal(1), deal(2), deal(3), deal(4)]);
  for (const row of [2, 3, 4]) {
    for (const stage of ['Qualified', 'Proposal', 'Negotiation', 'Closed Won']) {
      started.addon.edit('Deals', `${col('stage')}${row}`, [[stage]]);
    }
  }
  return started;
}

function ids(started: Addon): unknown[] {
  return [2, 3, 4, 5].map((row) => cell(started, 'id', row));
}

function stagesOf(started: Addon): unknown[] {
  return [2, 3, 4, 5].map((row) => cell(started, 'stage', row));
}

function documentProperties(started: Addon): Record<string, string> {
  return Object.fromEntries(
    Object.entries(started.emulator.host.properties.document.snapshot()).filter(([key]) =>
      key.startsWith(PROPERTY_PREFIX),
    ),
  );
}

describe('a deal keeps its identity whatever happens to its ID cell', () => {
  it('puts back the ID of a won deal when its one ID cell is cleared, keeping its stage', () => {
    const started = wonDeals();
    const before = history(started).length;
    started.addon.edit('Deals', 'A2', [['']]);
    expect(ids(started)).toEqual(['D-0001', 'D-0002', 'D-0003', 'D-0004']);
    expect(stagesOf(started)).toEqual(['Closed Won', 'Closed Won', 'Closed Won', 'Lead']);
    expect(history(started)).toHaveLength(before);
    expect(lastToast(started)).toBe('Row 2: put back ID D-0001; IDs are kept by Deal Pipeline.');
  });

  it('puts back the ID of a deal whose one ID cell was typed over with another deal’s ID', () => {
    const started = wonDeals();
    started.addon.edit('Deals', 'A2', [['D-0004']]);
    expect(ids(started)).toEqual(['D-0001', 'D-0002', 'D-0003', 'D-0004']);
    started.addon.edit('Deals', `${col('stage')}2`, [['Lead']]);
    expect(cell(started, 'stage', 2)).toBe('Closed Won');
  });

  it('puts back three won deals’ IDs cleared at once (A2:A4), each to its own row', () => {
    const started = wonDeals();
    const before = history(started).length;
    started.addon.edit('Deals', 'A2:A4', [[''], [''], ['']]);
    expect(ids(started)).toEqual(['D-0001', 'D-0002', 'D-0003', 'D-0004']);
    expect(stagesOf(started)).toEqual(['Closed Won', 'Closed Won', 'Closed Won', 'Lead']);
    expect(history(started)).toHaveLength(before);
  });

  it('puts back IDs pasted over with other deals’ IDs, and credits no History to those deals', () => {
    const started = wonDeals();
    started.addon.edit('Deals', 'A2:A3', [['D-0004'], ['D-0004']]);
    expect(ids(started)).toEqual(['D-0001', 'D-0002', 'D-0003', 'D-0004']);
    started.addon.edit('Deals', `${col('stage')}5`, [['Qualified']]);
    const forFour = history(started).filter((row) => row[1] === 'D-0004');
    expect(forFour.map((row) => [row[3], row[4]])).toEqual([
      ['', 'Lead'],
      ['Lead', 'Qualified'],
    ]);
  });

  it('never lets a refused move stand when the same paste clears IDs and changes stages', () => {
    const started = wonDeals();
    started.addon.edit('Deals', `A2:${col('stage')}2`, [
      rowOf(deal(1, { stage: 'Lead' }))
        .slice(0, col('stage').charCodeAt(0) - 64)
        .map((v, i) => (i === 0 ? '' : v)),
    ]);
    expect(cell(started, 'stage', 2)).not.toBe('Lead');
    expect(history(started).some((row) => row[4] === 'Lead' && row[3] === 'Closed Won')).toBe(false);
  });

  it('makes a row copied as a template a new deal: its own ID, judged as new, the original untouched', () => {
    const started = wonDeals();
    const original = started.emulator.workbook.values('Deals')[1]!;
    started.addon.edit('Deals', 'A6', [original.map((v) => (v === '' ? '' : v))]);
    expect(cell(started, 'id', 6)).toBe('D-0005');
    expect(cell(started, 'stage', 6)).toBe('');
    expect(lastToast(started)).toContain('Row 6 is a copy of D-0001: it is a new deal, D-0005.');
    expect(cell(started, 'id', 2)).toBe('D-0001');
    expect(cell(started, 'stage', 2)).toBe('Closed Won');
    started.addon.edit('Deals', `${col('stage')}6`, [['Qualified']]);
    expect(cell(started, 'stage', 6)).toBe('Qualified');
    expect(cell(started, 'stage', 2)).toBe('Closed Won');
  });

  it('never trusts a hand-typed ID: D-999999999 neither bloats storage nor breaks the menu', () => {
    const started = wonDeals();
    const sizeBefore = JSON.stringify(documentProperties(started)).length;
    started.addon.edit('Deals', 'A6', [rowOf({ ...deal(6), id: 'D-999999999' })]);
    expect(cell(started, 'id', 6)).toBe('D-0005');
    expect(lastToast(started)).toContain(
      '"D-999999999" is not an ID Deal Pipeline issued; the deal is now D-0005.',
    );
    started.addon.edit('Deals', 'A7', [['D-9999999999']]);
    started.addon.edit('Deals', `${col('deal')}7`, [['Typed']]);
    expect(started.addon.run('validateAllDeals')).toMatchObject({ deals: 6 });
    expect(started.addon.run('setUpSheets')).toBeDefined();
    const sizeAfter = JSON.stringify(documentProperties(started)).length;
    expect(Object.keys(documentProperties(started)).length).toBeLessThan(10);
    expect(sizeAfter - sizeBefore).toBeLessThan(200);
  });

  it('never lets an untrusted ID in the sheet decide the next ID the sidebar issues', () => {
    const started = wonDeals();
    // Written where no onEdit sees it (another script, a sort of pasted values).
    started.emulator.workbook.userSetValues('Deals', 'A6', [rowOf({ ...deal(6), id: 'D-999999999' })]);
    const saved = started.addon.run('addDeal', {
      deal: 'Side',
      company: 'Bar',
      owner: 'a@b.example',
      stage: 'Lead',
    });
    expect(saved).toMatchObject({ id: 'D-0005' });
    expect(Object.keys(documentProperties(started)).length).toBeLessThan(10);
  });

  it('gives a row whose ID was lost beyond telling a new ID, keeping its stage and saying so', () => {
    const started = wonDeals();
    // The deal's name changed with its ID cleared: nothing recorded can tell which deal it was.
    started.emulator.workbook.userSetValues('Deals', `${col('deal')}2`, [['Renamed']]);
    started.emulator.workbook.userSetValues('Deals', `${col('company')}2`, [['Other']]);
    started.addon.edit('Deals', 'A2:A3', [[''], ['']]);
    expect(cell(started, 'id', 3)).toBe('D-0002');
    expect(cell(started, 'id', 2)).toBe('D-0005');
    expect(cell(started, 'stage', 2)).toBe('Closed Won');
    expect(lastToast(started)).toContain('Row 2 had lost its ID');
  });

  it('Validate all deals gives a duplicated ID’s later copy its own ID and leaves the original', () => {
    const started = wonDeals();
    started.emulator.workbook.userSetValues('Deals', 'A6', [rowOf({ ...deal(9), id: 'D-0002' })]);
    const report = started.addon.run('validateAllDeals') as { ids: string[] };
    expect(cell(started, 'id', 3)).toBe('D-0002');
    expect(cell(started, 'id', 6)).toBe('D-0005');
    expect(report.ids).toEqual(['Row 6 is a copy of D-0002: it is a new deal, D-0005.']);
  });
});

describe('writes touch only the cells the add-on changes', () => {
  it('keeps a teammate’s Stage edit made between the add-on’s read and its write', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1), deal(2), deal(3)]);
    // A paste over rows 2..4 makes two illegal moves, put back; while it runs, a teammate moves row 3.
    started.emulator.calls.beforeNext('Range.setValues', () => {
      started.emulator.workbook.userSetValues('Deals', `${col('stage')}3`, [['Qualified']]);
    });
    started.addon.edit('Deals', `${col('stage')}2:${col('stage')}4`, [
      ['Negotiation'],
      ['Lead'],
      ['Negotiation'],
    ]);
    expect([2, 3, 4].map((row) => cell(started, 'stage', row))).toEqual(['Lead', 'Qualified', 'Lead']);
  });

  it('never rewrites a cell it did not change: a date-like text Close Date between two closings stays text', () => {
    const started = startAddon();
    startWithDeals(started, [
      deal(1, { stage: 'Negotiation', closeDate: '' }),
      deal(2, { stage: 'Negotiation', closeDate: "'2027-01-02" }),
      deal(3, { stage: 'Negotiation', closeDate: '' }),
    ]);
    started.addon.edit('Deals', `${col('stage')}2:${col('stage')}4`, [
      ['Closed Won'],
      ['Negotiation'],
      ['Closed Won'],
    ]);
    expect(cell(started, 'closeDate', 3)).toBe('2027-01-02');
    expect(cell(started, 'closeDate', 2)).toBeInstanceOf(Date);
  });

  it('writes Stage Since for a paste in one call per run of changed rows', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1), deal(2), deal(3), deal(4)]);
    started.emulator.calls.reset();
    started.addon.edit('Deals', `${col('stage')}2:${col('stage')}5`, [
      ['Qualified'],
      ['Qualified'],
      ['Lead'],
      ['Qualified'],
    ]);
    // Stage Since for rows 2–3 and 5: two runs; no other column is written.
    expect(started.emulator.calls.count('Range.setValues')).toBe(3);
  });
});
