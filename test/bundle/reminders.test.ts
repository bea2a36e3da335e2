/**
 * The reminder job in the emulator: who gets a digest, what it says, and the Reminder Log that
 * keeps it to one a day per owner through repeats, concurrent runs, the mail quota, failures and
 * runs that stop half-way. "Today" is 2026-11-27 in America/Los_Angeles (see harness.ts).
 */
import { describe, expect, it } from 'vitest';

import { DEAL_FIELDS } from '../../src/core/columns';
import type { DealInput } from './deals';
import { col, deal, rowOf, startWithDeals } from './deals';
import type { Addon } from './harness';
import { captureExecutionLog, fireReminderTrigger, startAddon } from './harness';

const ANN = 'ann@team.example';
const BOB = 'bob@team.example';
const CAT = 'cat@team.example';
const BOSS = 'boss@team.example';
const DAY_MS = 86_400_000;

/** What the runs wrote to the execution log (console), instead of the test output. */
const logged = captureExecutionLog();

/** yyyy-mm-dd, `offset` days from today. */
function day(offset: number): string {
  return new Date(Date.UTC(2026, 10, 27 + offset)).toISOString().slice(0, 10);
}

function setOption(started: Addon, name: string, value: string | number): void {
  const row = started.emulator.workbook.values('Settings').findIndex((cells) => cells[8] === name);
  started.emulator.workbook.userSetValues('Settings', `J${row + 1}`, [[value]]);
}

/** The deal in `row` entered its stage `days` ago and has had no contact since. */
function idleFor(started: Addon, row: number, days: number): void {
  const since = new Date(started.emulator.clock.now() - days * DAY_MS);
  started.emulator.workbook.userSetValues('Deals', `${col('stageSince')}${row}`, [[since]]);
}

function start(deals: DealInput[]): Addon {
  const started = startAddon();
  startWithDeals(started, deals);
  return started;
}

/** Ann: a follow-up 3 days overdue and one due today. Bob: a stale deal. Cat: a follow-up next week. */
function team(): Addon {
  const started = start([
    deal(1, { owner: ANN, followUp: day(-3), nextStep: 'Send the quote' }),
    deal(2, { owner: ANN, followUp: day(0) }),
    deal(3, { owner: BOB }),
    deal(4, { owner: CAT, followUp: day(7) }),
  ]);
  idleFor(started, 4, 20);
  return started;
}

/** Every owner has a follow-up due today. */
function everyoneDue(owners: string[]): Addon {
  return start(owners.map((owner, i) => deal(i + 1, { owner, followUp: day(0) })));
}

function sendNow(started: Addon): string {
  started.addon.run('sendRemindersNow');
  return started.emulator.host.ui.alerts.at(-1)?.prompt ?? '';
}

function runTrigger(started: Addon): void {
  fireReminderTrigger(started);
}

const outbox = (started: Addon) => started.emulator.host.mail.outbox;
const recipients = (started: Addon) => outbox(started).map((mail) => mail.to);
const mailTo = (started: Addon, to: string) => outbox(started).find((mail) => mail.to === to)!;
const log = (started: Addon) => started.emulator.workbook.values('Reminder Log').slice(1);
/** [Owner, Status] of each log row. */
const statuses = (started: Addon) => log(started).map((row) => [row[1], row[3]]);

describe('the daily digest', () => {
  it('goes to each owner with something due, and to no one else', () => {
    const started = team();
    runTrigger(started);
    expect(recipients(started).sort()).toEqual([ANN, BOB]);
    expect(mailTo(started, ANN).subject).toBe('Deal Pipeline: 2 follow-ups due (1 overdue)');
    expect(mailTo(started, BOB).subject).toBe('Deal Pipeline: 1 stale deal');
  });

  it('lists each deal with company, deal, stage, amount, follow-up, next step and a link to its row', () => {
    const started = team();
    runTrigger(started);
    const { body, htmlBody } = mailTo(started, ANN);
    const url = 'https://docs.google.com/spreadsheets/d/emulated-spreadsheet-id/edit#gid=0&range=A2';
    for (const text of [
      'Company 1',
      'Deal 1',
      'Lead',
      '$1,000.00',
      day(-3),
      '3 days overdue',
      'Send the quote',
      url,
    ])
      expect(body).toContain(text);
    expect(htmlBody).toContain(`<a href="${url.replace('&', '&amp;')}">Open row 2</a>`);
    expect(htmlBody).toContain(
      '<td style="padding: 4px 8px; border-bottom: 1px solid #e0e0e0; text-align: left">due today</td>',
    );
    expect(mailTo(started, BOB).body).toContain('no activity for 20 days');
  });

  it('is sent with MailApp from the account that runs the job', () => {
    const started = team();
    runTrigger(started);
    expect(
      outbox(started).every((mail) => mail.from === 'owner@example.com' && mail.name === 'Deal Pipeline'),
    ).toBe(true);
    expect(started.emulator.calls.count('MailApp.sendEmail')).toBe(2);
  });

  it('amounts follow the Currency option', () => {
    const started = start([deal(1, { owner: ANN, followUp: day(0), amount: 1234.5 })]);
    setOption(started, 'Currency', 'EUR');
    runTrigger(started);
    expect(mailTo(started, ANN).body).toContain('€1,234.50');
  });

  it('with Reminder Lead Days 2 includes a follow-up two days ahead, not three', () => {
    const started = start([
      deal(1, { owner: ANN, followUp: day(2) }),
      deal(2, { owner: BOB, followUp: day(3) }),
    ]);
    setOption(started, 'Reminder Lead Days', 2);
    runTrigger(started);
    expect(recipients(started)).toEqual([ANN]);
    expect(mailTo(started, ANN).body).toContain('due in 2 days');
  });

  it('leaves out won and lost deals', () => {
    const started = start([deal(1, { owner: ANN, followUp: day(-1) })]);
    started.addon.edit('Deals', `${col('stage')}2`, [['Closed Lost']]);
    started.addon.edit('Deals', `${col('lostReason')}2`, [['Price']]);
    started.addon.edit('Deals', `${col('stage')}2`, [['Closed Lost']]);
    runTrigger(started);
    expect(outbox(started)).toEqual([]);
  });

  it('escapes a hostile deal name and next step in the HTML body, and keeps the subject on one line', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const started = start([
      deal(1, {
        owner: ANN,
        followUp: day(0),
        deal: hostile,
        company: 'Smith & Sons',
        nextStep: '</td><script>x()</script>',
      }),
    ]);
    runTrigger(started);
    const mail = mailTo(started, ANN);
    expect(mail.htmlBody).not.toContain('<img');
    expect(mail.htmlBody).not.toContain('<script');
    expect(mail.htmlBody).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(mail.htmlBody).toContain('Smith &amp; Sons');
    expect(mail.body).toContain(hostile);
    expect(mail.subjectHasLineBreak).toBe(false);
  });

  it('from the trigger, reports to the execution log and never opens a dialog', () => {
    const started = team();
    started.addon.run('installReminderTrigger');
    started.emulator.calls.reset();
    runTrigger(started);
    expect(started.emulator.calls.count('Ui') + started.emulator.calls.count('SpreadsheetApp.getUi')).toBe(0);
    expect(started.emulator.calls.count('Spreadsheet.toast')).toBe(0);
    expect(logged).toEqual([
      'Deal Pipeline: Forecast snapshot taken: 24 rows in Forecast History, for the team and 3 owners, 2026-11 to 2027-04.',
      `Deal Pipeline reminders: Sent 2 digests: ${ANN}, ${BOB}. The Reminder Log sheet has a row for each digest.`,
    ]);
  });

  it('is never sent by onOpen or onEdit (simple triggers cannot send mail)', () => {
    const started = team();
    started.addon.run('onOpen', { authMode: 'LIMITED' });
    started.addon.edit('Deals', `${col('followUp')}5`, [[day(-1)]]);
    expect(outbox(started)).toEqual([]);
    expect(started.emulator.calls.count('MailApp')).toBe(0);
  });
});

describe('the team digest to the Manager Email', () => {
  it('lists overdue and stale deals of every owner, and the deals nobody is reminded of', () => {
    const started = team();
    started.addon.edit('Deals', 'A6', [
      rowOf(deal(5, { owner: '', followUp: day(-2) })),
      rowOf(deal(6, { owner: 'Bob Smith', followUp: day(-1) })),
    ]);
    setOption(started, 'Manager Email', BOSS);
    runTrigger(started);
    expect(recipients(started).sort()).toEqual([ANN, BOB, BOSS]);
    const digest = mailTo(started, BOSS);
    expect(digest.subject).toBe(
      'Deal Pipeline team digest: 1 overdue follow-up, 1 stale deal, 2 deals nobody is reminded of',
    );
    expect(digest.htmlBody).toContain('(no owner)');
    expect(digest.htmlBody).toContain('Bob Smith');
    expect(digest.body).not.toContain('Deal 2 '); // due today, not overdue: Ann's business alone
    expect(statuses(started)).toEqual([
      [ANN, 'sent'],
      [BOB, 'sent'],
      [`Team: ${BOSS}`, 'sent'],
      ['Bob Smith', 'failed'],
    ]);
    expect(log(started)[3]?.[4]).toContain('"Bob Smith" is not an email address');
  });

  it('is not sent when nothing is overdue, stale or unowned', () => {
    const started = start([deal(1, { owner: ANN, followUp: day(0) })]);
    setOption(started, 'Manager Email', BOSS);
    runTrigger(started);
    expect(recipients(started)).toEqual([ANN]);
  });
});

describe('the Reminder Log: one digest per owner per day', () => {
  it('logs each digest with the day as a date, the owner, the deal IDs, the status and what was sent', () => {
    const started = team();
    runTrigger(started);
    expect(log(started)).toEqual([
      [new Date('2026-11-27T08:00:00.000Z'), ANN, 'D-0001, D-0002', 'sent', '2 follow-ups due (1 overdue)'],
      [new Date('2026-11-27T08:00:00.000Z'), BOB, 'D-0003', 'sent', '1 stale deal'],
    ]);
  });

  it('a second run the same day sends nothing new and writes nothing', () => {
    const started = team();
    runTrigger(started);
    const message = sendNow(started);
    expect(recipients(started)).toHaveLength(2);
    expect(log(started)).toHaveLength(2);
    expect(message).toContain(`Already handled today, so not sent again: ${ANN}, ${BOB}.`);
  });

  it('the next day is a new digest', () => {
    const started = team();
    runTrigger(started);
    started.emulator.clock.advance(DAY_MS);
    runTrigger(started);
    expect(recipients(started).sort()).toEqual([ANN, ANN, BOB, BOB]);
    expect(outbox(started)[2]?.subject).toBe('Deal Pipeline: 2 follow-ups due (2 overdue)');
  });

  it('two runs at once: the one that waited for the lock finds the claims and sends nothing', () => {
    const started = team();
    let concurrent = false;
    started.emulator.host.mail.onSend = () => {
      if (concurrent) return;
      concurrent = true;
      runTrigger(started); // starts while the first run is sending
    };
    runTrigger(started);
    expect(recipients(started).sort()).toEqual([ANN, BOB]);
    expect(statuses(started)).toEqual([
      [ANN, 'sent'],
      [BOB, 'sent'],
    ]);
  });

  it('waits for another update holding the lock, then runs', () => {
    const started = team();
    started.emulator.host.locks.holdElsewhere('script', started.emulator.clock.now() + 30_000);
    runTrigger(started);
    expect(recipients(started)).toHaveLength(2);
  });

  it('a run that stops before recording leaves its claims "sending": no resend that day, a digest the next', () => {
    const started = team();
    // The run is cut off after sending: it never gets the lock back to record the outcome.
    started.emulator.host.mail.onSend = () => started.emulator.host.locks.holdElsewhere('script');
    runTrigger(started);
    expect(recipients(started)).toHaveLength(2);
    expect(statuses(started)).toEqual([
      [ANN, 'sending'],
      [BOB, 'sending'],
    ]);
    expect(log(started)[0]?.[4]).toContain('it is not sent again today');

    started.emulator.host.mail.onSend = null;
    started.emulator.host.locks.releaseElsewhere('script');
    runTrigger(started);
    expect(recipients(started)).toHaveLength(2);
    expect(statuses(started).map((row) => row[1])).toEqual(['sending', 'sending']);

    started.emulator.clock.advance(DAY_MS);
    runTrigger(started);
    expect(recipients(started)).toHaveLength(4);
  });

  it('someone deletes a log row during a run: the outcomes are appended, no other row is overwritten', () => {
    const started = team();
    runTrigger(started);
    started.emulator.clock.advance(DAY_MS);
    started.emulator.host.mail.onSend = () => {
      started.emulator.host.mail.onSend = null;
      started.emulator.spreadsheet.scriptSheet('Reminder Log').deleteRow(2); // yesterday's first row
    };
    runTrigger(started);
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
});

describe('the mail quota', () => {
  it('quota of 1: one digest now, the rest deferred, and sent first on the next day', () => {
    const started = everyoneDue([ANN, BOB, CAT]);
    setOption(started, 'Manager Email', BOSS);
    started.addon.edit('Deals', `${col('followUp')}2`, [[day(-1)]]); // something for the team digest
    started.emulator.host.mail.setRemaining(1);
    runTrigger(started);
    expect(recipients(started)).toEqual([ANN]);
    expect(statuses(started)).toEqual([
      [ANN, 'sent'],
      [BOB, 'deferred'],
      [CAT, 'deferred'],
      [`Team: ${BOSS}`, 'deferred'],
    ]);
    expect(log(started)[1]?.[4]).toContain('mail quota');

    started.emulator.clock.advance(DAY_MS);
    started.emulator.host.mail.setRemaining(2);
    runTrigger(started);
    expect(recipients(started)).toEqual([ANN, BOB, CAT]);
    started.emulator.clock.advance(DAY_MS);
    runTrigger(started);
    expect(recipients(started).slice(3)).toEqual([BOSS, ANN, BOB, CAT]);
  });

  it('a later run the same day sends what was deferred, once the quota allows, on the same rows', () => {
    const started = everyoneDue([ANN, BOB]);
    started.emulator.host.mail.setRemaining(0);
    runTrigger(started);
    expect(recipients(started)).toEqual([]);
    started.emulator.host.mail.setRemaining(10);
    runTrigger(started);
    expect(recipients(started)).toEqual([ANN, BOB]);
    expect(statuses(started)).toEqual([
      [ANN, 'sent'],
      [BOB, 'sent'],
    ]);
  });

  it('never dies on the quota error: a send refused for quota is deferred, and so is the rest', () => {
    const started = everyoneDue([ANN, BOB, CAT]);
    started.emulator.host.mail.onSend = () => started.emulator.host.mail.setRemaining(0);
    expect(() => runTrigger(started)).not.toThrow();
    expect(recipients(started)).toEqual([]);
    expect(statuses(started).map((row) => row[1])).toEqual(['deferred', 'deferred', 'deferred']);
  });
});

describe('faults', () => {
  it('a send that throws logs failed with the error, and the others still go', () => {
    const started = everyoneDue([ANN, BOB, CAT]);
    started.emulator.host.mail.failNextSendTo(BOB);
    const message = sendNow(started);
    expect(recipients(started)).toEqual([ANN, CAT]);
    expect(log(started)[1]?.slice(1)).toEqual([BOB, 'D-0002', 'failed', `Invalid email: ${BOB}`]);
    expect(message).toContain(`Failed: ${BOB}: Invalid email: ${BOB}`);
    sendNow(started);
    expect(recipients(started)).toEqual([ANN, CAT]); // failed settles the day; tomorrow tries again
  });

  it('stops sending near the 6-minute limit; the rest goes on the next run', () => {
    const owners = ['a', 'b', 'c', 'd', 'e'].map((name) => `${name}@team.example`);
    const started = everyoneDue(owners);
    started.emulator.host.mail.onSend = () => started.emulator.clock.advance(100_000);
    runTrigger(started);
    expect(recipients(started)).toEqual(owners.slice(0, 3));
    expect(statuses(started).map((row) => row[1])).toEqual(['sent', 'sent', 'sent', 'deferred', 'deferred']);
    expect(log(started)[3]?.[4]).toContain('6-minute limit');
    runTrigger(started);
    expect(recipients(started)).toEqual(owners);
  });

  it('says "try again" from the menu when the lock stays busy, and sends nothing', () => {
    const started = team();
    started.emulator.host.locks.holdElsewhere('script');
    expect(sendNow(started)).toBe('Another Deal Pipeline update is running. Please try again in a moment.');
    runTrigger(started);
    expect(outbox(started)).toEqual([]);
    expect(logged.at(-1)).toBe(
      'Deal Pipeline reminders did not run: Another Deal Pipeline update is running. Please try again in a moment.',
    );
  });

  it('creates the Reminder Log when it is missing, and sends nothing that day: it may have gone already', () => {
    const started = team();
    started.emulator.workbook.removeSheet(started.emulator.workbook.sheet('Reminder Log'));
    runTrigger(started);
    expect(started.emulator.workbook.values('Reminder Log')[0]).toEqual([
      'Date',
      'Owner',
      'Deals',
      'Status',
      'Detail',
    ]);
    expect(log(started)).toHaveLength(2);
    expect(outbox(started)).toEqual([]);
    expect(statuses(started)).toEqual([
      [ANN, 'failed'],
      [BOB, 'failed'],
    ]);
    started.emulator.clock.advance(DAY_MS);
    runTrigger(started);
    expect(recipients(started)).toEqual([ANN, BOB]);
  });

  it('finds the log columns by header, wherever they are', () => {
    const started = team();
    started.emulator.workbook.userSetValues('Reminder Log', 'A1', [
      ['Status', 'Notes', 'Owner', 'Date', 'Deals', 'Detail'],
    ]);
    runTrigger(started);
    const rows = log(started);
    expect(rows[0]?.[0]).toBe('sent');
    expect(rows[0]?.[1]).toBe('');
    expect(rows[0]?.[2]).toBe(ANN);
  });
});

describe('sendRemindersNow', () => {
  it('reports what it sent and what it could not', () => {
    const started = team();
    started.addon.edit('Deals', 'A6', [rowOf(deal(5, { owner: 'Bob Smith', followUp: day(-1) }))]);
    expect(sendNow(started)).toBe(
      [
        `Sent 2 digests: ${ANN}, ${BOB}.`,
        'Owner "Bob Smith" is not an email address, so nobody was reminded of those deals.',
        'The Reminder Log sheet has a row for each digest.',
      ].join('\n'),
    );
  });

  it('says when nothing is due', () => {
    const started = start([deal(1, { owner: ANN, followUp: day(5) })]);
    expect(sendNow(started)).toBe('Nothing is due today: no digest to send.');
  });
});

describe('reminders in batches', () => {
  function callsToRemind(count: number): Record<string, number> {
    const started = startAddon();
    started.addon.run('setUpSheets');
    const rows = Array.from({ length: count }, (_, i) =>
      rowOf({
        ...deal(i + 1, { owner: [ANN, BOB, CAT][i % 3]!, followUp: i % 2 === 0 ? day(0) : day(-4) }),
        id: `D-${String(i + 1).padStart(5, '0')}`,
        stageSince: new Date(started.emulator.clock.now()),
      }),
    );
    started.emulator.workbook.userSetValues('Deals', 'A2', rows);
    expect(rows[0]).toHaveLength(DEAL_FIELDS.length);
    started.addon.run('installReminderTrigger');
    started.emulator.calls.reset();
    runTrigger(started);
    expect(recipients(started)).toEqual([ANN, BOB, CAT]);
    return started.emulator.calls.snapshot();
  }

  it('makes the same calls for 10 deals as for 5,000', () => {
    const small = callsToRemind(10);
    const large = callsToRemind(5_000);
    expect(large).toEqual(small);
    // Settings, the Reminder Log, and Deals as three runs of the columns reminders use
    // (ID–Company, Owner–Last Contact, Stage Since): 12 of 18 columns, not the contact details;
    // and Forecast History's header, whose first snapshot is the one more write.
    expect(small['Range.getValues']).toBe(8);
    expect(small['Range.setValues']).toBe(3);
  }, 60_000);
});
