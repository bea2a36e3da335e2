/**
 * Reminders from an editor add-on's clock trigger (issue 9 §3): no active spreadsheet, no
 * document properties or lock; the trigger finds its spreadsheet by what "Turn on daily reminders"
 * recorded, and it and "Send reminders now" never both send one owner's digest.
 */
import { describe, expect, it } from 'vitest';

import { deal, startWithDeals } from './deals';
import type { Addon } from './harness';
import { captureExecutionLog, fireReminderTrigger, startAddon } from './harness';

const ANN = 'ann@team.example';
const BOB = 'bob@team.example';
const SPREADSHEET_OF = 'dealPipeline.reminderSpreadsheet.';

const logged = captureExecutionLog();

/** Ann and Bob each have a follow-up due today. */
function team(): Addon {
  const started = startAddon();
  startWithDeals(started, [
    deal(1, { owner: ANN, followUp: '2026-11-27' }),
    deal(2, { owner: BOB, followUp: '2026-11-26' }),
  ]);
  return started;
}

const recipients = (started: Addon) => started.emulator.host.mail.outbox.map((mail) => mail.to).sort();
const userProperties = (started: Addon) =>
  started.emulator.host.properties.user('owner@example.com').snapshot();
const reminderTriggers = (started: Addon) => started.emulator.host.triggers.forHandler('sendDailyReminders');

describe('the reminder trigger as an editor add-on runs it', () => {
  it('records which spreadsheet the trigger serves, by the trigger’s unique ID, and forgets it on removal', () => {
    const started = team();
    started.addon.run('installReminderTrigger');
    const [trigger] = reminderTriggers(started);
    expect(userProperties(started)[SPREADSHEET_OF + trigger!.uniqueId]).toBe(started.emulator.workbook.id);
    started.addon.run('installReminderTrigger');
    const [again] = reminderTriggers(started);
    expect(Object.keys(userProperties(started)).filter((key) => key.startsWith(SPREADSHEET_OF))).toEqual([
      SPREADSHEET_OF + again!.uniqueId,
    ]);
    started.addon.run('removeReminderTrigger');
    expect(reminderTriggers(started)).toEqual([]);
    expect(Object.keys(userProperties(started)).filter((key) => key.startsWith(SPREADSHEET_OF))).toEqual([]);
  });

  it('runs the whole flow with no active spreadsheet and the manifest’s own scopes', () => {
    const started = team();
    started.addon.run('installReminderTrigger');
    const { host, clock } = started.emulator;
    const due = host.triggers.dueTimeTriggers(clock.now(), clock.now() + 86_400_000);
    expect(due.map((d) => d.handlerFunction)).toEqual(['sendDailyReminders']);
    clock.set(due[0]!.at);
    started.emulator.calls.reset();
    started.addon.run('sendDailyReminders', { authMode: 'FULL', triggerUid: due[0]!.triggerId });
    expect(recipients(started)).toEqual([ANN, BOB]);
    expect(started.emulator.calls.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
    expect(started.emulator.calls.count('SpreadsheetApp.openById')).toBe(1);
    expect(logged).toEqual([
      'Deal Pipeline: Forecast snapshot taken: 18 rows in Forecast History, for the team and 2 owners, 2026-11 to 2027-04.',
      `Deal Pipeline reminders: Sent 2 digests: ${ANN}, ${BOB}. The Reminder Log sheet has a row for each digest.`,
    ]);
  });

  it('removes a trigger whose spreadsheet is deleted or no longer shared, and says so in the log', () => {
    const started = team();
    started.addon.run('installReminderTrigger');
    const [trigger] = reminderTriggers(started);
    started.emulator.workbook.id = 'a-spreadsheet-that-is-gone';
    fireReminderTrigger(started);
    expect(recipients(started)).toEqual([]);
    expect(reminderTriggers(started).map((t) => t.uniqueId)).not.toContain(trigger!.uniqueId);
    expect(userProperties(started)[SPREADSHEET_OF + trigger!.uniqueId]).toBeUndefined();
    expect(logged.join('\n')).toContain('is deleted or no longer shared with owner@example.com');
  });

  it('removes a trigger nobody recorded a spreadsheet for', () => {
    const started = team();
    started.addon.run('installReminderTrigger');
    const [trigger] = reminderTriggers(started);
    started.emulator.host.properties.user('owner@example.com').map.clear();
    started.addon.run('sendDailyReminders', { authMode: 'FULL', triggerUid: trigger!.uniqueId });
    expect(recipients(started)).toEqual([]);
    expect(reminderTriggers(started)).toEqual([]);
    expect(logged.at(-1)).toContain(`no spreadsheet is recorded for reminder trigger ${trigger!.uniqueId}`);
  });

  it('keeps working as a bound script’s trigger, with its spreadsheet active', () => {
    const started = team();
    started.addon.runIn('bound-clock-trigger', 'sendDailyReminders', { authMode: 'FULL', triggerUid: 'x' });
    expect(recipients(started)).toEqual([ANN, BOB]);
  });
});

describe('the trigger and "Send reminders now" never both send one owner’s digest', () => {
  it('"Send reminders now" while the trigger sends: it sees the trigger’s claims', () => {
    const started = team();
    started.addon.run('installReminderTrigger');
    const { mail } = started.emulator.host;
    mail.onSend = () => {
      mail.onSend = null;
      started.addon.run('sendRemindersNow');
    };
    fireReminderTrigger(started);
    expect(recipients(started)).toEqual([ANN, BOB]);
    expect(started.emulator.host.ui.alerts.at(-1)?.prompt).toContain(
      'Already handled today, so not sent again',
    );
  });

  it('the trigger while "Send reminders now" sends: it sees the menu’s claims', () => {
    const started = team();
    started.addon.run('installReminderTrigger');
    const { mail } = started.emulator.host;
    mail.onSend = () => {
      mail.onSend = null;
      fireReminderTrigger(started);
    };
    started.addon.run('sendRemindersNow');
    expect(recipients(started)).toEqual([ANN, BOB]);
    expect(logged.at(-1)).toContain('Already handled today, so not sent again');
  });

  it('both take the one lock every context has: the script lock, never the document lock', () => {
    const started = team();
    started.addon.run('installReminderTrigger');
    const { locks } = started.emulator.host;
    // The trigger is claiming (it holds the script lock): the menu waits, then says try again.
    locks.holdElsewhere('script');
    started.addon.run('sendRemindersNow');
    expect(started.emulator.host.ui.alerts.at(-1)?.prompt).toBe(
      'Another Deal Pipeline update is running. Please try again in a moment.',
    );
    expect(recipients(started)).toEqual([]);
    // The menu run is claiming: the trigger waits too, and sends nothing.
    fireReminderTrigger(started);
    expect(recipients(started)).toEqual([]);
    locks.releaseElsewhere('script');
    // An edit holding the document lock does not hold the job up.
    locks.holdElsewhere('document');
    const before = locks.events.length;
    fireReminderTrigger(started);
    expect(recipients(started)).toEqual([ANN, BOB]);
    expect(locks.events.slice(before).map((e) => `${e.op} ${e.scope}`)).toEqual([
      'tryLock script',
      'releaseLock script',
      'tryLock script',
      'releaseLock script',
    ]);
  });
});
