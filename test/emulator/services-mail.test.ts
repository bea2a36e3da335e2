import { describe, expect, it } from 'vitest';

import { CallCounter } from '../../local/emulator/calls.js';
import { Clock } from '../../local/emulator/clock.js';
import { createServices, MAIL_QUOTA_MESSAGE } from '../../local/emulator/services/index.js';

function make(start = '2025-05-06T16:00:00Z', mailQuota?: number) {
  const calls = new CallCounter();
  const clock = new Clock(Date.parse(start));
  const services = createServices({ calls, clock, timeZone: () => 'America/Los_Angeles', mailQuota });
  return { calls, clock, ...services };
}

describe('MailApp', () => {
  it('sends into the outbox with the clock time and the effective user as sender', () => {
    const { globals, host, clock } = make();
    globals.MailApp.sendEmail('a@example.com', 'Digest', 'Body', {
      htmlBody: '<b>Body</b>',
      name: 'Deal Pipeline',
    });
    expect(host.mail.outbox).toHaveLength(1);
    expect(host.mail.outbox[0]).toMatchObject({
      to: 'a@example.com',
      subject: 'Digest',
      body: 'Body',
      htmlBody: '<b>Body</b>',
      name: 'Deal Pipeline',
      from: 'owner@example.com',
      sentAt: clock.now(),
    });
  });

  it('accepts the message-object form with cc and bcc', () => {
    const { globals, host } = make();
    globals.MailApp.sendEmail({
      to: 'a@example.com',
      cc: 'b@example.com, c@example.com',
      bcc: 'd@example.com',
      subject: 's',
      body: 'b',
      replyTo: 'r@example.com',
      noReply: true,
    });
    expect(host.mail.outbox[0]).toMatchObject({
      cc: 'b@example.com,c@example.com',
      bcc: 'd@example.com',
      replyTo: 'r@example.com',
      noReply: true,
    });
    expect(globals.MailApp.getRemainingDailyQuota()).toBe(96);
  });

  it('the 101st recipient of the day throws the quota error', () => {
    const { globals, host } = make();
    for (let i = 0; i < 100; i++) globals.MailApp.sendEmail(`u${i}@example.com`, 's', 'b');
    expect(globals.MailApp.getRemainingDailyQuota()).toBe(0);
    expect(() => globals.MailApp.sendEmail('late@example.com', 's', 'b')).toThrow(MAIL_QUOTA_MESSAGE);
    expect(host.mail.outbox).toHaveLength(100);
  });

  it('a message with more recipients than remain is refused whole', () => {
    const { globals, host } = make();
    host.mail.setRemaining(1);
    expect(() => globals.MailApp.sendEmail('a@example.com,b@example.com', 's', 'b')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(host.mail.outbox).toHaveLength(0);
    expect(globals.MailApp.getRemainingDailyQuota()).toBe(1);
  });

  it('the mail quota resets at midnight Pacific', () => {
    // 2025-05-06 23:59 PDT = 2025-05-07T06:59Z
    const { globals, host, clock } = make('2025-05-07T06:59:00Z');
    host.mail.setRemaining(0);
    expect(() => globals.MailApp.sendEmail('a@example.com', 's', 'b')).toThrow(MAIL_QUOTA_MESSAGE);
    clock.advance(60_000); // 00:00 PDT: a new quota day, though it is 07:00 UTC
    expect(globals.MailApp.getRemainingDailyQuota()).toBe(100);
    globals.MailApp.sendEmail('a@example.com', 's', 'b');
    expect(globals.MailApp.getRemainingDailyQuota()).toBe(99);
  });

  it('an invalid address throws "Invalid email: <address>" and uses no quota', () => {
    const { globals } = make();
    expect(() => globals.MailApp.sendEmail('ok@example.com, not-an-address', 's', 'b')).toThrow(
      'Invalid email: not-an-address',
    );
    expect(globals.MailApp.getRemainingDailyQuota()).toBe(100);
  });

  it('an empty recipient throws "Failed to send email: no recipient"', () => {
    const { globals } = make();
    expect(() => globals.MailApp.sendEmail('', 's', 'b')).toThrow('Failed to send email: no recipient');
  });

  it('the host can make the next send to one address fail, once', () => {
    const { globals, host } = make();
    host.mail.failNextSendTo('bad@example.com');
    expect(() => globals.MailApp.sendEmail('bad@example.com', 's', 'b')).toThrow(
      'Invalid email: bad@example.com',
    );
    globals.MailApp.sendEmail('bad@example.com', 's', 'b');
    expect(host.mail.outbox).toHaveLength(1);
  });

  it('flags a subject with a line break', () => {
    const { globals, host } = make();
    globals.MailApp.sendEmail('a@example.com', 'Hello\nBcc: x@evil.com', 'b');
    expect(host.mail.outbox[0]?.subjectHasLineBreak).toBe(true);
  });

  it('errors read "Exception: ..." like Apps Script', () => {
    const { globals } = make();
    try {
      globals.MailApp.sendEmail('', 's', 'b');
      expect.unreachable();
    } catch (e) {
      expect(String(e)).toBe('Exception: Failed to send email: no recipient');
    }
  });

  it('counts MailApp.sendEmail calls', () => {
    const { globals, calls } = make();
    globals.MailApp.sendEmail('a@example.com', 's', 'b');
    globals.MailApp.sendEmail('b@example.com', 's', 'b');
    globals.MailApp.getRemainingDailyQuota();
    expect(calls.count('MailApp.sendEmail')).toBe(2);
    expect(calls.count('MailApp')).toBe(3);
  });
});
