import { describe, expect, it } from 'vitest';

import { cell, col, deal, history, lastToast, rowOf, stages, startWithDeals } from './deals';
import { startAddon } from './harness';

describe('a new row typed into Deals', () => {
  it('gets an ID and Created as soon as it has a Deal, and its first stage in History', () => {
    const started = startAddon();
    startWithDeals(started, []);
    started.addon.edit('Deals', `${col('deal')}2`, [['Warehouse scanners']]);
    expect(cell(started, 'id', 2)).toBe('D-0001');
    expect(Object.prototype.toString.call(cell(started, 'created', 2))).toBe('[object Date]');
    started.addon.edit('Deals', `${col('stage')}2`, [['Lead']]);
    expect(history(started)).toEqual([
      [expect.any(Date), 'D-0001', 'Warehouse scanners', '', 'Lead', 'owner@example.com', 'edit', ''],
    ]);
    expect(Object.prototype.toString.call(cell(started, 'stageSince', 2))).toBe('[object Date]');
  });

  it('may start in any open stage even before its required fields are typed, but not as won', () => {
    const started = startAddon();
    startWithDeals(started, []);
    started.addon.edit('Deals', 'A2', [rowOf({ deal: 'Quick one', stage: 'Proposal' })]);
    expect(cell(started, 'stage', 2)).toBe('Proposal');
    started.addon.edit('Deals', 'A3', [
      rowOf({ deal: 'Too fast', company: 'X', owner: 'a@b.example', stage: 'Closed Won' }),
    ]);
    expect(cell(started, 'stage', 3)).toBe('');
    expect(lastToast(started)).toContain('a new deal cannot start in Closed Won');
  });

  it('never reuses an ID, even after the row that had the last one is deleted', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1), deal(2)]);
    started.emulator.spreadsheet.scriptSheet('Deals').deleteRow(3);
    started.addon.edit('Deals', 'A3', [rowOf(deal(3))]);
    expect(cell(started, 'id', 3)).toBe('D-0003');
  });
});

describe('stage rules on every edit', () => {
  it('puts back a single illegal move and says which moves are allowed', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    started.addon.edit('Deals', `${col('stage')}2`, [['Negotiation']]);
    expect(cell(started, 'stage', 2)).toBe('Lead');
    expect(lastToast(started)).toBe(
      'Put back: D-0001 "Deal 1": Lead → Negotiation is not allowed. From Lead, allowed: Qualified, Closed Lost.',
    );
    expect(history(started)).toHaveLength(1);
  });

  it('accepts a legal move: Stage Since, a History row with From and To, and the record moves on', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    started.emulator.clock.advance(3_600_000);
    started.addon.edit('Deals', `${col('stage')}2`, [['Qualified']]);
    expect(cell(started, 'stage', 2)).toBe('Qualified');
    expect(history(started).at(-1)?.slice(1)).toEqual([
      'D-0001',
      'Deal 1',
      'Lead',
      'Qualified',
      'owner@example.com',
      'edit',
      '',
    ]);
    expect((cell(started, 'stageSince', 2) as Date).getTime()).toBe(started.emulator.clock.now());
    started.addon.edit('Deals', `${col('stage')}2`, [['Proposal']]);
    expect(cell(started, 'stage', 2)).toBe('Proposal');
  });

  it('refuses a move that lacks the fields the target stage requires, naming them', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1, { amount: '', closeDate: '' })]);
    started.addon.edit('Deals', `${col('stage')}2`, [['Qualified']]);
    started.addon.edit('Deals', `${col('stage')}2`, [['Proposal']]);
    expect(cell(started, 'stage', 2)).toBe('Qualified');
    expect(lastToast(started)).toBe('Put back: D-0001 "Deal 1": Proposal needs Amount, Close Date first.');
  });

  it('keeps exactly the legal moves of a 50-row paste', () => {
    const started = startAddon();
    startWithDeals(
      started,
      Array.from({ length: 50 }, (_, i) => deal(i + 1)),
    );
    const pasted = Array.from({ length: 50 }, (_, i) => [i % 2 === 0 ? 'Qualified' : 'Proposal']);
    started.addon.edit('Deals', `${col('stage')}2:${col('stage')}51`, pasted);
    expect(stages(started)).toEqual(
      Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? 'Qualified' : 'Lead')),
    );
    const moves = history(started).filter((row) => row[3] === 'Lead');
    expect(moves).toHaveLength(25);
    expect(moves.every((row) => row[6] === 'paste')).toBe(true);
    expect(lastToast(started)).toContain('…and 22 more moves put back.');
  });

  it('checks a fill-down like a paste: each row against its own deal', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1, { stage: 'Qualified' }), deal(2), deal(3)]);
    started.addon.edit('Deals', `${col('stage')}2`, [['Proposal']]);
    started.addon.edit('Deals', `${col('stage')}3:${col('stage')}4`, [['Proposal'], ['Proposal']]);
    expect(stages(started)).toEqual(['Proposal', 'Lead', 'Lead']);
  });

  it('puts back a cleared Stage cell, but lets a whole row be cleared', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1), deal(2)]);
    started.addon.edit('Deals', `${col('stage')}2`, [['']]);
    expect(cell(started, 'stage', 2)).toBe('Lead');
    expect(lastToast(started)).toContain('a deal cannot have a blank Stage');
    const width = rowOf(deal(0)).length;
    started.addon.edit('Deals', `A3:${col('notes')}3`, [Array.from({ length: width }, () => '')]);
    expect(cell(started, 'stage', 3)).toBe('');
  });

  it('follows deals by ID after a sort', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1), deal(2, { stage: 'Qualified' }), deal(3)]);
    started.emulator.spreadsheet.scriptSheet('Deals').getRange('A2:R4').sort({ column: 2, ascending: false });
    expect(cell(started, 'id', 2)).toBe('D-0003');
    started.addon.edit('Deals', `${col('stage')}2:${col('stage')}4`, [
      ['Proposal'],
      ['Proposal'],
      ['Proposal'],
    ]);
    expect(stages(started)).toEqual(['Lead', 'Proposal', 'Lead']);
    expect(cell(started, 'id', 3)).toBe('D-0002');
  });

  it('after a row is deleted, a paste is still judged deal by deal', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1), deal(2, { stage: 'Qualified' }), deal(3, { stage: 'Qualified' })]);
    started.emulator.spreadsheet.scriptSheet('Deals').deleteRow(2);
    started.addon.edit('Deals', `${col('stage')}2:${col('stage')}3`, [['Proposal'], ['Closed Won']]);
    expect(stages(started)).toEqual(['Proposal', 'Qualified']);
    expect(cell(started, 'id', 2)).toBe('D-0002');
  });

  it('uses the old value Sheets gives for one cell when the record has never seen the deal', () => {
    const started = startAddon();
    startWithDeals(started, []);
    started.emulator.workbook.userSetValues('Deals', 'A2', [
      rowOf({ ...deal(1), id: 'D-0500', stage: 'Closed Won' }),
    ]);
    started.addon.edit('Deals', `${col('stage')}2`, [['Negotiation']]);
    expect(cell(started, 'stage', 2)).toBe('Closed Won');
    expect(lastToast(started)).toContain('Closed Won → Negotiation is not allowed');
  });

  it('sets a blank Close Date to today on entering a won or lost stage', () => {
    const started = startAddon({ now: '2026-11-27T20:00:00Z' });
    startWithDeals(started, [
      deal(1, { stage: 'Negotiation', closeDate: '' }),
      deal(2, { stage: 'Negotiation', closeDate: '' }),
    ]);
    started.addon.edit('Deals', `${col('lostReason')}2`, [['Budget cut']]);
    started.addon.edit('Deals', `${col('stage')}2:${col('stage')}3`, [['Closed Lost'], ['Closed Won']]);
    expect([cell(started, 'stage', 2), cell(started, 'stage', 3)]).toEqual(['Closed Lost', 'Closed Won']);
    for (const row of [2, 3]) {
      expect(
        started.emulator.spreadsheet.scriptRange('Deals', `${col('closeDate')}${row}`).getDisplayValue(),
      ).toBe('2026-11-27');
    }
  });
});

describe('marks on bad cells', () => {
  it('marks a bad cell with a note and a colour, and clears both when fixed, never changing a value', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    started.addon.edit('Deals', `${col('amount')}2`, [['lots']]);
    const amount = started.emulator.spreadsheet.scriptRange('Deals', `${col('amount')}2`);
    expect(amount.getValue()).toBe('lots');
    expect(amount.getNote()).toBe(
      'Deal Pipeline › D-0001 "Deal 1": Amount must be a number ≥ 0, not "lots".',
    );
    expect(amount.getBackground()).toBe('#f4c7c3');
    started.addon.edit('Deals', `${col('amount')}2`, [[5000]]);
    expect(amount.getNote()).toBe('');
    expect(amount.getBackground()).toBe('#ffffff');
  });

  it("keeps a user's own note and colour", () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    const email = started.emulator.spreadsheet.scriptRange('Deals', `${col('email')}2`);
    email.setNote('ask for the CFO').setBackground('#00ff00');
    started.addon.edit('Deals', `${col('email')}2`, [['not-an-address']]);
    expect(email.getNote()).toMatch(/^Deal Pipeline › .*Email.*\n\nask for the CFO$/);
    expect(email.getBackground()).toBe('#00ff00');
    started.addon.edit('Deals', `${col('email')}2`, [['cfo@customer.example']]);
    expect(email.getNote()).toBe('ask for the CFO');
  });
});

describe('onEdit and the document lock', () => {
  it('waits for another update that finishes within the wait, then checks the edit', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    started.emulator.host.locks.holdElsewhere('document', started.emulator.clock.now() + 2_000);
    started.addon.edit('Deals', `${col('stage')}2`, [['Qualified']]);
    expect(cell(started, 'stage', 2)).toBe('Qualified');
    expect(history(started)).toHaveLength(2);
  });

  it('when the lock stays busy, puts the unchecked Stage back and says to try again', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    started.emulator.host.locks.holdElsewhere('document');
    started.addon.edit('Deals', `${col('stage')}2`, [['Qualified']]);
    expect(cell(started, 'stage', 2)).toBe('Lead');
    expect(lastToast(started)).toBe('Another Deal Pipeline update is running. Please try again in a moment.');
    expect(history(started)).toHaveLength(1);
  });
});

describe('edits to Settings', () => {
  it('reports a broken stage table at once, naming the cell and what applies meanwhile', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    started.addon.edit('Settings', 'C3', [['sometimes']]);
    expect(lastToast(started)).toContain('so the last valid stage table applies until it is fixed');
    expect(lastToast(started)).toContain('Settings!C3');
    started.addon.edit('Deals', `${col('stage')}2`, [['Qualified']]);
    expect(cell(started, 'stage', 2)).toBe('Qualified');
  });
});

describe('the cost of onEdit', () => {
  it('makes the same spreadsheet calls for a sheet of 1,000 deals as for 50,000', () => {
    const callsFor = (count: number) => {
      const started = startAddon();
      startWithDeals(started, []);
      const rows = Array.from({ length: count }, (_, i) => rowOf({ ...deal(i + 1), id: `D-${i + 1}` }));
      started.emulator.workbook.userSetValues('Deals', 'A2', rows);
      started.addon.edit('Deals', `${col('stage')}500:${col('stage')}501`, [['Qualified'], ['Qualified']]);
      started.emulator.calls.reset();
      started.addon.edit('Deals', `${col('stage')}500:${col('stage')}501`, [['Proposal'], ['Closed Lost']]);
      return started.emulator.calls.snapshot();
    };
    const small = callsFor(1_000);
    expect(callsFor(50_000)).toEqual(small);
    expect(small['Range.getValues']).toBeLessThanOrEqual(6);
  });
});
