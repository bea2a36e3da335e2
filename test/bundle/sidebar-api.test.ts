/**
 * The sidebar's server API (issue 10), as google.script.run calls it: the built bundle in the
 * emulator, each call a menu-context execution. Every function refuses bad input with a message
 * naming the field and leaves the workbook as it was; no Date crosses in either direction.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { SidebarData } from '../../src/core/sidebar/contract';
import type { DealInput } from './deals';
import { cell, col, deal, history, rowOf, startWithDeals } from './deals';
import type { Addon } from './harness';
import { startAddon } from './harness';

const ME = 'owner@example.com';
const LEAD = { deal: 'Acme renewal', company: 'Acme', owner: ME, stage: 'Lead' };
/** 2026-11-27 in Los Angeles, the harness's today: local midnight. */
const TODAY = new Date('2026-11-27T08:00:00Z');
const NOW = new Date('2026-11-27T17:00:00Z');

/** Set up, with D-0001 (Lead, owner@example.com, follow-up overdue) and D-0002 (Negotiation). */
function started(extra: DealInput[] = []): Addon {
  const addon = startAddon();
  startWithDeals(addon, [
    deal(1, { owner: ME, followUp: '2026-11-20' }),
    deal(2, { stage: 'Negotiation', closeDate: '' }),
    ...extra,
  ]);
  return addon;
}

function run(addon: Addon, name: string, ...args: unknown[]): unknown {
  return addon.addon.run(name, ...args);
}

/** Every Date anywhere in a value, whichever realm made it. */
function datesIn(value: unknown, path = '$'): string[] {
  if (Object.prototype.toString.call(value) === '[object Date]') return [path];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => datesIn(inner, `${path}.${key}`));
}

/** The whole workbook and the add-on's document state, to compare before and after. */
function everything(addon: Addon): string {
  return JSON.stringify([
    addon.emulator.workbook.toJSON(),
    addon.emulator.host.properties.document.snapshot(),
  ]);
}

/** Runs a call that must be refused: the message it throws, and that nothing changed. */
function refused(addon: Addon, name: string, ...args: unknown[]): string {
  const before = everything(addon);
  let message = '';
  expect(() => {
    try {
      run(addon, name, ...args);
    } catch (error) {
      message = (error as Error).message;
      throw error;
    }
  }).toThrow();
  expect(everything(addon)).toBe(before);
  return message;
}

/** The spreadsheet calls of `action` on a sheet of `count` deals (IDs typed, then adopted). */
function callsFor(count: number, action: (addon: Addon) => unknown): Record<string, number> {
  const addon = startAddon();
  startWithDeals(addon, []);
  const rows = Array.from({ length: count }, (_, i) =>
    rowOf({
      ...deal(i + 1, { owner: ME, followUp: '2026-11-20' }),
      id: `D-${String(i + 1).padStart(4, '0')}`,
    }),
  );
  addon.emulator.workbook.userSetValues('Deals', 'A2', rows);
  run(addon, 'validateAllDeals');
  addon.emulator.calls.reset();
  action(addon);
  return addon.emulator.calls.snapshot();
}

describe('showSidebar', () => {
  /** dist/ when the sidebar is built there, else a copy of the bundle with a stand-in page. */
  function distWithSidebar(): string {
    if (existsSync('dist/Sidebar.html')) return 'dist';
    const dir = mkdtempSync(join(tmpdir(), 'sidebar-'));
    for (const file of ['Code.js', 'appsscript.json']) copyFileSync(join('dist', file), join(dir, file));
    writeFileSync(join(dir, 'Sidebar.html'), '<!doctype html><p>Deal Pipeline</p>');
    return dir;
  }

  it('opens Sidebar.html as the sidebar, titled Deal Pipeline', () => {
    const distDir = distWithSidebar();
    const addon = startAddon({ distDir });
    run(addon, 'showSidebar');
    const sidebar = addon.emulator.host.ui.sidebar;
    expect(sidebar?.title).toBe('Deal Pipeline');
    expect(sidebar?.html).toBe(readFileSync(join(distDir, 'Sidebar.html'), 'utf8'));
  });
});

describe('getSidebarData', () => {
  it('gives the stages, owners, today, the user’s day and the glance, with no Date in it', () => {
    const addon = started();
    const data = run(addon, 'getSidebarData') as SidebarData;
    expect(datesIn(data)).toEqual([]);
    expect(data.user).toBe(ME);
    expect(data.today).toBe('2026-11-27');
    expect(data.currency).toBe('USD');
    expect(data.stages.map((s) => s.name)).toEqual([
      'Lead',
      'Qualified',
      'Proposal',
      'Negotiation',
      'Closed Won',
      'Closed Lost',
    ]);
    expect(data.owners).toEqual([ME, 'rep2@team.example']);
    expect(data.myDay.overdue).toMatchObject([
      { id: 'D-0001', days: 7, followUp: '2026-11-20', moves: ['Qualified', 'Closed Lost'] },
    ]);
    expect(data.glance).toEqual({
      openPipeline: 3000,
      weightedPipeline: 1600,
      dealsOpen: 2,
      wonThisQuarter: 0,
      winRate: null,
    });
  });

  it('makes the same spreadsheet calls for 1,000 deals as for 20,000', () => {
    expect(callsFor(20_000, (addon) => run(addon, 'getSidebarData'))).toEqual(
      callsFor(1_000, (addon) => run(addon, 'getSidebarData')),
    );
  });
});

describe('searchDeals', () => {
  it('finds deals by ID, name or company, the exact ID first', () => {
    const addon = started([deal(3, { deal: 'Deal about D-0002' })]);
    const found = run(addon, 'searchDeals', 'd-2') as { id: string }[];
    expect(found.map((d) => d.id)).toEqual(['D-0002']);
    expect((run(addon, 'searchDeals', 'D-0002') as { id: string }[]).map((d) => d.id)).toEqual([
      'D-0002',
      'D-0003',
    ]);
    expect(datesIn(found)).toEqual([]);
  });

  it('answers at most 20 deals, with the same calls for 1,000 deals as for 20,000', () => {
    const search = (addon: Addon) => expect(run(addon, 'searchDeals', 'deal')).toHaveLength(20);
    expect(callsFor(20_000, search)).toEqual(callsFor(1_000, search));
  });

  it('refuses what is not text', () => {
    expect(refused(started(), 'searchDeals', { q: 1 })).toBe(
      'Search for text (an ID, a deal name or a company), not an object.',
    );
  });
});

describe('addDeal', () => {
  it('appends the deal after the last row with a new ID, real dates, and History Via sidebar', () => {
    const addon = started();
    addon.emulator.calls.reset();
    const saved = run(addon, 'addDeal', { ...LEAD, closeDate: '2027-02-01', amount: '5,000' });
    expect(addon.emulator.calls.count('Range.setValues')).toBe(2);
    expect(saved).toEqual({ id: 'D-0003', row: 4 });
    expect(datesIn(saved)).toEqual([]);
    const [id, name, , , , , owner, stage, amount, , close, , , , created, since] =
      addon.emulator.workbook.values('Deals')[3]!;
    expect([id, name, owner, stage, amount]).toEqual(['D-0003', 'Acme renewal', ME, 'Lead', 5000]);
    expect([close, created, since]).toEqual([new Date('2027-02-01T08:00:00Z'), TODAY, NOW]);
    expect(history(addon).at(-1)).toEqual([NOW, 'D-0003', 'Acme renewal', '', 'Lead', ME, 'sidebar', '']);
  });

  it('records the deal’s stage, so an illegal Stage edit in the sheet is put back', () => {
    const addon = started();
    run(addon, 'addDeal', LEAD);
    addon.addon.edit('Deals', `${col('stage')}4`, [['Closed Won']]);
    expect(cell(addon, 'stage', 4)).toBe('Lead');
  });

  it('keeps text that looks like a formula or a number as that text', () => {
    const addon = started();
    const text = {
      deal: '=IMPORTXML("http://x","//a")',
      company: '@SUM(A1)',
      phone: '+1 555 0100',
      notes: '-2+3',
      nextStep: '0042',
    };
    run(addon, 'addDeal', { ...LEAD, ...text });
    for (const [key, value] of Object.entries(text)) {
      expect(cell(addon, key as keyof typeof text, 4)).toBe(value);
      expect(addon.emulator.workbook.formula('Deals', `${col(key as keyof typeof text)}4`)).toBe('');
    }
  });

  it('places each field under its header, leaving the team’s own columns blank', () => {
    const addon = startAddon();
    run(addon, 'setUpSheets');
    const sheet = addon.emulator.spreadsheet.scriptSheet('Deals');
    sheet.insertColumnBefore(1);
    addon.emulator.workbook.userSetValues('Deals', 'A1', [['Region']]);
    run(addon, 'addDeal', LEAD);
    const [header, row] = addon.emulator.workbook.values('Deals');
    expect(row![header!.indexOf('Region')]).toBe('');
    expect(row![header!.indexOf('Deal')]).toBe('Acme renewal');
    expect(row![header!.indexOf('ID')]).toBe('D-0001');
  });

  it('adds rows to a sheet that is full', () => {
    const addon = started();
    const sheet = addon.emulator.spreadsheet.scriptSheet('Deals');
    sheet.deleteRows(4, sheet.getMaxRows() - 3);
    expect(run(addon, 'addDeal', LEAD)).toEqual({ id: 'D-0003', row: 4 });
    expect(cell(addon, 'deal', 4)).toBe('Acme renewal');
  });

  it.each([
    [
      'a missing required field',
      { ...LEAD, company: '' },
      'New deal "Acme renewal": Company is required in stage Lead.',
    ],
    [
      'a bad email',
      { ...LEAD, email: 'ann@' },
      'New deal "Acme renewal": Email must be an email address such as ana@example.com, not "ann@".',
    ],
    [
      'a negative amount',
      { ...LEAD, amount: -5 },
      'New deal "Acme renewal": Amount must be a number ≥ 0, not -5.',
    ],
    [
      'an unknown stage',
      { ...LEAD, stage: 'Won' },
      'New deal "Acme renewal": Stage "Won" is not a stage in Settings: choose one of Lead, Qualified, Proposal, Negotiation.',
    ],
    [
      'a won stage',
      { ...LEAD, stage: 'Closed Won' },
      'New deal "Acme renewal": A new deal cannot start in Closed Won: choose one of Lead, Qualified, Proposal, Negotiation.',
    ],
    [
      'no stage',
      { ...LEAD, stage: undefined },
      'New deal "Acme renewal": Stage is required: choose one of Lead, Qualified, Proposal, Negotiation.',
    ],
    [
      'a wrong type',
      { ...LEAD, amount: {} },
      'New deal "Acme renewal": Amount must be a number ≥ 0, not an object.',
    ],
    [
      'a Date',
      { ...LEAD, closeDate: new Date() },
      'New deal "Acme renewal": Close Date must be a date such as 2025-03-31, not a Date object.',
    ],
    [
      'a day that does not exist',
      { ...LEAD, followUp: '2026-02-30' },
      'New deal "Acme renewal": Follow-up must be a date such as 2025-03-31, not "2026-02-30".',
    ],
    [
      'an ID',
      { ...LEAD, id: 'D-0001' },
      'New deal "Acme renewal": ID is filled in by Deal Pipeline and cannot be set.',
    ],
    [
      'an unknown field',
      { ...LEAD, colour: 'red' },
      'New deal "Acme renewal": "colour" is not a field of a deal;',
    ],
    [
      'null',
      null,
      'New deal: A new deal must be given as fields, such as {deal: "Acme renewal", stage: "Lead"}, not null.',
    ],
    [
      'nothing',
      undefined,
      'New deal: A new deal must be given as fields, such as {deal: "Acme renewal", stage: "Lead"}, not undefined.',
    ],
  ])('refuses %s with a message naming the field, and writes nothing', (_what, form, message) => {
    expect(refused(started(), 'addDeal', form)).toContain(message);
  });

  it('refuses a field whose column the sheet lacks, naming it', () => {
    const addon = started();
    const sheet = addon.emulator.spreadsheet.scriptSheet('Deals');
    sheet.deleteColumn(sheet.getRange('1:1').getValues()[0]!.indexOf('Notes') + 1);
    expect(refused(addon, 'addDeal', { ...LEAD, notes: 'x' })).toBe(
      'The Deals sheet has no "Notes" column. Run Deal Pipeline › Set up sheets to add it.',
    );
  });

  it('says to try again when another update holds the lock, and writes nothing', () => {
    const addon = started();
    addon.emulator.host.locks.holdElsewhere('document');
    expect(refused(addon, 'addDeal', LEAD)).toBe(
      'Another Deal Pipeline update is running. Please try again in a moment.',
    );
  });

  it('makes the same spreadsheet calls for 1,000 deals as for 20,000', () => {
    const add = (addon: Addon) => run(addon, 'addDeal', LEAD);
    expect(callsFor(20_000, add)).toEqual(callsFor(1_000, add));
  });
});

describe('updateDeal', () => {
  it('writes only the cells that change, and never a cell a teammate changed meanwhile', () => {
    const addon = started();
    addon.emulator.calls.beforeNext('Range.setValues', () =>
      addon.emulator.workbook.userSetValues('Deals', `${col('notes')}2`, [['teammate']]),
    );
    addon.emulator.calls.reset();
    expect(
      run(addon, 'updateDeal', 'd-1', { followUp: '2026-12-04', lastContact: '2026-11-27', amount: 1000 }),
    ).toEqual({
      id: 'D-0001',
      row: 2,
    });
    expect(addon.emulator.calls.count('Range.setValues')).toBe(2);
    expect(cell(addon, 'followUp', 2)).toEqual(new Date('2026-12-04T08:00:00Z'));
    expect(cell(addon, 'lastContact', 2)).toEqual(TODAY);
    expect(cell(addon, 'notes', 2)).toBe('teammate');
    expect(history(addon)).toHaveLength(2);
  });

  it('keeps the deal’s identity after a rename: IDs pasted over are put back', () => {
    const addon = started();
    run(addon, 'updateDeal', 'D-0001', { deal: 'Acme expansion', company: 'Acme Corp' });
    addon.addon.edit('Deals', 'A2:A3', [[''], ['']]);
    expect([cell(addon, 'id', 2), cell(addon, 'id', 3)]).toEqual(['D-0001', 'D-0002']);
  });

  it.each([
    [
      'a stage',
      ['D-0001', { stage: 'Qualified' }],
      'D-0001 "Deal 1": Stage changes only with a move: use Move to change the stage.',
    ],
    [
      'a cleared required field',
      ['D-0001', { company: '' }],
      'D-0001 "Deal 1": Company is required in stage Lead.',
    ],
    [
      'a bad email',
      ['D-0001', { email: 'x@y' }],
      'D-0001 "Deal 1": Email must be an email address such as ana@example.com, not "x@y".',
    ],
    [
      'a wrong type',
      ['D-0001', { followUp: 20261204 }],
      'D-0001 "Deal 1": Follow-up must be a date such as 2025-03-31, not 20261204.',
    ],
    [
      'an unknown ID',
      ['D-0099', {}],
      'There is no deal D-0099 in the Deals sheet: it may have been deleted. Search for it again.',
    ],
    ['an ID that is no text', [42], 'A deal is named by its ID, such as D-0042, not 42.'],
    ['no ID', [undefined, {}], 'A deal is named by its ID, such as D-0042, not undefined.'],
    [
      'null changes',
      ['D-0001', null],
      'D-0001 "Deal 1": The changes to a deal must be given as fields, such as {deal: "Acme renewal", stage: "Lead"}, not null.',
    ],
  ])('refuses %s, and writes nothing', (_what, args, message) => {
    expect(refused(started(), 'updateDeal', ...args)).toBe(message);
  });

  it('refuses an ID that stands in two rows, naming them', () => {
    const addon = started();
    addon.emulator.workbook.userSetValues('Deals', 'A3', [['D-0001']]);
    expect(refused(addon, 'updateDeal', 'D-0001', { notes: 'x' })).toBe(
      'D-0001 stands in rows 2, 3 of the Deals sheet. Run Deal Pipeline › Validate all deals to give the copy its own ID, then try again.',
    );
  });
});

describe('moveDeal', () => {
  it('moves the deal with the fields the stage needs, stamps Stage Since and writes History Via sidebar', () => {
    const addon = started();
    addon.emulator.calls.reset();
    expect(run(addon, 'moveDeal', 'D-0001', 'Closed Lost', { lostReason: 'Price' })).toEqual({
      id: 'D-0001',
      row: 2,
    });
    expect([cell(addon, 'stage', 2), cell(addon, 'lostReason', 2), cell(addon, 'stageSince', 2)]).toEqual([
      'Closed Lost',
      'Price',
      NOW,
    ]);
    // Stage, then Stage Since and Lost Reason side by side in the default layout, then History.
    expect(addon.emulator.calls.count('Range.setValues')).toBe(3);
    expect(history(addon).at(-1)).toEqual([
      NOW,
      'D-0001',
      'Deal 1',
      'Lead',
      'Closed Lost',
      ME,
      'sidebar',
      '',
    ]);
    addon.addon.edit('Deals', `${col('stage')}2`, [['Qualified']]);
    expect(cell(addon, 'stage', 2)).toBe('Closed Lost');
  });

  it('closes a deal won without a Close Date today', () => {
    const addon = started();
    run(addon, 'moveDeal', 'D-0002', 'Closed Won');
    expect([cell(addon, 'stage', 3), cell(addon, 'closeDate', 3)]).toEqual(['Closed Won', TODAY]);
  });

  it('judges the move from the last accepted stage, whatever the Stage cell says', () => {
    const addon = started();
    addon.emulator.workbook.userSetValues('Deals', `${col('stage')}2`, [['Negotiation']]);
    expect(refused(addon, 'moveDeal', 'D-0001', 'Closed Won', {})).toBe(
      'D-0001 "Deal 1": Lead → Closed Won is not allowed. From Lead, allowed: Qualified, Closed Lost.',
    );
  });

  it.each([
    [
      'an illegal move',
      ['D-0001', 'Proposal'],
      'D-0001 "Deal 1": Lead → Proposal is not allowed. From Lead, allowed: Qualified, Closed Lost.',
    ],
    [
      'a missing required field',
      ['D-0001', 'Closed Lost', {}],
      'D-0001 "Deal 1": Lost Reason is required in stage Closed Lost.',
    ],
    [
      'an unknown stage',
      ['D-0001', 'Won', {}],
      'D-0001 "Deal 1": "Won" is not a stage in Settings. From Lead, allowed: Qualified, Closed Lost.',
    ],
    ['the stage it is in', ['D-0001', 'lead'], 'D-0001 "Deal 1" is already in Lead.'],
    [
      'no stage',
      ['D-0001', null],
      'D-0001 "Deal 1": the stage to move to must be one of Qualified, Closed Lost, not null.',
    ],
    [
      'fields that are no fields',
      ['D-0001', 'Closed Lost', 'Price'],
      'D-0001 "Deal 1": The fields of a move must be given as fields, such as {deal: "Acme renewal", stage: "Lead"}, not "Price".',
    ],
    [
      'an unknown ID',
      ['D-0099', 'Qualified'],
      'There is no deal D-0099 in the Deals sheet: it may have been deleted. Search for it again.',
    ],
    ['no arguments', [], 'A deal is named by its ID, such as D-0042, not undefined.'],
  ])('refuses %s, leaving the row and History as they were', (_what, args, message) => {
    expect(refused(started(), 'moveDeal', ...args)).toBe(message);
  });

  it('makes the same spreadsheet calls for 1,000 deals as for 20,000', () => {
    const move = (addon: Addon) => run(addon, 'moveDeal', 'D-0500', 'Qualified');
    expect(callsFor(20_000, move)).toEqual(callsFor(1_000, move));
  });
});
