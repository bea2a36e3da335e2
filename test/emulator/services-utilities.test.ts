import { runInNewContext } from 'node:vm';

import { describe, expect, it } from 'vitest';

import { CallCounter } from '../../local/emulator/calls.js';
import { Clock } from '../../local/emulator/clock.js';
import { createServices } from '../../local/emulator/services/index.js';

function make(start = '2025-03-01T12:00:00Z') {
  const calls = new CallCounter();
  const clock = new Clock(Date.parse(start));
  const services = createServices({ calls, clock, timeZone: () => 'America/Los_Angeles' });
  return { calls, clock, ...services };
}

describe('Utilities.formatDate', () => {
  it('formatDate shows 08:00 in Los Angeles across the March DST change', () => {
    const { globals } = make();
    const U = globals.Utilities;
    // 2025-03-09 is the change: 08:00 PST = 16:00Z before, 08:00 PDT = 15:00Z after.
    expect(U.formatDate(new Date('2025-03-08T16:00:00Z'), 'America/Los_Angeles', 'yyyy-MM-dd HH:mm z')).toBe(
      '2025-03-08 08:00 PST',
    );
    expect(U.formatDate(new Date('2025-03-10T15:00:00Z'), 'America/Los_Angeles', 'yyyy-MM-dd HH:mm z')).toBe(
      '2025-03-10 08:00 PDT',
    );
  });

  it('renders every supported pattern letter', () => {
    const { globals } = make();
    const d = new Date('2025-01-05T21:07:09.045Z'); // a Sunday
    const out = globals.Utilities.formatDate(
      d,
      'Europe/Berlin',
      "yyyy yy MM M MMM MMMM dd d HH H hh h mm ss SSS a EEE EEEE Z XXX 'at' ''",
    );
    expect(out).toBe("2025 25 01 1 Jan January 05 5 22 22 10 10 07 09 045 PM Sun Sunday +0100 +01:00 at '");
  });

  it('prints Z for a zero offset with X and +0000 with Z', () => {
    const { globals } = make();
    const d = new Date('2025-06-01T00:00:00Z');
    expect(globals.Utilities.formatDate(d, 'UTC', 'XXX Z')).toBe('Z +0000');
    expect(globals.Utilities.formatDate(d, 'GMT+05:30', 'HH:mm XXX')).toBe('05:30 +05:30');
  });

  it('accepts a Date from another realm', () => {
    const { globals } = make();
    const foreign = runInNewContext('new Date(Date.UTC(2025, 6, 4, 12, 0, 0))') as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(globals.Utilities.formatDate(foreign, 'UTC', 'yyyy-MM-dd')).toBe('2025-07-04');
  });

  it('formats an unknown time zone in GMT, as Java does, and the host records it', () => {
    const { globals, host } = make();
    expect(globals.Utilities.formatDate(new Date('2025-06-01T10:00:00Z'), 'Mars/Olympus', 'HH:mm')).toBe(
      '10:00',
    );
    expect(host.utilities.unknownTimeZones).toEqual(['Mars/Olympus']);
  });

  it('refuses a non-date with the Apps Script signature message', () => {
    const { globals } = make();
    expect(() => globals.Utilities.formatDate('2025-01-01' as unknown as Date, 'UTC', 'yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });

  it('rejects an illegal pattern letter', () => {
    const { globals } = make();
    expect(() => globals.Utilities.formatDate(new Date(0), 'UTC', 'yyyy q')).toThrow(
      "Illegal pattern character 'q'",
    );
  });
});

describe('Utilities, other methods', () => {
  it('formatString handles %s %d %f with width and precision', () => {
    const { globals } = make();
    expect(
      globals.Utilities.formatString('%s has %d deals worth %.2f (%05d) %%', 'Ann', 3.9, 1234.5, 42),
    ).toBe('Ann has 3 deals worth 1234.50 (00042) %');
  });

  it('sleep advances the clock instead of waiting', () => {
    const { globals, clock } = make();
    const before = clock.now();
    globals.Utilities.sleep(1500);
    expect(clock.now() - before).toBe(1500);
  });

  it('getUuid is a deterministic sequence of distinct ids', () => {
    const a = make().globals.Utilities;
    const b = make().globals.Utilities;
    const first = [a.getUuid(), a.getUuid()];
    expect(first[0]).not.toBe(first[1]);
    expect([b.getUuid(), b.getUuid()]).toEqual(first);
    expect(first[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('computeDigest returns signed bytes as Apps Script does', () => {
    const { globals } = make();
    const U = globals.Utilities;
    const md5 = U.computeDigest(U.DigestAlgorithm.MD5, 'abc');
    // md5("abc") = 90 01 50 98 3c d2 4f b0 d6 96 3f 7d 28 e1 7f 72
    expect(md5.slice(0, 4)).toEqual([-112, 1, 80, -104]);
    expect(md5).toHaveLength(16);
    expect(U.computeDigest(U.DigestAlgorithm.SHA_256, 'abc')).toHaveLength(32);
  });

  it('base64 round-trips UTF-8 text and the web-safe alphabet', () => {
    const { globals } = make();
    const U = globals.Utilities;
    expect(U.base64Encode('Señor €')).toBe(Buffer.from('Señor €').toString('base64'));
    const decoded = U.base64Decode(U.base64Encode('Señor €'));
    expect(U.newBlob(decoded).getDataAsString()).toBe('Señor €');
    expect(U.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
  });

  it('newBlob keeps name and content type', () => {
    const { globals, calls } = make();
    const blob = globals.Utilities.newBlob('hello', 'text/plain', 'a.txt');
    expect([blob.getName(), blob.getContentType(), blob.getDataAsString()]).toEqual([
      'a.txt',
      'text/plain',
      'hello',
    ]);
    expect(calls.count('Blob.getName')).toBe(1);
  });
});

describe('Session and Logger', () => {
  it('Session reports the user, the script time zone, and no email for an anonymous user', () => {
    const { globals, host } = make();
    expect(globals.Session.getActiveUser().getEmail()).toBe('owner@example.com');
    expect(globals.Session.getScriptTimeZone()).toBe('America/Los_Angeles');
    host.session.setAnonymous(true);
    expect(globals.Session.getActiveUser().getEmail()).toBe('');
    expect(globals.Session.getEffectiveUser().getEmail()).toBe('');
    host.session.setUser('rep@example.com');
    host.session.setAnonymous(false);
    expect(globals.Session.getActiveUser().getEmail()).toBe('rep@example.com');
    expect(globals.Session.getEffectiveUser().getEmail()).toBe('rep@example.com');
  });

  it('Logger keeps lines with their clock time and formats like formatString', () => {
    const { globals, host, clock } = make();
    globals.Logger.log('plain');
    globals.Logger.log('%s sent %d', 'job', 2);
    expect(host.logger.lines).toEqual([
      { at: clock.now(), message: 'plain' },
      { at: clock.now(), message: 'job sent 2' },
    ]);
    expect(globals.Logger.getLog()).toBe('plain\njob sent 2\n');
    globals.Logger.clear();
    expect(globals.Logger.getLog()).toBe('');
  });
});
