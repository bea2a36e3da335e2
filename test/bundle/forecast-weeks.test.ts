/**
 * Twelve weeks of the daily reminder job, fired by the emulator's clock: one forecast snapshot a
 * week however often the job runs or misses, a new Snapshot Day followed, and the Summary's
 * forecast accuracy worked out by hand from the snapshots of a small pipeline that closes in
 * those weeks.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { dayFromParts, dayOfDate, isoOfDay, startOfDay } from '../../src/core/dates';
import type { DealForm } from '../../src/core/sidebar/contract';
import { deal, startWithDeals } from './deals';
import type { Addon } from './harness';
import { startAddon, TIME_ZONE } from './harness';

const ANN = 'ann@team.example';
const BOB = 'bob@team.example';
const HANDLER = 'sendDailyReminders';
const HOUR = 3_600_000;

/** Sunday 2026-08-30, noon in Los Angeles. */
function pipeline(): Addon {
  const started = startAddon({ now: '2026-08-30T19:00:00Z' });
  startWithDeals(started, [
    deal(1, { owner: ANN, stage: 'Negotiation', amount: 20_000, closeDate: '2026-10-20' }),
    deal(2, { owner: BOB, stage: 'Proposal', amount: 10_000, closeDate: '2026-10-25' }),
    deal(3, { owner: ANN, stage: 'Qualified', amount: 40_000, closeDate: '2026-11-20' }),
    deal(4, { owner: BOB, stage: 'Lead', amount: 8_000, closeDate: '2026-11-05', followUp: '2026-09-15' }),
    deal(5, { owner: BOB, stage: 'Negotiation', amount: 5_000, closeDate: '2026-10-05' }),
  ]);
  started.addon.run('installReminderTrigger');
  return started;
}

function setSnapshotDay(started: Addon, value: string): void {
  const row = started.emulator.workbook.values('Settings').findIndex((cells) => cells[8] === 'Snapshot Day');
  started.emulator.workbook.userSetValues('Settings', `J${row + 1}`, [[value]]);
}

const move = (started: Addon, id: string, stage: string, fields: DealForm = {}) =>
  started.addon.run('moveDeal', id, stage, fields);
const update = (started: Addon, id: string, changes: DealForm) =>
  started.addon.run('updateDeal', id, changes);

/** What the team does after the day's run, by day. */
const EVENTS: Record<string, (started: Addon) => void> = {
  '2026-09-10': (s) => move(s, 'D-0003', 'Proposal'),
  '2026-10-01': (s) => move(s, 'D-0003', 'Negotiation'),
  '2026-10-05': (s) => move(s, 'D-0005', 'Closed Won', { closeDate: '2026-10-05' }),
  '2026-10-10': (s) => update(s, 'D-0002', { closeDate: '2026-11-15' }),
  '2026-10-13': (s) => setSnapshotDay(s, 'thu'),
  '2026-10-20': (s) => move(s, 'D-0001', 'Closed Won', { closeDate: '2026-10-20' }),
  '2026-10-24': (s) => {
    s.addon.run('takeForecastSnapshot');
    s.addon.run('takeForecastSnapshot'); // the same day: refused
  },
  '2026-11-02': (s) => move(s, 'D-0004', 'Closed Lost', { lostReason: 'Budget' }),
  '2026-11-09': (s) => move(s, 'D-0002', 'Negotiation'),
  '2026-11-16': (s) => move(s, 'D-0002', 'Closed Won', { closeDate: '2026-11-16' }),
  '2026-11-18': (s) => {
    update(s, 'D-0003', { amount: 36_000 });
    move(s, 'D-0003', 'Closed Won', { closeDate: '2026-11-18' });
  },
};

/** Days the job does not run (Mondays the Snapshot Day, a Tuesday, a Saturday, a Thursday once it is). */
const SKIPPED = new Set(['2026-09-14', '2026-09-26', '2026-10-05', '2026-10-06', '2026-11-12']);
/** Days it runs a second time in the afternoon. */
const TWICE = new Set(['2026-08-31', '2026-09-07', '2026-09-15', '2026-10-07', '2026-10-15', '2026-10-16']);

const snapshotDays = (started: Addon) => [
  ...new Set(
    started.emulator.workbook
      .values('Forecast History')
      .slice(1)
      .map((row) => isoOfDay(dayOfDate(row[0] as Date, TIME_ZONE))),
  ),
];

describe('twelve weeks of the reminder job and forecast snapshots', () => {
  let started: Addon;
  const mailsByDay: Record<string, string[]> = {};
  let firstRunAt = 0;

  beforeAll(() => {
    const quiet = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    started = pipeline();
    const { clock, host } = started.emulator;
    const first = dayFromParts(2026, 8, 31);
    for (let day = first; day < first + 84; day++) {
      const iso = isoOfDay(day);
      const before = host.mail.outbox.length;
      if (!SKIPPED.has(iso)) {
        const [due] = host.triggers.dueTimeTriggers(
          startOfDay(day, TIME_ZONE).getTime(),
          startOfDay(day + 1, TIME_ZONE).getTime(),
        );
        clock.set(due!.at);
        firstRunAt ||= due!.at;
        started.addon.run(HANDLER, { authMode: 'FULL', triggerUid: due!.triggerId });
        if (TWICE.has(iso)) {
          clock.set(startOfDay(day, TIME_ZONE).getTime() + 14 * HOUR);
          started.addon.run(HANDLER, { authMode: 'FULL', triggerUid: due!.triggerId });
        }
      }
      mailsByDay[iso] = host.mail.outbox.slice(before).map((mail) => mail.to);
      clock.set(startOfDay(day, TIME_ZONE).getTime() + 16 * HOUR);
      EVENTS[iso]?.(started);
    }
    quiet.mockRestore();
  }, 120_000);

  it('takes one snapshot a week: on the Snapshot Day, or the next run when that day had none; the menu’s beside it', () => {
    expect(snapshotDays(started)).toEqual([
      '2026-08-31',
      '2026-09-07',
      '2026-09-15', // Monday skipped
      '2026-09-21',
      '2026-09-28',
      '2026-10-07', // Monday and Tuesday skipped
      '2026-10-12',
      '2026-10-15', // Snapshot Day Thursday from Oct 13
      '2026-10-22',
      '2026-10-24', // from the menu, on a Saturday
      '2026-10-29',
      '2026-11-05',
      '2026-11-13', // Thursday skipped
      '2026-11-19',
    ]);
  });

  it('writes each snapshot whole, for the team and both owners over six months, at the run’s time', () => {
    const rows = started.emulator.workbook.values('Forecast History').slice(1);
    expect(rows).toHaveLength(14 * 6 * 3);
    const taken = rows.map((row) => (row[0] as Date).getTime());
    expect(new Set(taken).size).toBe(14);
    expect(taken[0]).toBe(firstRunAt);
  });

  it('keeps reminding every day it runs, one digest per owner a day, none on the days it does not run', () => {
    for (const [iso, to] of Object.entries(mailsByDay)) {
      expect(new Set(to).size, iso).toBe(to.length);
      if (SKIPPED.has(iso)) expect(to, iso).toEqual([]);
    }
    expect(mailsByDay['2026-09-16']).toContain(BOB);
  });

  it('shows on the Summary what was forecast for October and November against what was won, by hand', () => {
    started.emulator.clock.set(Date.parse('2026-12-01T17:00:00Z'));
    started.addon.run('refreshSummary');
    const values = started.emulator.workbook.values('Summary');
    const header = values.findIndex((row) => row[0] === 'Month' && row[1] === 'Owner');
    const row = (month: string, owner: string) =>
      values
        .slice(header + 1, header + 19)
        .find((line) => line[0] === month && line[1] === owner)!
        .slice(2, 9);
    const none = '—';
    // October 1: 4 weeks before is Sep 3, nearest snapshot Aug 31 (Sep 7 is a day further).
    // Forecast then: D-1 20,000 × 0.75 + D-2 10,000 × 0.5 + D-5 5,000 × 0.75. Won: D-1 and D-5.
    expect(row('2026-10', 'Team')).toEqual([none, none, 23_750, 25_000, none, none, 0.95]);
    expect(row('2026-10', ANN)).toEqual([none, none, 15_000, 20_000, none, none, 0.75]);
    expect(row('2026-10', BOB)).toEqual([none, none, 8_750, 5_000, none, none, 0.25]);
    // November 1: 8 weeks before is Sep 6 (snapshot Sep 7: D-3 40,000 × 0.25 + D-4 8,000 × 0.1);
    // 4 weeks before is Oct 4 (snapshot Oct 7, not Sep 28: D-3 × 0.75 since Oct 1, D-4, D-2 still
    // in October). Won: D-2 10,000 and D-3 at 36,000.
    const nov = (owner: string) => row('2026-11', owner);
    expect(nov('Team').slice(0, 4)).toEqual([none, 10_800, 30_800, 46_000]);
    expect(nov('Team')[5]).toBeCloseTo(1 - 35_200 / 46_000, 10);
    expect(nov('Team')[6]).toBeCloseTo(1 - 15_200 / 46_000, 10);
    expect(nov(ANN).slice(0, 4)).toEqual([none, 10_000, 30_000, 36_000]);
    expect(nov(ANN)[5]).toBeCloseTo(1 - 26_000 / 36_000, 10);
    expect(nov(ANN)[6]).toBeCloseTo(1 - 6_000 / 36_000, 10);
    expect(nov(BOB).slice(0, 5)).toEqual([none, 800, 800, 10_000, none]);
    expect(nov(BOB)[5]).toBeCloseTo(1 - 9_200 / 10_000, 10);
    expect(nov(BOB)[6]).toBeCloseTo(1 - 9_200 / 10_000, 10);
    // Nothing was won in June to September: no accuracy, and no snapshot that early.
    for (const month of ['2026-06', '2026-07', '2026-08', '2026-09'])
      expect(row(month, 'Team')).toEqual([none, none, none, 0, none, none, none]);
  });

  it('draws the team’s forecast 4 weeks before against actual won as a line chart', () => {
    const charts = started.emulator.spreadsheet.scriptSheet('Summary').getCharts();
    const line = charts.find((chart) => chart.getType() === 'LINE')!;
    expect(line.getOptions().get('title')).toBe('Team forecast 4 weeks before vs actual won');
    expect(line.getRanges().map((range) => range.getValues().map((cells) => cells.join('|')))).toEqual([
      ['Month', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'],
      ['Forecast 4 weeks before|Actual won', '—|0', '—|0', '—|0', '—|0', '23750|25000', '30800|46000'],
    ]);
  });
});
