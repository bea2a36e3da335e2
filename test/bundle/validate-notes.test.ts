/**
 * Validate all deals reads the notes only of the columns a mark can be in (issue 12): the fields
 * some check flags under the stage table in use, or under a table used before. What that must
 * never cost: a user's note in a column it did not read, or a mark a changed table left behind.
 */
import { describe, expect, it } from 'vitest';

import { col, deal, startWithDeals } from './deals';
import type { Addon } from './harness';
import { startAddon } from './harness';

const note = (started: Addon, a1: string) => started.emulator.workbook.note('Deals', a1);

function tenDeals(): Addon {
  const started = startAddon();
  startWithDeals(
    started,
    Array.from({ length: 10 }, (_, i) => deal(i + 1)),
  );
  return started;
}

/** Cells of Deals whose notes the next Validate all deals reads. */
function notesRead(started: Addon): number {
  const { calls, workbook } = started.emulator;
  const deals = workbook.sheet('Deals').id;
  calls.reset();
  const log = calls.startLog();
  started.addon.run('validateAllDeals');
  calls.stopLog();
  return log
    .filter((call) => call.key === 'Range.getNotes' && call.sheet === deals)
    .reduce((sum, call) => sum + call.cellsRead, 0);
}

describe('Validate all deals and the columns it reads notes from', () => {
  it('reads every column the first time, then only those a mark can be in', () => {
    const started = tenDeals();
    expect(notesRead(started)).toBe(10 * 18);
    // Contact, Phone, Next Step and Notes: no check and no default stage flags them.
    expect(notesRead(started)).toBe(10 * 14);
  });

  it('keeps a user’s note in a column between two marks it writes', () => {
    const started = tenDeals();
    started.addon.run('validateAllDeals');
    started.emulator.spreadsheet.scriptRange('Deals', `${col('phone')}4`).setNote('Call after 5pm');
    started.emulator.workbook.userSetValues('Deals', `${col('email')}4`, [['not an address']]);
    started.emulator.workbook.userSetValues('Deals', `${col('owner')}4`, [['Sam']]);
    started.addon.run('validateAllDeals');
    expect(note(started, `${col('email')}4`)).toContain('Email must be an email address');
    expect(note(started, `${col('owner')}4`)).toContain('Owner must be');
    expect(note(started, `${col('phone')}4`)).toBe('Call after 5pm');
  });

  it('clears a mark in a column that only a stage table no longer in use could flag', () => {
    const started = tenDeals();
    started.addon.run('validateAllDeals');
    // Lead (row 2 of Settings) comes to require a Phone; then deal 3, with none, moves to Lead:
    // onEdit marks its Phone under that table, before any Validate all deals.
    started.addon.edit('Settings', 'F2', [['Deal, Company, Owner, Phone']]);
    started.emulator.workbook.userSetValues('Deals', `${col('phone')}4`, [['']]);
    started.addon.edit('Deals', `${col('stage')}4`, [['Lead']]);
    expect(note(started, `${col('phone')}4`)).toContain('Phone is required in stage Lead');
    // The requirement goes again: the mark must go too, though no table in use flags Phone now.
    started.addon.edit('Settings', 'F2', [['Deal, Company, Owner']]);
    started.addon.run('validateAllDeals');
    expect(note(started, `${col('phone')}4`)).toBe('');
    expect(started.emulator.spreadsheet.scriptRange('Deals', `${col('phone')}4`).getBackground()).toBe(
      '#ffffff',
    );
  });
});
