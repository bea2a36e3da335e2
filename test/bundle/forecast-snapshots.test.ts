/**
 * Forecast History in the emulator: set up, a snapshot from the menu, the job's weekly snapshot
 * when the sheet is damaged or deleted, and calls that do not grow with the number of deals.
 */
import { describe, expect, it } from 'vitest';

import { dayOfDate, isoOfDay } from '../../src/core/dates';
import { deal, rowOf, startWithDeals } from './deals';
import type { Addon } from './harness';
import { captureExecutionLog, fireReminderTrigger, startAddon, TIME_ZONE } from './harness';

const SHEET = 'Forecast History';
const HEADER = [
  'Taken',
  'Month',
  'Owner',
  'Closed Won',
  'Commit',
  'Best Case',
  'Pipeline',
  'Weighted Forecast',
];
const ANN = 'ann@team.example';
const BOB = 'bob@team.example';
const HOUR = 3_600_000;

const logged = captureExecutionLog();

/** NOW is Friday 2026-11-27, 09:00 in Los Angeles: the forecast months are 2026-11 to 2027-04. */
function pipeline(): Addon {
  const started = startAddon();
  startWithDeals(started, [
    deal(1, { owner: ANN, stage: 'Negotiation', amount: 20_000, closeDate: '2026-11-30' }),
    deal(2, { owner: BOB, stage: 'Proposal', amount: 10_000, closeDate: '2027-01-15' }),
    deal(3, { owner: BOB, stage: 'Lead', amount: 5_000, closeDate: '2026-11-20', followUp: '2026-11-25' }),
  ]);
  return started;
}

const rows = (started: Addon) => started.emulator.workbook.values(SHEET).slice(1);
const lastToast = (started: Addon) => started.emulator.workbook.toasts.at(-1)?.message ?? '';
const takenDays = (started: Addon) => [
  ...new Set(rows(started).map((row) => isoOfDay(dayOfDate(row[0] as Date, TIME_ZONE)))),
];

describe('Set up sheets and Forecast History', () => {
  it('creates it with its header, bold and frozen, its formats, and a warning before edits', () => {
    const started = startAddon();
    const report = started.addon.run('setUpSheets') as { created: string[] };
    expect(report.created).toContain(SHEET);
    const { workbook, spreadsheet } = started.emulator;
    expect(workbook.values(SHEET)[0]).toEqual(HEADER);
    expect(workbook.sheet(SHEET).frozenRows).toBe(1);
    expect(new Set(spreadsheet.scriptRange(SHEET, 'A1:H1').getFontWeights()[0])).toEqual(new Set(['bold']));
    expect(spreadsheet.scriptRange(SHEET, 'A2:H2').getNumberFormats()[0]).toEqual([
      'yyyy-mm-dd hh:mm',
      'yyyy-mm',
      '@',
      ...Array<string>(5).fill('[$$]#,##0.00'),
    ]);
    expect(workbook.sheet(SHEET).protections).toEqual([
      expect.objectContaining({ type: 'SHEET', warningOnly: true }),
    ]);
  });

  it('repairs a missing column and protection without moving a row, and changes nothing the second time', () => {
    const started = pipeline();
    started.addon.run('takeForecastSnapshot');
    const before = rows(started);
    const { workbook } = started.emulator;
    workbook.userSetValues(SHEET, 'H1', [['Forecast']]);
    workbook.sheet(SHEET).protections.length = 0;
    const report = started.addon.run('setUpSheets') as { repaired: string[] };
    expect(report.repaired).toEqual(
      expect.arrayContaining([
        `${SHEET}: added the column Weighted Forecast`,
        `${SHEET}: protected with a warning`,
      ]),
    );
    expect(workbook.values(SHEET)[0]).toEqual([...HEADER.slice(0, 7), 'Forecast', 'Weighted Forecast']);
    expect(rows(started).map((row) => row.slice(0, 8))).toEqual(before);
    const again = started.addon.run('setUpSheets') as { repaired: string[] };
    expect(again.repaired.filter((line) => line.startsWith(SHEET))).toEqual([]);
  });
});

describe('Take forecast snapshot', () => {
  it('appends the Summary’s forecast by month for the team and each owner, and says what it wrote', () => {
    const started = pipeline();
    const report = started.addon.run('takeForecastSnapshot');
    expect(report).toEqual({ rows: 18, message: lastToast(started) });
    expect(lastToast(started)).toBe(
      'Forecast snapshot taken: 18 rows in Forecast History, for the team and 2 owners, 2026-11 to 2027-04.',
    );
    const now = new Date(started.emulator.clock.now());
    const all = rows(started);
    expect(all.every((row) => (row[0] as Date).getTime() === now.getTime())).toBe(true);
    const month = (row: unknown[]) => isoOfDay(dayOfDate(row[1] as Date, TIME_ZONE));
    expect(all.slice(0, 6).map((row) => [month(row), ...row.slice(2)])).toEqual([
      // The Lead deal closing on Nov 20 is in November: this month, though overdue.
      ['2026-11-01', '', 0, 20_000, 0, 5_000, 15_500],
      ['2026-11-01', ANN, 0, 20_000, 0, 0, 15_000],
      ['2026-11-01', BOB, 0, 0, 0, 5_000, 500],
      ['2026-12-01', '', 0, 0, 0, 0, 0],
      ['2026-12-01', ANN, 0, 0, 0, 0, 0],
      ['2026-12-01', BOB, 0, 0, 0, 0, 0],
    ]);
    expect(all[6]?.slice(2)).toEqual(['', 0, 0, 10_000, 0, 5_000]);
    expect(started.emulator.spreadsheet.scriptRange(SHEET, 'B2').getDisplayValue()).toBe('2026-11');
  });

  it('writes no second snapshot the same day, and says so; the next day it does', () => {
    const started = pipeline();
    started.addon.run('takeForecastSnapshot');
    started.emulator.clock.advance(5 * HOUR);
    expect(started.addon.run('takeForecastSnapshot')).toMatchObject({ rows: 0 });
    expect(lastToast(started)).toBe(
      'A forecast snapshot was already taken today, at 09:00, so none was added: Forecast History keeps at most one a day.',
    );
    expect(rows(started)).toHaveLength(18);
    started.emulator.clock.advance(12 * HOUR);
    started.addon.run('takeForecastSnapshot');
    expect(takenDays(started)).toEqual(['2026-11-27', '2026-11-28']);
  });

  it('appends below the last row, growing a sheet that has no room left', () => {
    const started = pipeline();
    const sheet = started.emulator.spreadsheet.scriptSheet(SHEET);
    sheet.deleteRows(5, sheet.getMaxRows() - 5);
    started.addon.run('takeForecastSnapshot');
    started.emulator.clock.advance(24 * HOUR);
    started.addon.run('takeForecastSnapshot');
    expect(rows(started)).toHaveLength(36);
    expect(sheet.getMaxRows()).toBe(37);
    expect(takenDays(started)).toEqual(['2026-11-27', '2026-11-28']);
  });

  it('counts as the week’s snapshot: the reminder job the same week takes none', () => {
    const started = pipeline();
    started.addon.run('takeForecastSnapshot');
    started.emulator.clock.advance(24 * HOUR);
    fireReminderTrigger(started);
    expect(takenDays(started)).toEqual(['2026-11-27']);
    expect(started.emulator.host.mail.outbox.map((mail) => mail.to)).toEqual([BOB]);
  });
});

describe('a damaged Forecast History', () => {
  it('names a row with text in a number cell on the Summary, and the job goes on', () => {
    const started = pipeline();
    fireReminderTrigger(started);
    started.emulator.workbook.userSetValues(SHEET, 'H3', [['see notes']]);
    started.addon.run('refreshSummary');
    const summary = started.emulator.workbook.values('Summary').map((row) => row[0]);
    expect(summary).toContain(
      'Forecast History row 3: Weighted Forecast must be a number ≥ 0, not "see notes".',
    );
    started.emulator.clock.advance(3 * 24 * HOUR); // Monday
    fireReminderTrigger(started);
    expect(takenDays(started)).toEqual(['2026-11-27', '2026-11-30']);
    expect(started.emulator.host.mail.outbox.map((mail) => mail.to)).toEqual([BOB, BOB]);
  });

  it('deleted: the Summary says how to get it back, and the job creates it again, says so, and still reminds', () => {
    const started = pipeline();
    const { workbook } = started.emulator;
    workbook.removeSheet(workbook.sheet(SHEET));
    started.addon.run('refreshSummary');
    expect(workbook.values('Summary').map((row) => row[0])).toContain(
      'There is no Forecast History sheet, so no forecast can be compared. Run Deal Pipeline › Set up sheets to create it; a snapshot is then taken each week.',
    );
    fireReminderTrigger(started);
    expect(workbook.values(SHEET)[0]).toEqual(HEADER);
    expect(takenDays(started)).toEqual(['2026-11-27']);
    expect(workbook.sheet(SHEET).protections).toHaveLength(1);
    expect(logged).toContain(
      'Deal Pipeline: The Forecast History sheet was missing, so it was created again; the snapshots it held are not in it. Restore them from File › Version history if they are needed. Forecast snapshot taken: 18 rows in Forecast History, for the team and 2 owners, 2026-11 to 2027-04.',
    );
    expect(started.emulator.host.mail.outbox.map((mail) => mail.to)).toEqual([BOB]);
  });

  it('a snapshot that fails is logged, the reminders go out, and the next run takes it', () => {
    const started = pipeline();
    started.emulator.calls.beforeNext('Range.setNumberFormats', () => {
      throw new Error('Service Spreadsheets timed out while accessing document');
    });
    fireReminderTrigger(started);
    expect(rows(started)).toEqual([]);
    expect(logged).toContainEqual(
      expect.stringMatching(
        /^Deal Pipeline forecast snapshot not taken: Something went wrong: .*Service Spreadsheets timed out/,
      ),
    );
    expect(started.emulator.host.mail.outbox.map((mail) => mail.to)).toEqual([BOB]);
    started.emulator.clock.advance(24 * HOUR);
    fireReminderTrigger(started);
    expect(takenDays(started)).toEqual(['2026-11-28']);
  });
});

/** `count` deals over three owners, closing over the next year. */
function manyDeals(count: number): Addon {
  const started = startAddon();
  started.addon.run('setUpSheets');
  const stages = ['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'];
  started.emulator.workbook.userSetValues(
    'Deals',
    'A2',
    Array.from({ length: count }, (_, i) =>
      rowOf({
        ...deal(i + 1, { stage: stages[i % 6]!, lostReason: 'Price' }),
        id: `D-${String(i + 1).padStart(5, '0')}`,
        closeDate: new Date(Date.UTC(2026, 10, 1 + (i % 365), 12)),
      }),
    ),
  );
  return started;
}

function callsOf(started: Addon, action: () => void): Record<string, number> {
  started.emulator.calls.reset();
  action();
  return Object.fromEntries(
    Object.entries(started.emulator.calls.snapshot()).filter(([key]) => !key.startsWith('MailApp')),
  );
}

describe('calls flat in the number of deals', () => {
  it('the reminder job’s weekly snapshot makes the same spreadsheet calls for 1,000 deals as for 20,000', () => {
    const run = (count: number) => {
      const started = manyDeals(count);
      started.addon.run('installReminderTrigger');
      const calls = callsOf(started, () => fireReminderTrigger(started));
      expect(rows(started)).toHaveLength(6 * 4);
      return calls;
    };
    const small = run(1_000);
    expect(run(20_000)).toEqual(small);
    expect(small['Range.setValues']).toBe(1);
  }, 120_000);

  it('Take forecast snapshot makes the same spreadsheet calls for 1,000 deals as for 20,000', () => {
    const run = (count: number) => {
      const started = manyDeals(count);
      const calls = callsOf(started, () => started.addon.run('takeForecastSnapshot'));
      expect(rows(started)).toHaveLength(6 * 4);
      return calls;
    };
    const small = run(1_000);
    expect(run(20_000)).toEqual(small);
    expect(small['Range.setValues']).toBe(1);
    // Settings, Forecast History's header (no Taken to read yet), Deals' header and its columns.
    expect(small['Range.getValues']).toBe(4);
  }, 120_000);
});
