/**
 * The reminder trigger: installed once however often, removed, and fired by the emulator's clock
 * day after day across a daylight-saving change, with one digest per owner per day.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { dayFromParts, isoOfDay, startOfDay } from '../../src/core/dates';
import { col, deal, startWithDeals } from './deals';
import type { Addon } from './harness';
import { startAddon, TIME_ZONE } from './harness';

const ANN = 'ann@team.example';
const BOB = 'bob@team.example';
const CAT = 'cat@team.example';
const HANDLER = 'sendDailyReminders';

beforeEach(() => {
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

function setOption(started: Addon, name: string, value: string | number): void {
  const row = started.emulator.workbook.values('Settings').findIndex((cells) => cells[8] === name);
  started.emulator.workbook.userSetValues('Settings', `J${row + 1}`, [[value]]);
}

function run(started: Addon, name: string): string {
  started.addon.run(name);
  return started.emulator.host.ui.alerts.at(-1)?.prompt ?? '';
}

const reminderTriggers = (started: Addon) => started.emulator.host.triggers.forHandler(HANDLER);

/** The local hour of an instant in the spreadsheet's time zone. */
function localHour(ms: number): number {
  return Number(
    new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, hour: 'numeric', hourCycle: 'h23' }).format(ms),
  );
}

describe('installReminderTrigger', () => {
  it('installs exactly one daily trigger at the Reminder Hour, in the spreadsheet time zone, however often', () => {
    const started = startAddon();
    startWithDeals(started, []);
    run(started, 'installReminderTrigger');
    const message = run(started, 'installReminderTrigger');
    const triggers = reminderTriggers(started);
    expect(triggers).toHaveLength(1);
    expect(triggers[0]?.timeZone).toBe(TIME_ZONE);
    expect(triggers[0]?.schedule).toMatchObject({ kind: 'days', every: 1, hour: 8 });
    expect(message).toContain('between 08:00 and 09:00 (America/Los_Angeles)');
    expect(message).toContain('sent from owner@example.com');
    expect(message).toContain('replaces the reminder trigger you had installed before');
  });

  it('takes a new Reminder Hour when installed again', () => {
    const started = startAddon();
    startWithDeals(started, []);
    run(started, 'installReminderTrigger');
    setOption(started, 'Reminder Hour', 17);
    expect(run(started, 'installReminderTrigger')).toContain('between 17:00 and 18:00');
    expect(reminderTriggers(started).map((t) => t.schedule)).toEqual([
      expect.objectContaining({ kind: 'days', hour: 17 }),
    ]);
  });

  it('finds its trigger by the ID it kept where getUserTriggers leaves clock triggers out', () => {
    const started = startAddon();
    startWithDeals(started, []);
    const scriptApp = started.emulator.services.globals.ScriptApp as unknown as Record<string, unknown>;
    scriptApp.getUserTriggers = () => [];
    run(started, 'installReminderTrigger');
    expect(run(started, 'installReminderTrigger')).toContain('Daily reminders are on');
    expect(reminderTriggers(started)).toHaveLength(1);
    run(started, 'removeReminderTrigger');
    expect(reminderTriggers(started)).toEqual([]);
  });

  it("leaves another editor's trigger alone: each account has its own", () => {
    const started = startAddon();
    startWithDeals(started, []);
    started.emulator.host.session.setUser('rep@team.example');
    run(started, 'installReminderTrigger');
    started.emulator.host.session.setUser('owner@example.com');
    run(started, 'installReminderTrigger');
    run(started, 'installReminderTrigger');
    expect(
      reminderTriggers(started)
        .map((t) => t.owner)
        .sort(),
    ).toEqual(['owner@example.com', 'rep@team.example']);
    run(started, 'removeReminderTrigger');
    expect(reminderTriggers(started).map((t) => t.owner)).toEqual(['rep@team.example']);
  });
});

describe('removeReminderTrigger', () => {
  it('leaves none, and says so', () => {
    const started = startAddon();
    startWithDeals(started, []);
    run(started, 'installReminderTrigger');
    expect(run(started, 'removeReminderTrigger')).toContain('Daily reminders are off');
    expect(reminderTriggers(started)).toEqual([]);
    expect(run(started, 'removeReminderTrigger')).toContain('has no reminder trigger in this spreadsheet');
  });
});

describe('two weeks of daily reminders across the end of daylight saving time', () => {
  /**
   * Follow-ups (Reminder Lead Days 1, so each is announced the day before too):
   * Ann: Oct 27 (done that day) and Nov 3 (done that day). Bob: Oct 30, ignored until Nov 2.
   * Cat: a deal that turns stale on Nov 5 (Lead: stale after 14 days), touched on Nov 6.
   */
  const expected: Record<string, string[]> = {
    '2026-10-26': [ANN],
    '2026-10-27': [ANN],
    '2026-10-28': [],
    '2026-10-29': [BOB],
    '2026-10-30': [BOB],
    '2026-10-31': [BOB],
    '2026-11-01': [BOB], // clocks go back at 02:00
    '2026-11-02': [ANN, BOB],
    '2026-11-03': [ANN],
    '2026-11-04': [],
    '2026-11-05': [CAT],
    '2026-11-06': [CAT],
    '2026-11-07': [],
    '2026-11-08': [],
  };

  it.each([8, 23])(
    'each owner with something due gets exactly one digest a day at %i:00, the others none',
    (hour) => {
      const started = startAddon({ now: '2026-10-25T19:00:00Z' }); // Sunday, 12:00 in Los Angeles
      startWithDeals(started, [
        deal(1, { owner: ANN, followUp: '2026-10-27' }),
        deal(2, { owner: ANN, followUp: '2026-11-03' }),
        deal(3, { owner: BOB, followUp: '2026-10-30' }),
        deal(4, { owner: CAT }),
        deal(5, { owner: CAT, followUp: '2026-11-20' }),
      ]);
      started.emulator.workbook.userSetValues('Deals', `${col('stageSince')}5`, [
        [new Date('2026-10-21T17:00:00Z')],
      ]);
      setOption(started, 'Reminder Lead Days', 1);
      setOption(started, 'Reminder Hour', hour);
      run(started, 'installReminderTrigger');

      const edit = (row: number, key: Parameters<typeof col>[0], value: string) =>
        started.addon.edit('Deals', `${col(key)}${row}`, [[value]]);
      const afterTheDigests: Record<string, () => void> = {
        '2026-10-27': () => edit(2, 'followUp', ''),
        '2026-11-02': () => edit(4, 'followUp', ''),
        '2026-11-03': () => edit(3, 'followUp', ''),
        '2026-11-06': () => edit(5, 'lastContact', '2026-11-06'),
      };

      const { clock, host } = started.emulator;
      const received: Record<string, string[]> = {};
      const first = dayFromParts(2026, 10, 26);
      for (let day = first; day < first + 14; day++) {
        const iso = isoOfDay(day);
        const due = host.triggers.dueTimeTriggers(
          startOfDay(day, TIME_ZONE).getTime(),
          startOfDay(day + 1, TIME_ZONE).getTime(),
        );
        expect(due.map((d) => d.handlerFunction)).toEqual([HANDLER]);
        expect(localHour(due[0]!.at)).toBe(hour);
        const before = host.mail.outbox.length;
        clock.set(due[0]!.at);
        started.addon.run(HANDLER, { authMode: 'FULL', triggerUid: due[0]!.triggerId });
        received[iso] = host.mail.outbox
          .slice(before)
          .map((mail) => mail.to)
          .sort();

        clock.advance(10 * 60_000);
        run(started, 'sendRemindersNow'); // a second run the same day sends nothing new
        expect(host.mail.outbox.length - before).toBe(received[iso].length);
        afterTheDigests[iso]?.();
      }
      expect(received).toEqual(expected);
      const bobOnNov2 = host.mail.outbox.filter((mail) => mail.to === BOB)[4];
      expect(bobOnNov2?.body).toContain('3 days overdue');
    },
  );
});
