import { describe, expect, it } from 'vitest';

import {
  GMT,
  ianaZone,
  instantOf,
  isTimeZone,
  javaZone,
  resolveZone,
  wallTime,
  zoneOffsetMs,
} from '../../local/emulator/time-zones';

const NEW_YORK = ianaZone('America/New_York');

describe('time zones', () => {
  it('reads the wall time on both sides of a DST change', () => {
    expect(wallTime(Date.parse('2025-03-09T06:59:59Z'), NEW_YORK)).toMatchObject({ hour: 1, minute: 59 });
    expect(wallTime(Date.parse('2025-03-09T07:00:00Z'), NEW_YORK)).toMatchObject({ hour: 3, minute: 0 });
  });

  it('reads an offset change that falls at an odd minute (Newfoundland, 00:01 until 2011)', () => {
    const stJohns = ianaZone('America/St_Johns');
    expect(zoneOffsetMs(stJohns, Date.parse('1999-10-31T02:30:00Z'))).toBe(-2.5 * 3_600_000);
    expect(wallTime(Date.parse('1999-10-31T02:38:22Z'), stJohns)).toMatchObject({
      day: 30,
      hour: 23,
      minute: 8,
    });
  });

  it('puts a wall time in the spring-forward gap just after the gap, and an overlap on the earlier reading', () => {
    expect(new Date(instantOf(NEW_YORK, 2025, 3, 9, 2, 30)).toISOString()).toBe('2025-03-09T07:30:00.000Z');
    expect(new Date(instantOf(NEW_YORK, 2025, 11, 2, 1, 30)).toISOString()).toBe('2025-11-02T05:30:00.000Z');
  });

  it('takes Java fixed-offset ids for the services, and reads an unknown id as GMT', () => {
    expect(resolveZone('GMT+0530')).toEqual({ kind: 'fixed', offsetMs: 5.5 * 3_600_000, name: 'GMT+05:30' });
    expect(resolveZone('Mars/Olympus')).toBeNull();
    expect(javaZone('Mars/Olympus')).toBe(GMT);
  });

  it('accepts as a spreadsheet time zone only ids Intl knows', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
