/**
 * The Reminder Log when people touch it: a renamed or repeated header stops the job before it
 * sends (never a second digest), a missing or emptied log holds the day, the mail quota keeps one
 * row per owner per day, and a user's own colour survives the validation marks.
 * "Today" is 2026-11-27 in America/Los_Angeles (see harness.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { MARK_COLORS } from '../fixtures/mark-colors';
import { col, deal, startWithDeals } from './deals';
import type { Addon } from './harness';
import { fireReminderTrigger, startAddon } from './harness';

const ANN = 'ann@team.example';
const BOB = 'bob@team.example';
const CAT = 'cat@team.example';
const DAY_MS = 86_400_000;
const TODAY = new Date('2026-11-27T08:00:00.000Z');

let errors: string[] = [];
beforeEach(() => {
  errors = [];
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

/** Each owner has a follow-up due today. */
function due(owners: string[]): Addon {
  const started = startAddon();
  startWithDeals(
    started,
    owners.map((owner, i) => deal(i + 1, { owner, followUp: '2026-11-27' })),
  );
  return started;
}

interface Run {
  logProblem: string | null;
  sent: string[];
}

function sendNow(started: Addon): { run: Run; alert: string } {
  const run = started.addon.run('sendRemindersNow') as Run;
  return { run, alert: started.emulator.host.ui.alerts.at(-1)?.prompt ?? '' };
}

function runTrigger(started: Addon): void {
  fireReminderTrigger(started);
}

function setUp(started: Addon): string[] {
  return (started.addon.run('setUpSheets') as { repaired: string[] }).repaired;
}

const recipients = (started: Addon) => started.emulator.host.mail.outbox.map((mail) => mail.to);
const logValues = (started: Addon) => started.emulator.workbook.values('Reminder Log');
/** [Owner, Status] of each log row, in the default layout. */
const statuses = (started: Addon) =>
  logValues(started)
    .slice(1)
    .map((row) => [row[1], row[3]]);
const typeInLog = (started: Addon, a1: string, text: string) =>
  started.emulator.workbook.userSetValues('Reminder Log', a1, [[text]]);

const OWNER_RENAMED =
  'No reminder was sent: the Reminder Log is how Deal Pipeline knows who already got today\'s digest, and it cannot be read. Row 1 of the Reminder Log has no "Owner" header: type it back over its column. Set up sheets adds no new, empty "Owner" column to a log that has rows: the rows there could no longer be read, and today\'s digests would go again.';

describe('a Reminder Log whose header was changed', () => {
  it('Owner renamed: a same-day rerun sends no second digest, writes nothing, and says why', () => {
    const started = due([ANN, BOB]);
    runTrigger(started);
    expect(recipients(started)).toEqual([ANN, BOB]);
    typeInLog(started, 'B1', 'Salesperson');
    const before = logValues(started);

    const { run, alert } = sendNow(started);
    expect(recipients(started)).toEqual([ANN, BOB]);
    expect(logValues(started)).toEqual(before);
    expect(alert).toBe(OWNER_RENAMED);
    expect(run.logProblem).toBe(OWNER_RENAMED);
    expect(run.sent).toEqual([]);

    runTrigger(started);
    expect(recipients(started)).toEqual([ANN, BOB]);
    expect(errors).toEqual([
      `Deal Pipeline reminders: ${OWNER_RENAMED}`,
      `Deal Pipeline reminders: ${OWNER_RENAMED}`,
    ]);
  });

  it('Set up sheets then adds no empty Owner column and says so; renamed back, the day stays settled', () => {
    const started = due([ANN, BOB]);
    runTrigger(started);
    typeInLog(started, 'B1', 'Salesperson');
    const repaired = setUp(started);
    expect(logValues(started)[0]).toEqual(['Date', 'Salesperson', 'Deals', 'Status', 'Detail']);
    expect(repaired).toContain(
      'Reminder Log: not repaired. Row 1 of the Reminder Log has no "Owner" header: type it back over its column. Set up sheets adds no new, empty "Owner" column to a log that has rows: the rows there could no longer be read, and today\'s digests would go again.',
    );
    expect(sendNow(started).alert).toBe(OWNER_RENAMED);

    typeInLog(started, 'B1', 'owner ');
    expect(sendNow(started).alert).toContain(`Already handled today, so not sent again: ${ANN}, ${BOB}.`);
    expect(recipients(started)).toEqual([ANN, BOB]);
    expect(statuses(started)).toEqual([
      [ANN, 'sent'],
      [BOB, 'sent'],
    ]);
  });

  it('Detail renamed: Set up sheets may add it back, and the claims still hold', () => {
    const started = due([ANN]);
    runTrigger(started);
    typeInLog(started, 'E1', 'Notes');
    expect(sendNow(started).alert).toContain(
      'Row 1 of the Reminder Log has no "Detail" header: type it back over its column, or run Deal Pipeline › Set up sheets to add it.',
    );
    expect(setUp(started)).toContain('Reminder Log: added the column Detail');
    expect(logValues(started)[0]).toEqual(['Date', 'Owner', 'Deals', 'Status', 'Notes', 'Detail']);
    expect(sendNow(started).alert).toContain(`Already handled today, so not sent again: ${ANN}.`);
    expect(recipients(started)).toEqual([ANN]);
  });

  it('a second Owner column: nothing is sent until one is renamed', () => {
    const started = due([ANN]);
    runTrigger(started);
    typeInLog(started, 'F1', 'Owner');
    expect(sendNow(started).alert).toBe(
      'No reminder was sent: the Reminder Log is how Deal Pipeline knows who already got today\'s digest, and it cannot be read. "Owner" heads columns B and F of the Reminder Log: keep one and rename the other.',
    );
    expect(recipients(started)).toEqual([ANN]);
  });

  it('an emptied log is started afresh and holds the day, like a deleted one', () => {
    const started = due([ANN, BOB]);
    runTrigger(started);
    started.emulator.workbook.userSetValues('Reminder Log', 'A1', [
      ['', '', '', '', ''],
      ['', '', '', '', ''],
      ['', '', '', '', ''],
    ]);
    const { run, alert } = sendNow(started);
    expect(recipients(started)).toEqual([ANN, BOB]);
    expect(alert).toBe(
      "No reminder was sent today: the Reminder Log sheet was missing or empty, so Deal Pipeline could not tell who had already got today's digest. It started a new Reminder Log that lists them as not sent; tomorrow's run sends as usual.",
    );
    expect(run.logProblem).toBe(alert);
    expect(logValues(started)).toEqual([
      ['Date', 'Owner', 'Deals', 'Status', 'Detail'],
      [
        TODAY,
        ANN,
        'D-0001',
        'failed',
        expect.stringContaining('Not sent: the Reminder Log was missing or empty'),
      ],
      [
        TODAY,
        BOB,
        'D-0002',
        'failed',
        expect.stringContaining('Not sent: the Reminder Log was missing or empty'),
      ],
    ]);
    runTrigger(started);
    expect(recipients(started)).toEqual([ANN, BOB]);
  });
});

describe('the mail quota at zero', () => {
  it('five runs a day log one deferred row per owner, written once', () => {
    const started = due([ANN, BOB, CAT]);
    started.emulator.host.mail.setRemaining(0);
    runTrigger(started);
    const first = logValues(started);
    started.emulator.calls.reset();
    for (let run = 0; run < 4; run++) {
      started.emulator.clock.advance(3_600_000);
      runTrigger(started);
    }
    expect(recipients(started)).toEqual([]);
    expect(statuses(started)).toEqual([
      [ANN, 'deferred'],
      [BOB, 'deferred'],
      [CAT, 'deferred'],
    ]);
    expect(logValues(started)).toEqual(first);
    expect(started.emulator.calls.count('Range.setValues')).toBe(0);
  });

  it('when the quota returns the same day, each deferred row becomes sent; the next day gets its own rows', () => {
    const started = due([ANN, BOB, CAT]);
    started.emulator.host.mail.setRemaining(1);
    runTrigger(started);
    expect(statuses(started)).toEqual([
      [ANN, 'sent'],
      [BOB, 'deferred'],
      [CAT, 'deferred'],
    ]);
    runTrigger(started); // quota 0 now
    started.emulator.host.mail.setRemaining(1);
    runTrigger(started);
    expect(statuses(started)).toEqual([
      [ANN, 'sent'],
      [BOB, 'sent'],
      [CAT, 'deferred'],
    ]);
    expect(logValues(started)[3]?.[4]).toBe(
      'The daily mail quota is used up (1 left when the run began); goes with the next run.',
    );
    started.emulator.host.mail.setRemaining(5);
    runTrigger(started);
    expect(recipients(started)).toEqual([ANN, BOB, CAT]);
    expect(logValues(started).slice(1)).toEqual([
      [TODAY, ANN, 'D-0001', 'sent', '1 follow-up due'],
      [TODAY, BOB, 'D-0002', 'sent', '1 follow-up due'],
      [TODAY, CAT, 'D-0003', 'sent', '1 follow-up due'],
    ]);

    started.emulator.clock.advance(DAY_MS);
    started.emulator.host.mail.setRemaining(0);
    runTrigger(started);
    runTrigger(started);
    expect(statuses(started).slice(3)).toEqual([
      [ANN, 'deferred'],
      [BOB, 'deferred'],
      [CAT, 'deferred'],
    ]);
  });

  it('a deferred row written over keeps its place when someone deletes a row meanwhile: the outcome is appended', () => {
    const started = due([ANN, BOB]);
    runTrigger(started);
    started.emulator.clock.advance(DAY_MS);
    started.emulator.host.mail.setRemaining(0);
    runTrigger(started);
    started.emulator.host.mail.setRemaining(10);
    started.emulator.host.mail.onSend = () => {
      started.emulator.host.mail.onSend = null;
      started.emulator.spreadsheet.scriptSheet('Reminder Log').deleteRow(2); // yesterday's first row
    };
    runTrigger(started);
    expect(recipients(started)).toEqual([ANN, BOB, ANN, BOB]);
    expect(statuses(started)).toEqual([
      [BOB, 'sent'],
      [ANN, 'sending'],
      [BOB, 'sending'],
      [ANN, 'sent'],
      [BOB, 'sent'],
    ]);
    runTrigger(started);
    expect(recipients(started)).toHaveLength(4);
  });

  function callsToSendDeferred(owners: number): Record<string, number> {
    const started = due(Array.from({ length: owners }, (_, i) => `rep${i}@team.example`));
    started.emulator.host.mail.setRemaining(0);
    runTrigger(started);
    started.emulator.host.mail.setRemaining(1_000);
    started.emulator.calls.reset();
    runTrigger(started);
    expect(statuses(started).every(([, status]) => status === 'sent')).toBe(true);
    expect(statuses(started)).toHaveLength(owners);
    const calls = started.emulator.calls.snapshot();
    return Object.fromEntries(Object.entries(calls).filter(([key]) => !key.startsWith('MailApp')));
  }

  it('writes the deferred rows over with the same spreadsheet calls for 3 owners as for 60', () => {
    const small = callsToSendDeferred(3);
    expect(callsToSendDeferred(60)).toEqual(small);
    expect(small['Range.setValues']).toBe(2);
  }, 30_000);
});

describe('validation marks and the user colour', () => {
  const background = (started: Addon, a1: string) =>
    started.emulator.spreadsheet.scriptRange('Deals', a1).getBackground();
  const note = (started: Addon, a1: string) =>
    started.emulator.spreadsheet.scriptRange('Deals', a1).getNote();

  it('Validate all deals leaves a cell the user coloured in the mark colour as it is', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    started.emulator.spreadsheet.scriptRange('Deals', `${col('company')}2`).setBackground(MARK_COLORS.error);
    started.addon.run('validateAllDeals');
    expect(background(started, `${col('company')}2`)).toBe(MARK_COLORS.error);
  });

  it('a marked cell in the user colour keeps it when the problem is fixed, by onEdit or Validate all deals', () => {
    const started = startAddon();
    startWithDeals(started, [deal(1), deal(2)]);
    for (const row of [2, 3]) {
      started.emulator.spreadsheet
        .scriptRange('Deals', `${col('amount')}${row}`)
        .setBackground(MARK_COLORS.warning);
    }
    started.addon.edit('Deals', `${col('amount')}2`, [['TBD']]);
    started.emulator.workbook.userSetValues('Deals', `${col('amount')}3`, [['TBD']]);
    started.addon.run('validateAllDeals');
    for (const a1 of [`${col('amount')}2`, `${col('amount')}3`]) {
      expect(note(started, a1)).toContain('This colour is yours: it stays when this is fixed.');
      expect(background(started, a1)).toBe(MARK_COLORS.warning);
    }

    started.addon.edit('Deals', `${col('amount')}2`, [[2500]]);
    started.emulator.workbook.userSetValues('Deals', `${col('amount')}3`, [[2500]]);
    started.addon.run('validateAllDeals');
    for (const a1 of [`${col('amount')}2`, `${col('amount')}3`]) {
      expect(note(started, a1)).toBe('');
      expect(background(started, a1)).toBe(MARK_COLORS.warning);
    }
  });
});
