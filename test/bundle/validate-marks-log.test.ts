/**
 * The marks log (server/marks-log.ts, issue 12): Validate all deals reads the notes and colours
 * of the cells with a problem and of the cells the log names, not of the whole sheet. What that
 * must never cost: a mark left behind, or a user's note or colour lost. Every run here is
 * compared with a Validate all deals that reads every note (the same workbook, its log said to
 * be unknown).
 */
import { describe, expect, it } from 'vitest';

import { mulberry32, pick } from '../../local/bench/synthetic';
import type { DealFieldKey } from '../../src/core/columns';
import { DEAL_FIELDS } from '../../src/core/columns';
import { col, deal, rowOf, startWithDeals } from './deals';
import type { Addon } from './harness';
import { startAddon } from './harness';

const LOG = 'Marks Log';
const LOG_KEY = 'dealPipeline.marksLog';
const DEALS = 18;

const note = (started: Addon, a1: string) => started.emulator.workbook.note('Deals', a1);
const dealsSheet = (started: Addon) => started.emulator.spreadsheet.scriptSheet('Deals');
const properties = (started: Addon) => started.emulator.host.properties.document;

function tenDeals(): Addon {
  const started = startAddon();
  startWithDeals(
    started,
    Array.from({ length: 10 }, (_, i) => deal(i + 1)),
  );
  return started;
}

/** Validate all deals, with the cells of Deals whose notes it read. */
function validate(started: Addon): { notesRead: number } {
  const { calls, workbook } = started.emulator;
  const deals = workbook.sheet('Deals').id;
  const log = calls.startLog();
  started.addon.run('validateAllDeals');
  calls.stopLog();
  const notesRead = log
    .filter((call) => call.key === 'Range.getNotes' && call.sheet === deals)
    .reduce((sum, call) => sum + call.cellsRead, 0);
  return { notesRead };
}

/** The notes and colours of every cell of Deals. */
function marks(started: Addon): { notes: string[][]; backgrounds: string[][] } {
  const range = dealsSheet(started).getDataRange();
  return { notes: range.getNotes(), backgrounds: range.getBackgrounds() };
}

/** Validate all deals on a copy of the workbook whose log is unknown: every note read. */
function readingEveryNote(started: Addon): ReturnType<typeof marks> & { notesRead: number } {
  const { emulator } = started;
  const copy = startAddon({ now: emulator.clock.now(), workbook: emulator.workbook.toJSON() });
  for (const [key, value] of Object.entries(properties(started).snapshot()))
    properties(copy).map.set(key, value);
  properties(copy).map.set(LOG_KEY, '*');
  const { notesRead } = validate(copy);
  return { ...marks(copy), notesRead };
}

/** The notes of Deals after the last validateAndCompare. */
const lastRun = new WeakMap<Addon, string[][]>();

/** Validate all deals, checked against one that reads every note; the notes it read, and those. */
function validateAndCompare(started: Addon, what = ''): { notesRead: number; whole: number } {
  const expected = readingEveryNote(started);
  const { notesRead } = validate(started);
  const after = marks(started);
  expect(after, what).toEqual({ notes: expected.notes, backgrounds: expected.backgrounds });
  lastRun.set(started, after.notes);
  return { notesRead, whole: expected.notesRead };
}

describe('Validate all deals and the marks log', () => {
  it('reads no note but the bad cells’ the first time, and keeps a log of the cells it marked', () => {
    const started = tenDeals();
    started.emulator.workbook.userSetValues('Deals', `${col('email')}4`, [['not an address']]);
    started.emulator.workbook.userSetValues('Deals', `${col('amount')}6`, [['TBD']]);
    // One rectangle around both: rows 4–6, Email to Amount.
    expect(validateAndCompare(started).notesRead).toBe(3 * 5);
    expect(started.emulator.workbook.values(LOG)).toEqual([
      [expect.stringContaining('Deal Pipeline marks log')],
      ['D-0003:email D-0005:amount'],
    ]);
    const log = started.emulator.spreadsheet.scriptSheet(LOG);
    expect(log.isSheetHidden()).toBe(true);
    const { ProtectionType } = started.emulator.spreadsheet.SpreadsheetApp;
    expect(log.getProtections(ProtectionType.SHEET)[0]?.isWarningOnly()).toBe(true);
    expect(properties(started).map.get(LOG_KEY)).toBe(String(log.getSheetId()));
  });

  it('creates no log while nothing is marked, and writes none again when nothing changed', () => {
    const started = tenDeals();
    validate(started);
    expect(started.emulator.workbook.findSheet(LOG)).toBeUndefined();
    started.emulator.workbook.userSetValues('Deals', `${col('email')}4`, [['not an address']]);
    validate(started);
    const { calls } = started.emulator;
    const log = calls.startLog();
    validate(started);
    calls.stopLog();
    expect(log.filter((call) => call.cellsWritten > 0)).toEqual([]);
  });

  it('keeps a user’s note in a cell between two marks it writes', () => {
    const started = tenDeals();
    validate(started);
    started.emulator.spreadsheet.scriptRange('Deals', `${col('phone')}4`).setNote('Call after 5pm');
    started.emulator.workbook.userSetValues('Deals', `${col('email')}4`, [['not an address']]);
    started.emulator.workbook.userSetValues('Deals', `${col('owner')}4`, [['Sam']]);
    validateAndCompare(started);
    expect(note(started, `${col('email')}4`)).toContain('Email must be an email address');
    expect(note(started, `${col('owner')}4`)).toContain('Owner must be');
    expect(note(started, `${col('phone')}4`)).toBe('Call after 5pm');
  });

  it('clears a mark onEdit made under a stage table no longer in use', () => {
    const started = tenDeals();
    validate(started);
    // Lead (row 2 of Settings) comes to require a Phone; then deal 3, with none, moves to Lead:
    // onEdit marks its Phone under that table, and logs it.
    started.addon.edit('Settings', 'F2', [['Deal, Company, Owner, Phone']]);
    started.emulator.workbook.userSetValues('Deals', `${col('phone')}4`, [['']]);
    started.addon.edit('Deals', `${col('stage')}4`, [['Lead']]);
    expect(note(started, `${col('phone')}4`)).toContain('Phone is required in stage Lead');
    expect(started.emulator.workbook.values(LOG).slice(1)).toEqual([['D-0003:phone']]);
    // The requirement goes again: the mark must go too, though no check reads Phone now.
    started.addon.edit('Settings', 'F2', [['Deal, Company, Owner']]);
    expect(validateAndCompare(started).notesRead).toBeLessThan(5);
    expect(note(started, `${col('phone')}4`)).toBe('');
    expect(started.emulator.spreadsheet.scriptRange('Deals', `${col('phone')}4`).getBackground()).toBe(
      '#ffffff',
    );
    expect(started.emulator.workbook.values(LOG).slice(1)).toEqual([]);
  });

  it('finds a logged mark wherever a sort moved its row', () => {
    const started = tenDeals();
    started.addon.edit('Deals', `${col('amount')}3`, [['soon']]);
    // Sorted by Amount, descending: no onEdit; deal 2's row moves with its mark.
    dealsSheet(started).getRange(2, 1, 10, DEALS).sort({ column: 9, ascending: false });
    started.emulator.workbook.userSetValues(
      'Deals',
      'I2:I11',
      Array.from({ length: 10 }, () => [500]),
    );
    validateAndCompare(started);
    const notes = marks(started).notes.flat();
    expect(notes.filter((text) => text.startsWith('Deal Pipeline'))).toEqual([]);
  });

  it('reads every note after the log sheet was deleted, and keeps a log again', () => {
    const started = tenDeals();
    started.addon.edit('Deals', `${col('amount')}3`, [['soon']]);
    const { workbook } = started.emulator;
    workbook.removeSheet(workbook.sheet(LOG));
    workbook.userSetValues('Deals', `${col('amount')}3`, [[900]]);
    const { notesRead, whole } = validateAndCompare(started);
    expect(notesRead).toBe(whole);
    expect(note(started, `${col('amount')}3`)).toBe('');
    expect(workbook.findSheet(LOG)).toBeDefined();
    expect(validate(started).notesRead).toBe(0);
  });

  it('has onEdit start a log that sends the next run to every note when a log was lost', () => {
    const started = tenDeals();
    started.addon.edit('Deals', `${col('amount')}3`, [['soon']]);
    const { workbook } = started.emulator;
    workbook.removeSheet(workbook.sheet(LOG));
    started.addon.edit('Deals', `${col('amount')}5`, [['later']]);
    expect(workbook.values(LOG).slice(1)).toEqual([['*'], ['D-0004:amount']]);
    workbook.userSetValues('Deals', `${col('amount')}3`, [[900]]);
    const { notesRead, whole } = validateAndCompare(started);
    expect(notesRead).toBe(whole);
    expect(note(started, `${col('amount')}3`)).toBe('');
  });

  it('reads every note once on a sheet an earlier build marked', () => {
    const started = tenDeals();
    started.addon.edit('Deals', `${col('amount')}3`, [['soon']]);
    const { workbook } = started.emulator;
    workbook.removeSheet(workbook.sheet(LOG));
    properties(started).map.delete(LOG_KEY);
    properties(started).map.set('dealPipeline.markableFields', 'id,amount');
    workbook.userSetValues('Deals', `${col('amount')}3`, [[900]]);
    const first = validateAndCompare(started);
    expect(first.notesRead).toBe(first.whole);
    expect(note(started, `${col('amount')}3`)).toBe('');
  });

  it('trusts the log a copy of the spreadsheet brings, until an onEdit it cannot log to', () => {
    const started = tenDeals();
    started.addon.edit('Deals', `${col('amount')}3`, [['soon']]);
    // File › Make a copy: the sheets, notes and log come along; document properties do not.
    const copy = startAddon({ workbook: started.emulator.workbook.toJSON() });
    copy.emulator.workbook.userSetValues('Deals', `${col('amount')}3`, [[900]]);
    const first = validateAndCompare(copy);
    expect(first.notesRead).toBeLessThan(5);
    expect(note(copy, `${col('amount')}3`)).toBe('');
    // An onEdit before that first run could not have known the sheet for the log: all notes.
    const again = startAddon({ workbook: started.emulator.workbook.toJSON() });
    again.addon.edit('Deals', `${col('email')}5`, [['nobody']]);
    expect(again.emulator.workbook.values(LOG).slice(1)).toEqual([['D-0002:amount']]);
    again.emulator.workbook.userSetValues('Deals', `${col('amount')}3`, [[900]]);
    const whole = validateAndCompare(again);
    expect(whole.notesRead).toBe(whole.whole);
    expect(note(again, `${col('amount')}3`)).toBe('');
  });

  it('never writes a sheet of the same name that is not its log, and reads every note while it stands', () => {
    const started = tenDeals();
    const { workbook } = started.emulator;
    workbook.addSheet(LOG);
    workbook.userSetValues(LOG, 'A1', [['Marks'], ['Ana 17/20']]);
    started.addon.edit('Deals', `${col('amount')}3`, [['soon']]);
    expect(workbook.values(LOG)).toEqual([['Marks'], ['Ana 17/20']]);
    workbook.userSetValues('Deals', `${col('amount')}3`, [[900]]);
    const { notesRead, whole } = validateAndCompare(started);
    expect(notesRead).toBe(whole);
    expect(note(started, `${col('amount')}3`)).toBe('');
    expect(workbook.values(LOG)).toEqual([['Marks'], ['Ana 17/20']]);
  });

  it('logs what the sidebar marks', () => {
    const started = tenDeals();
    validate(started);
    started.addon.run('updateDeal', 'D-0004', { closeDate: '2020-01-01' });
    expect(note(started, `${col('closeDate')}5`)).toContain('has passed');
    expect(started.emulator.workbook.values(LOG).slice(1)).toEqual([['D-0004:closeDate']]);
    started.emulator.workbook.userSetValues('Deals', `${col('closeDate')}5`, [['2027-03-01']]);
    expect(validateAndCompare(started).notesRead).toBeLessThan(5);
    expect(note(started, `${col('closeDate')}5`)).toBe('');
  });
});

const BAD: Partial<Record<DealFieldKey, readonly string[]>> = {
  amount: ['TBD', '-5'],
  email: ['nobody', 'a@'],
  closeDate: ['next week', '2020-02-02'],
  probability: ['150'],
  owner: ['Sam'],
  company: [''],
};
const GOOD: Partial<Record<DealFieldKey, readonly (string | number)[]>> = {
  amount: [1200, 0],
  email: ['buyer@customer.example'],
  closeDate: ['2027-04-01'],
  probability: ['25%'],
  owner: ['rep1@team.example'],
  company: ['Acme'],
};

const lastRow = (started: Addon) => started.emulator.workbook.values('Deals').length;
const someRow = (started: Addon, random: () => number) => 2 + Math.floor(random() * (lastRow(started) - 1));

const ACTIONS: Record<string, (started: Addon, random: () => number) => void> = {
  'a bad value typed': (started, random) => {
    const field = pick(random, Object.keys(BAD) as DealFieldKey[]);
    started.addon.edit('Deals', `${col(field)}${someRow(started, random)}`, [[pick(random, BAD[field]!)]]);
  },
  'a value put right': (started, random) => {
    const field = pick(random, Object.keys(GOOD) as DealFieldKey[]);
    started.addon.edit('Deals', `${col(field)}${someRow(started, random)}`, [[pick(random, GOOD[field]!)]]);
  },
  'a stage move': (started, random) => {
    const stage = pick(random, ['Qualified', 'Proposal', 'Closed Lost', 'Closed Won', 'Lead']);
    started.addon.edit('Deals', `${col('stage')}${someRow(started, random)}`, [[stage]]);
  },
  'a value a script wrote': (started, random) => {
    const field = pick(random, Object.keys(BAD) as DealFieldKey[]);
    const value = random() < 0.5 ? pick(random, BAD[field]!) : pick(random, GOOD[field]!);
    started.emulator.workbook.userSetValues('Deals', `${col(field)}${someRow(started, random)}`, [[value]]);
  },
  // What only a read of the notes can undo: a cell marked since the last run (by onEdit, so only
  // the log names it), put right where no onEdit sees it.
  'a newly marked cell put right by a script': (started, random) => {
    const before = lastRun.get(started) ?? [];
    const marked = marks(started)
      .notes.flatMap((line, r) => line.map((text, c) => ({ r, c, text })))
      .filter(({ r, c, text }) => text.startsWith('Deal Pipeline') && before[r]?.[c] !== text)
      .filter(({ c }) => GOOD[DEAL_FIELDS[c]!.key] !== undefined);
    if (marked.length === 0) return;
    const { r, c } = pick(random, marked);
    const field = DEAL_FIELDS[c]!.key;
    started.emulator.workbook.userSetValues('Deals', `${col(field)}${r + 1}`, [[pick(random, GOOD[field]!)]]);
  },
  // A paste brings the copied row's notes, then onEdit fires.
  'a row copied and pasted below': (started, random) => {
    const from = someRow(started, random);
    const to = lastRow(started) + 1;
    const source = dealsSheet(started).getRange(from, 1, 1, DEALS);
    dealsSheet(started).getRange(to, 1, 1, DEALS).setNotes(source.getNotes());
    started.addon.edit('Deals', `A${to}`, [source.getValues()[0]!.map((value) => value as string)]);
  },
  'new deals pasted': (started, random) => {
    const n = lastRow(started);
    const rows = [
      deal(n + 1, { email: pick(random, ['x', 'ok@buyer.example']) }),
      deal(n + 2, { amount: 'TBD' }),
    ];
    started.addon.edit('Deals', `A${n + 1}`, rows.map(rowOf));
  },
  'Deals sorted': (started, random) => {
    const column = pick(random, [1, 3, 9, 11]);
    dealsSheet(started)
      .getRange(2, 1, lastRow(started) - 1, DEALS)
      .sort({ column, ascending: random() < 0.5 });
  },
  'a row deleted': (started, random) => {
    if (lastRow(started) > 6) dealsSheet(started).deleteRow(someRow(started, random));
  },
  'Phone required at Lead, or not': (started, random) => {
    started.addon.edit('Settings', 'F2', [
      [random() < 0.5 ? 'Deal, Company, Owner, Phone' : 'Deal, Company, Owner'],
    ]);
  },
  'the log sheet deleted': (started) => {
    const { workbook } = started.emulator;
    if (workbook.findSheet(LOG)) workbook.removeSheet(workbook.sheet(LOG));
  },
};

describe('the marks log against a read of every note, over random days', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`leaves the same notes and colours after every run (seed ${seed})`, () => {
      const random = mulberry32(seed);
      const started = startAddon();
      startWithDeals(
        started,
        Array.from({ length: 24 }, (_, i) => deal(i + 1, { phone: i % 4 === 0 ? '' : `555-01${i}` })),
      );
      const everyday = [
        'a bad value typed',
        'a value put right',
        'a stage move',
        'a value a script wrote',
        'a newly marked cell put right by a script',
      ];
      const names = [...everyday, ...everyday, ...Object.keys(ACTIONS)];
      const done: string[] = [];
      let fromLog = 0;
      validateAndCompare(started);
      for (let step = 0; step < 40; step++) {
        const name = pick(random, names);
        done.push(name);
        ACTIONS[name]!(started, random);
        if (random() < 0.5) {
          const { notesRead, whole } = validateAndCompare(started, done.join(' › '));
          if (notesRead < whole) fromLog++;
        }
      }
      expect(new Set(done).size).toBeGreaterThan(7);
      expect(fromLog).toBeGreaterThan(5);
    });
  }
});
