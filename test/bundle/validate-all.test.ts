import { describe, expect, it } from 'vitest';

import { cell, col, deal, rowOf, startWithDeals } from './deals';
import type { Addon } from './harness';
import { startAddon } from './harness';

interface Report {
  deals: number;
  withErrors: number;
  withWarnings: number;
  idsAssigned: number;
  problems: { id: string; field: string; severity: string; message: string }[];
}

function validate(started: Addon): { report: Report; html: string } {
  const report = started.addon.run('validateAllDeals') as Report;
  return { report, html: started.emulator.host.ui.dialogs.at(-1)?.html ?? '' };
}

describe('Validate all deals', () => {
  it('marks every bad cell, counts deals with errors and warnings, and changes no value', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1), deal(2), deal(3)]);
    // Typed straight into the cells, as an edit the add-on never saw (no onEdit).
    started.emulator.workbook.userSetValues('Deals', `${col('amount')}3`, [['TBD']]);
    started.emulator.workbook.userSetValues('Deals', `${col('email')}4`, [['buyer1@customer.example']]);
    started.emulator.workbook.userSetValues('Deals', `${col('company')}4`, [['Company 1']]);
    const before = started.emulator.workbook.values('Deals');
    const { report, html } = validate(started);
    expect(started.emulator.workbook.values('Deals')).toEqual(before);
    expect(report).toMatchObject({ deals: 3, withErrors: 1, withWarnings: 2, idsAssigned: 0 });
    expect(report.problems.map((p) => [p.id, p.field, p.severity])).toEqual([
      ['D-0001', 'Company', 'warning'],
      ['D-0002', 'Amount', 'error'],
      ['D-0003', 'Company', 'warning'],
    ]);
    expect(started.emulator.spreadsheet.scriptRange('Deals', `${col('amount')}3`).getNote()).toContain(
      'Amount must be a number ≥ 0, not "TBD"',
    );
    expect(html).toContain('3 deals checked.');
    expect(html).toContain('1 deal with errors, 2 deals with warnings.');
  });

  it('clears marks that no longer apply', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    started.emulator.workbook.userSetValues('Deals', `${col('amount')}2`, [['TBD']]);
    validate(started);
    started.emulator.workbook.userSetValues('Deals', `${col('amount')}2`, [[2500]]);
    const { report } = validate(started);
    expect(report.withErrors).toBe(0);
    const amount = started.emulator.spreadsheet.scriptRange('Deals', `${col('amount')}2`);
    expect(amount.getNote()).toBe('');
    expect(amount.getBackground()).toBe('#ffffff');
  });

  it('gives rows without an ID their ID and Created, and records their stage', () => {
    const started = startAddon();
    startWithDeals(started, []);
    started.emulator.workbook.userSetValues('Deals', 'A2', [
      rowOf(deal(1)),
      rowOf(deal(2, { stage: 'Qualified' })),
    ]);
    const { report, html } = validate(started);
    expect(report.idsAssigned).toBe(2);
    expect([cell(started, 'id', 2), cell(started, 'id', 3)]).toEqual(['D-0001', 'D-0002']);
    expect(html).toContain('2 new deals got an ID.');
    started.addon.edit('Deals', `${col('stage')}3`, [['Closed Won']]);
    expect(cell(started, 'stage', 3)).toBe('Qualified');
  });

  it('escapes what users typed in the dialog', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1, { deal: '<img src=x onerror=alert(1)>', amount: '<b>' })]);
    const { html } = validate(started);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;b&gt;');
  });

  it('reports a broken stage table by its cell and keeps using the last valid one', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    started.emulator.workbook.userSetValues('Settings', 'B4', [[0.4]]);
    validate(started);
    started.emulator.workbook.userSetValues('Settings', 'B3', [[150]]);
    const { report, html } = validate(started);
    expect(report.deals).toBe(1);
    expect(html).toContain('Settings!B3');
    expect(html).toContain('the last valid stage table applies');
    expect(started.addon.run('STAGE_PROBABILITY', 'Proposal')).toBe(0.4);
  });

  it('falls back to the default stages when no valid table was ever kept', () => {
    const started = startAddon();
    started.emulator.workbook.addSheet('Settings');
    started.emulator.workbook.userSetValues('Settings', 'A1', [
      ['Stage', 'Probability', 'Kind'],
      ['Lead', 0.1, 'maybe'],
    ]);
    expect(started.addon.run('STAGE_PROBABILITY', 'Negotiation')).toBe(0.75);
  });

  it('names a missing column and how to add it', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    started.emulator.spreadsheet.scriptSheet('Deals').deleteColumn(8);
    const report = started.addon.run('validateAllDeals');
    expect(report).toBeUndefined();
    expect(started.emulator.host.ui.alerts.at(-1)?.prompt).toBe(
      'The Deals sheet has no "Stage" column. Run Deal Pipeline › Set up sheets to add it.',
    );
  });

  it('makes the same spreadsheet calls for 1,000 deals as for 50,000', () => {
    const callsFor = (count: number) => {
      const started = startAddon();
      startWithDeals(started, []);
      const rows = Array.from({ length: count }, (_, i) => rowOf({ ...deal(i + 1), id: `D-${i + 1}` }));
      started.emulator.workbook.userSetValues('Deals', 'A2', rows);
      validate(started);
      started.emulator.workbook.userSetValues('Deals', `${col('amount')}2`, [['TBD']]);
      started.emulator.calls.reset();
      validate(started);
      return started.emulator.calls.snapshot();
    };
    expect(callsFor(50_000)).toEqual(callsFor(1_000));
  });
});
