import { describe, expect, it } from 'vitest';

import { CallCounter } from '../../local/emulator/calls.js';
import { Clock } from '../../local/emulator/clock.js';
import { createServices } from '../../local/emulator/services/index.js';

function make() {
  const calls = new CallCounter();
  const clock = new Clock(Date.parse('2025-05-06T16:00:00Z'));
  const services = createServices({ calls, clock, timeZone: () => 'America/Los_Angeles' });
  return { clock, ...services };
}

describe('MailApp onSend hook', () => {
  it('runs at the start of every send with the addresses, so a send can take time', () => {
    const { globals, host, clock } = make();
    const seen: string[][] = [];
    const start = clock.now();
    host.mail.onSend = (addresses) => {
      seen.push([...addresses]);
      clock.advance(1_500);
    };
    globals.MailApp.sendEmail({ to: 'a@example.com', cc: 'b@example.com', subject: 's', body: 'b' });
    expect(seen).toEqual([['a@example.com', 'b@example.com']]);
    expect(host.mail.outbox[0]?.sentAt).toBe(start + 1_500);
  });

  it('runs before the checks: a refused send took its time too, and what the hook changes counts', () => {
    const { globals, host } = make();
    let calls = 0;
    host.mail.onSend = () => {
      calls++;
      host.mail.setRemaining(0);
    };
    expect(() => globals.MailApp.sendEmail('a@example.com', 's', 'b')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(() => globals.MailApp.sendEmail('not an address', 's', 'b')).toThrow('Invalid email');
    expect(calls).toBe(2);
    expect(host.mail.outbox).toEqual([]);
  });
});
