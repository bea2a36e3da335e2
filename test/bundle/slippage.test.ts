/**
 * Close-date slippage (issue 13) on the built bundle: History's Field column, the Close Date and
 * Amount changes of open deals it records by every input path, the push counts CLOSE_DATE_PUSHES
 * and the Summary show, and History written before the column existed.
 */
import { describe, expect, it } from 'vitest';

import { DEAL_FIELDS } from '../../src/core/columns';
import type { DealInput } from './deals';
import { cell, col, deal, history, rowOf, startWithDeals } from './deals';
import type { Addon } from './harness';
import { startAddon, typeSheet } from './harness';

const ME = 'owner@example.com';
const FIELD = 7;

/** The History rows with a Field, without their Timestamp: ID, Deal, From, To, By, Via, Field. */
function fieldRows(started: Addon): unknown[][] {
  return history(started)
    .filter((row) => row[FIELD] !== '')
    .map((row) => row.slice(1));
}

/** Deals columns Deal through Close Date of a deal, as a paste over B:K would carry them. */
function dealCells(input: DealInput): (string | number | Date)[] {
  return rowOf(input).slice(1, 1 + DEAL_FIELDS.findIndex((field) => field.key === 'closeDate'));
}

const pushes = (started: Addon, ids: string[]) =>
  started.addon.run(
    'CLOSE_DATE_PUSHES',
    ids.map((id) => [id]),
  );

function fourDeals(): Addon {
  const started = startAddon();
  startWithDeals(started, [deal(1), deal(2), deal(3), deal(4)]);
  return started;
}

describe('recording Close Date and Amount changes of open deals', () => {
  it('counts the pushes of a sequence of edits, pastes, a fill-down, the sidebar and an import', () => {
    const started = fourDeals();
    const { addon } = started;
    // Every deal starts closing 2027-01-15; none of that is a change.
    expect(fieldRows(started)).toEqual([]);

    // 1. Typed: D-0001 pushed 17 days, then pulled in (a change, not a push).
    addon.edit('Deals', `${col('closeDate')}2`, [['2027-02-01']]);
    addon.edit('Deals', `${col('closeDate')}2`, [['2027-01-20']]);
    // 2. Pasted over three whole deals: only D-0002's Close Date (+59) and D-0003's Amount change.
    addon.edit('Deals', `B3:${col('closeDate')}5`, [
      dealCells(deal(2, { closeDate: '2027-03-15' })),
      dealCells(deal(3, { amount: 3500 })),
      dealCells(deal(4)),
    ]);
    // 3. Filled down: D-0001 +71 days, D-0002 +17.
    addon.edit('Deals', `${col('closeDate')}2:${col('closeDate')}3`, [['2027-04-01'], ['2027-04-01']]);
    // 4. From the sidebar: D-0003 +31 days.
    addon.run('updateDeal', 'D-0003', { closeDate: '2027-02-15' });

    expect(fieldRows(started)).toEqual([
      ['D-0001', 'Deal 1', '2027-01-15', '2027-02-01', ME, 'edit', 'Close Date'],
      ['D-0001', 'Deal 1', '2027-02-01', '2027-01-20', ME, 'edit', 'Close Date'],
      ['D-0002', 'Deal 2', '2027-01-15', '2027-03-15', ME, 'paste', 'Close Date'],
      ['D-0003', 'Deal 3', 3000, 3500, ME, 'paste', 'Amount'],
      ['D-0001', 'Deal 1', '2027-01-20', '2027-04-01', ME, 'paste', 'Close Date'],
      ['D-0002', 'Deal 2', '2027-03-15', '2027-04-01', ME, 'paste', 'Close Date'],
      ['D-0003', 'Deal 3', '2027-01-15', '2027-02-15', ME, 'sidebar', 'Close Date'],
    ]);

    // 5. Imported: a new deal records none; a later fill-down over its Close Date does (+31).
    typeSheet(started.emulator, 'Tracker', [
      ['Deal', 'Company', 'Owner', 'Stage', 'Amount', 'Close Date'],
      ['Imported deal', 'Initech', ME, 'Lead', 700, '2027-05-01'],
    ]);
    addon.run('importDeals', 'Tracker');
    expect(cell(started, 'id', 6)).toBe('D-0005');
    expect(fieldRows(started)).toHaveLength(7);
    addon.edit('Deals', `${col('closeDate')}5:${col('closeDate')}6`, [['2027-01-15'], ['2027-06-01']]);
    expect(fieldRows(started).slice(7)).toEqual([
      ['D-0005', 'Imported deal', '2027-05-01', '2027-06-01', ME, 'paste', 'Close Date'],
    ]);

    // By hand: D-0001 17 + 71, D-0002 59 + 17, D-0003 31, D-0005 31; D-0004 and unknown IDs 0.
    expect(pushes(started, ['D-0001', 'D-0002', 'D-0003', 'D-0004', 'D-0005', '', 'D-0999'])).toEqual([
      [2],
      [2],
      [1],
      [0],
      [1],
      [''],
      [0],
    ]);
    addon.run('refreshSummary');
    const summary = started.emulator.workbook.values('Summary');
    const title = summary.findIndex((row) => String(row[0]).startsWith('Close dates pushed'));
    expect(summary[title]?.[0]).toBe('Close dates pushed: open deals (4)');
    expect(summary.slice(title + 2, title + 6).map((row) => row.slice(0, 5))).toEqual([
      ['D-0001', 'Deal 1', 'rep1@team.example', 2, 88],
      ['D-0002', 'Deal 2', 'rep2@team.example', 2, 76],
      ['D-0003', 'Deal 3', 'rep0@team.example', 1, 31],
      ['D-0005', 'Imported deal', ME, 1, 31],
    ]);
    const owners = summary.findIndex((row, i) => i > title && row[0] === 'Owner');
    expect(summary.slice(owners + 1, owners + 5).map((row) => row.slice(0, 4))).toEqual([
      [ME, 1, 1, 1],
      ['rep0@team.example', 1, 1, 1],
      ['rep1@team.example', 2, 1, 0.5],
      ['rep2@team.example', 1, 1, 1],
    ]);
  });

  it('records nothing when a paste leaves every Close Date and Amount as it was', () => {
    const started = fourDeals();
    started.addon.edit(
      'Deals',
      `B2:${col('closeDate')}5`,
      [1, 2, 3, 4].map((n) => dealCells(deal(n))),
    );
    started.addon.edit('Deals', `${col('closeDate')}2:${col('closeDate')}5`, [
      ['2027-01-15'],
      ['2027-01-15'],
      ['2027-01-15'],
      ['2027-01-15'],
    ]);
    expect(fieldRows(started)).toEqual([]);
    expect(history(started)).toHaveLength(4);
  });

  it('records nothing for a won or lost deal, and compares with its last Close Date once reopened', () => {
    const started = fourDeals();
    started.addon.run('moveDeal', 'D-0004', 'Closed Lost', { lostReason: 'Budget' });
    started.addon.edit('Deals', `${col('closeDate')}5`, [['2027-03-01']]);
    started.addon.edit('Deals', `${col('closeDate')}5`, [['2027-03-09']]);
    expect(fieldRows(started)).toEqual([]);
    // Closed Lost may go back to Lead: the next pasted Close Date is compared with 2027-03-09.
    started.addon.edit('Deals', `${col('stage')}5`, [['Lead']]);
    started.addon.edit('Deals', `${col('closeDate')}4:${col('closeDate')}5`, [
      ['2027-01-15'],
      ['2027-03-19'],
    ]);
    expect(fieldRows(started)).toEqual([
      ['D-0004', 'Deal 4', '2027-03-09', '2027-03-19', ME, 'paste', 'Close Date'],
    ]);
  });

  it('records a sidebar move that sets a new Close Date on an open deal, beside the stage row', () => {
    const started = fourDeals();
    started.addon.run('moveDeal', 'D-0001', 'Qualified', { closeDate: '2027-02-10' });
    expect(
      history(started)
        .slice(-2)
        .map((row) => row.slice(1)),
    ).toEqual([
      ['D-0001', 'Deal 1', 'Lead', 'Qualified', ME, 'sidebar', ''],
      ['D-0001', 'Deal 1', '2027-01-15', '2027-02-10', ME, 'sidebar', 'Close Date'],
    ]);
  });

  it('leaves an existing deal alone on a second import of the same rows, and records nothing', () => {
    const started = startAddon();
    startWithDeals(started, []);
    const source = (close: string) =>
      typeSheet(started.emulator, 'Tracker', [
        ['Opportunity ID', 'Deal', 'Company', 'Owner', 'Stage', 'Close Date'],
        ['R1', 'Imported deal', 'Initech', ME, 'Lead', close],
      ]);
    source('2027-05-01');
    started.addon.run('importDeals', 'Tracker');
    source('2027-08-01');
    const report = started.addon.run('importDeals', 'Tracker') as {
      imported: number;
      alreadyImported: number;
    };
    expect(report).toMatchObject({ imported: 0, alreadyImported: 1 });
    expect(cell(started, 'closeDate', 2)).toEqual(new Date('2027-05-01T07:00:00Z'));
    expect(fieldRows(started)).toEqual([]);
  });

  it('writes an Amount whose old value it kept only a mark of with a blank From', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1, { amount: 12_345 })]);
    started.addon.edit('Deals', `${col('amount')}2:${col('closeDate')}2`, [[12_346, '', '2027-01-15']]);
    expect(fieldRows(started)).toEqual([['D-0001', 'Deal 1', '', 12_346, ME, 'paste', 'Amount']]);
  });
});

describe('History written before the Field column', () => {
  const OLD_HEADER = ['Timestamp', 'ID', 'Deal', 'From', 'To', 'By', 'Via'];

  it('gets the Field header from Set up sheets, every row kept, and the same Summary', () => {
    const started = fourDeals();
    const { workbook } = started.emulator;
    const rows = history(started).map((row) => row.slice(0, 7));
    workbook.removeSheet(workbook.sheet('History'));
    typeSheet(started.emulator, 'History', [OLD_HEADER, ...rows]);
    started.addon.run('refreshSummary');
    const before = workbook.values('Summary').filter((row) => !String(row[3]).startsWith('Refreshed'));
    started.addon.run('setUpSheets');
    expect(workbook.values('History')).toEqual([
      [...OLD_HEADER, 'Field'],
      ...rows.map((row) => [...row, '']),
    ]);
    started.addon.run('refreshSummary');
    expect(workbook.values('Summary').filter((row) => !String(row[3]).startsWith('Refreshed'))).toEqual(
      before,
    );
  });

  it('adds the column before it writes a Close Date change, so the row never reads as a stage change', () => {
    const started = fourDeals();
    const { workbook } = started.emulator;
    const rows = history(started).map((row) => row.slice(0, 7));
    workbook.removeSheet(workbook.sheet('History'));
    typeSheet(started.emulator, 'History', [OLD_HEADER, ...rows]);
    started.addon.edit('Deals', `${col('closeDate')}2`, [['2027-02-01']]);
    expect(workbook.values('History')[0]).toEqual([...OLD_HEADER, 'Field']);
    expect(fieldRows(started)).toEqual([
      ['D-0001', 'Deal 1', '2027-01-15', '2027-02-01', ME, 'edit', 'Close Date'],
    ]);
    expect(pushes(started, ['D-0001'])).toEqual([[1]]);
  });
});

describe('a History header kept in the document cache from before the Field column', () => {
  it('is set up again before a Close Date change is written, so the row never reads as a stage change', () => {
    const started = fourDeals();
    // An edit a moment before keeps Settings and History's header in the document cache.
    started.addon.edit('Deals', `${col('notes')}2`, [['called']]);
    // As the version before Field left them: a 7-column History, and that header in the cache.
    started.emulator.spreadsheet.scriptSheet('History').deleteColumn(8);
    const cache = started.emulator.host.caches.document.entries;
    const [key, entry] = [...cache].find(([name]) => name.endsWith('editSettings'))!;
    const kept = JSON.parse(entry.value) as { shape: string; historyHeader: string[] };
    kept.historyHeader = kept.historyHeader.slice(0, 7);
    kept.shape = kept.shape.replace(/:8$/, ':7');
    cache.set(key, { ...entry, value: JSON.stringify(kept) });

    started.addon.edit('Deals', `${col('closeDate')}2`, [['2027-02-01']]);
    expect(started.emulator.workbook.values('History')[0]).toHaveLength(8);
    expect(fieldRows(started)).toEqual([
      ['D-0001', 'Deal 1', '2027-01-15', '2027-02-01', ME, 'edit', 'Close Date'],
    ]);
  });
});

describe('CLOSE_DATE_PUSHES', () => {
  it('takes one ID and gives one count, reading History once and writing nothing', () => {
    const started = fourDeals();
    started.addon.edit('Deals', `${col('closeDate')}2`, [['2027-02-01']]);
    const { calls } = started.emulator;
    calls.reset();
    expect(started.addon.run('CLOSE_DATE_PUSHES', 'D-0001')).toBe(1);
    expect(started.addon.run('CLOSE_DATE_PUSHES', '')).toBe('');
    expect(calls.count('Range.setValues') + calls.count('Range.setValue')).toBe(0);
  });

  it('reads of History only the five columns a push needs, not Deal, By or Via', () => {
    const started = fourDeals();
    started.addon.edit('Deals', `${col('closeDate')}2`, [['2027-02-01']]);
    const { calls, workbook } = started.emulator;
    const rows = workbook.values('History').length - 1;
    const historyId = workbook.sheet('History').id;
    calls.reset();
    const log = calls.startLog();
    expect(pushes(started, ['D-0001'])).toEqual([[1]]);
    calls.stopLog();
    const cells = log
      .filter((call) => call.sheet === historyId && call.key === 'Range.getValues')
      .map((call) => call.cellsRead);
    // The header row (8 cells), then Timestamp–ID and From–To as two runs, and Field.
    expect(cells).toEqual([8, rows * 2, rows * 2, rows]);
  });

  it('counts 0 for every ID when there is no History sheet', () => {
    const started = fourDeals();
    started.emulator.workbook.removeSheet(started.emulator.workbook.sheet('History'));
    expect(pushes(started, ['D-0001', ''])).toEqual([[0], ['']]);
  });

  it('carries @customfunction and its one @param in dist/Code.js', async () => {
    const { readFileSync } = await import('node:fs');
    const code = readFileSync('dist/Code.js', 'utf8');
    const doc = /\/\*\*\n((?: \*.*\n)+?) \*\/\nfunction CLOSE_DATE_PUSHES\(/.exec(code)?.[1] ?? '';
    expect(doc).toContain('@customfunction');
    expect([...doc.matchAll(/@param \{[^}]+\} (\S+)/g)].map((m) => m[1])).toEqual(['ids']);
  });
});
