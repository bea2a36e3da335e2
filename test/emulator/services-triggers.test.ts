import { describe, expect, it } from 'vitest';

import { CallCounter } from '../../local/emulator/calls.js';
import { Clock } from '../../local/emulator/clock.js';
import {
  ADDON_TIME_TRIGGER_MESSAGE,
  createServices,
  minuteOffset,
  TOO_MANY_TRIGGERS_MESSAGE,
} from '../../local/emulator/services/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function make(options: { addon?: boolean; start?: string } = {}) {
  const calls = new CallCounter();
  const clock = new Clock(Date.parse(options.start ?? '2025-03-05T20:00:00Z'));
  const services = createServices({
    calls,
    clock,
    timeZone: () => 'America/Los_Angeles',
    addon: options.addon,
  });
  return { calls, clock, ...services };
}

describe('ScriptApp triggers', () => {
  it('creates a daily trigger and reports what Apps Script reports', () => {
    const { globals } = make();
    const S = globals.ScriptApp;
    const t = S.newTrigger('sendDailyReminders').timeBased().atHour(8).everyDays(1).create();
    expect(t.getHandlerFunction()).toBe('sendDailyReminders');
    expect(t.getEventType()).toBe(S.EventType.CLOCK);
    expect(t.getTriggerSource()).toBe(S.TriggerSource.CLOCK);
    expect(t.getTriggerSourceId()).toBeNull();
    expect(S.getProjectTriggers().map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
  });

  it('a daily trigger at hour 8 fires once per day in its time zone', () => {
    const { globals, host, clock } = make();
    const t = globals.ScriptApp.newTrigger('job').timeBased().atHour(8).everyDays(1).create();
    const minute = minuteOffset(t.getUniqueId());
    // Mar 6 .. Mar 12 (DST starts Mar 9): always 08:MM Los Angeles time.
    const due = host.triggers.dueTimeTriggers(clock.now(), clock.now() + 7 * DAY);
    expect(due).toHaveLength(7);
    const fmt = (ms: number) =>
      globals.Utilities.formatDate(new Date(ms), 'America/Los_Angeles', 'MM-dd HH:mm');
    const mm = String(minute).padStart(2, '0');
    expect(due.map((d) => fmt(d.at))).toEqual(
      ['03-06', '03-07', '03-08', '03-09', '03-10', '03-11', '03-12'].map((d) => `${d} 08:${mm}`),
    );
    expect(new Set(due.map((d) => d.handlerFunction))).toEqual(new Set(['job']));
  });

  it('honours inTimezone and nearMinute', () => {
    const { globals, host, clock } = make();
    globals.ScriptApp.newTrigger('job')
      .timeBased()
      .inTimezone('Asia/Tokyo')
      .atHour(9)
      .nearMinute(30)
      .everyDays(1)
      .create();
    const due = host.triggers.dueTimeTriggers(clock.now(), clock.now() + DAY);
    expect(due.map((d) => new Date(d.at).toISOString())).toEqual(['2025-03-06T00:30:00.000Z']);
  });

  it('a trigger does not fire before it was created', () => {
    const { globals, host, clock } = make();
    globals.ScriptApp.newTrigger('job').timeBased().everyHours(1).nearMinute(0).create();
    expect(host.triggers.dueTimeTriggers(clock.now() - 5 * HOUR, clock.now())).toEqual([]);
    // Created at 20:00:00 exactly: the 20:00 slot is not after creation, so 21, 22, 23 o'clock.
    const due = host.triggers.dueTimeTriggers(clock.now(), clock.now() + 3 * HOUR + 1);
    expect(due.map((d) => (d.at - clock.now()) / HOUR)).toEqual([1, 2, 3]);
  });

  it('a one-off after() trigger fires once', () => {
    const { globals, host, clock } = make({ addon: false });
    globals.ScriptApp.newTrigger('later')
      .timeBased()
      .after(10 * 60_000)
      .create();
    const due = host.triggers.dueTimeTriggers(clock.now(), clock.now() + DAY);
    expect(due.map((d) => d.at - clock.now())).toEqual([10 * 60_000]);
  });

  it('deleteTrigger removes the trigger', () => {
    const { globals, host } = make();
    const S = globals.ScriptApp;
    S.newTrigger('job').timeBased().atHour(8).everyDays(1).create();
    for (const t of S.getProjectTriggers()) S.deleteTrigger(t);
    expect(S.getProjectTriggers()).toHaveLength(0);
    expect(host.triggers.triggers).toHaveLength(0);
  });

  it('an add-on may hold one time-based trigger per user per document', () => {
    const { globals } = make();
    const S = globals.ScriptApp;
    S.newTrigger('a').timeBased().atHour(8).everyDays(1).create();
    expect(() => S.newTrigger('b').timeBased().atHour(9).everyDays(1).create()).toThrow(
      ADDON_TIME_TRIGGER_MESSAGE,
    );
  });

  it('an add-on may not run a time trigger more often than hourly', () => {
    const { globals } = make();
    expect(() => globals.ScriptApp.newTrigger('a').timeBased().everyMinutes(5).create()).toThrow(
      /once per hour/,
    );
  });

  it("the 21st trigger of a user throws Apps Script's too-many-triggers error", () => {
    const { globals, host } = make({ addon: false });
    const S = globals.ScriptApp;
    for (let i = 0; i < 20; i++) S.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(() => S.newTrigger('f20').timeBased().everyHours(1).create()).toThrow(TOO_MANY_TRIGGERS_MESSAGE);
    host.session.setUser('other@example.com');
    expect(() => S.newTrigger('f20').timeBased().everyHours(1).create()).not.toThrow();
    expect(S.getProjectTriggers()).toHaveLength(1);
  });

  it('records installable spreadsheet triggers and finds them with getUserTriggers', () => {
    const { globals } = make();
    const S = globals.ScriptApp;
    const ss = { getId: () => 'spreadsheet-1' };
    const t = S.newTrigger('onEditInstalled').forSpreadsheet(ss).onEdit().create();
    expect([t.getEventType(), t.getTriggerSource(), t.getTriggerSourceId()]).toEqual([
      'ON_EDIT',
      'SPREADSHEETS',
      'spreadsheet-1',
    ]);
    S.newTrigger('job').timeBased().atHour(8).everyDays(1).create();
    expect(S.getUserTriggers(ss)).toHaveLength(2);
    expect(S.getUserTriggers({ getId: () => 'other' })).toHaveLength(0);
  });

  it('validates everyMinutes values', () => {
    const { globals } = make({ addon: false });
    expect(() => globals.ScriptApp.newTrigger('a').timeBased().everyMinutes(7)).toThrow(/everyMinutes/);
  });

  it('counts the builder chain as separate calls', () => {
    const { globals, calls } = make();
    globals.ScriptApp.newTrigger('job').timeBased().atHour(8).everyDays(1).create();
    expect(calls.snapshot()).toMatchObject({
      'ScriptApp.newTrigger': 1,
      'TriggerBuilder.timeBased': 1,
      'ClockTriggerBuilder.atHour': 1,
      'ClockTriggerBuilder.everyDays': 1,
      'ClockTriggerBuilder.create': 1,
    });
  });
});
