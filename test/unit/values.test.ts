import vm from 'node:vm';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { dayFromParts, isoOfDay, startOfDay } from '../../src/core/dates';
import {
  isBlankCell,
  isEmailAddress,
  isUnreadable,
  percentShown,
  readDay,
  readInstant,
  readMoney,
  readPercent,
  readText,
  readWholeNumber,
} from '../../src/core/values';

const PARIS = 'Europe/Paris';
const LOS_ANGELES = 'America/Los_Angeles';

describe('blank cells', () => {
  it('treats nothing, empty text and spaces as blank, and zero or FALSE as values', () => {
    for (const blank of [null, undefined, '', '   ', '\t']) expect(isBlankCell(blank)).toBe(true);
    for (const value of [0, false, ' x ', new Date(0)]) expect(isBlankCell(value)).toBe(false);
  });

  it('reads a blank cell as null for every typed reader', () => {
    expect(readMoney(' ')).toBeNull();
    expect(readPercent(null)).toBeNull();
    expect(readDay(undefined, PARIS)).toBeNull();
    expect(readInstant('', PARIS)).toBeNull();
    expect(readWholeNumber('', 0)).toBeNull();
  });
});

describe('text', () => {
  it('trims text and shows numbers and booleans as the user saw them', () => {
    expect(readText('  Acme  ')).toBe('Acme');
    expect(readText(5551234)).toBe('5551234');
    expect(readText(true)).toBe('TRUE');
    expect(readText(null)).toBe('');
  });

  it('shows a date Sheets made out of text as yyyy-mm-dd in the spreadsheet time zone', () => {
    expect(readText(startOfDay(dayFromParts(2025, 3, 4), PARIS), PARIS)).toBe('2025-03-04');
  });
});

describe('money', () => {
  it('accepts numbers and numeric text with currency symbols and thousands commas', () => {
    expect(readMoney(1200)).toBe(1200);
    expect(readMoney('1,234.50')).toBe(1234.5);
    expect(readMoney('$1,200')).toBe(1200);
    expect(readMoney('1200 €')).toBe(1200);
    expect(readMoney(' 0 ')).toBe(0);
  });

  it('refuses text that is not an amount, naming what is allowed and what was found', () => {
    expect(readMoney('abc')).toEqual({ unreadable: 'must be a number ≥ 0, not "abc"' });
    expect(readMoney('12,34')).toEqual({ unreadable: 'must be a number ≥ 0, not "12,34"' });
    expect(isUnreadable(readMoney('$1,200$'))).toBe(true);
    expect(isUnreadable(readMoney(true))).toBe(true);
    expect(isUnreadable(readMoney(Number.NaN))).toBe(true);
  });

  it('refuses a negative amount', () => {
    expect(readMoney(-5)).toEqual({ unreadable: 'must be a number ≥ 0, not -5' });
    expect(isUnreadable(readMoney('-$5'))).toBe(true);
  });

  it('reads a plus sign and a bare decimal point, and refuses a doubled sign', () => {
    expect(readMoney('+3')).toBe(3);
    expect(readMoney('.5')).toBe(0.5);
    expect(readMoney('--3')).toEqual({ unreadable: 'must be a number ≥ 0, not "--3"' });
  });

  it('reads every amount written with thousands commas back to the same number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 99 }),
        (whole, cents) => {
          const text = `$${whole.toLocaleString('en-US')}.${String(cents).padStart(2, '0')}`;
          expect(readMoney(text)).toBeCloseTo(whole + cents / 100, 6);
        },
      ),
    );
  });
});

describe('whole numbers', () => {
  it('accepts whole numbers in range and refuses the rest with the range', () => {
    expect(readWholeNumber('14', 1)).toBe(14);
    expect(readWholeNumber(23, 0, 23)).toBe(23);
    expect(readWholeNumber(24, 0, 23)).toEqual({ unreadable: 'must be a whole number from 0 to 23, not 24' });
    expect(readWholeNumber('two weeks', 1)).toEqual({
      unreadable: 'must be a whole number ≥ 1, not "two weeks"',
    });
    expect(isUnreadable(readWholeNumber(1.5, 0))).toBe(true);
  });
});

describe('percentages', () => {
  it('reads 0.25 from a percent-formatted cell, and "25%" or "\'25%" as text', () => {
    for (const value of [0.25, '25%', "'25%", ' 25 % ', '0.25', "'0.25", '.25'])
      expect(readPercent(value)).toBe(0.25);
  });

  it('reads 1 as 100 %, as a percent-formatted cell showing 100 % holds it; 1 % is written "1%"', () => {
    expect(readPercent(1)).toBe(1);
    expect(readPercent('1%')).toBe(0.01);
    expect(readPercent(0.01)).toBe(0.01);
    expect(readPercent(0)).toBe(0);
    expect(readPercent('0%')).toBe(0);
    expect(readPercent('100%')).toBe(1);
  });

  it('reads fractional percentages such as the 2015 snapshot writes them', () => {
    expect(readPercent('65.0%')).toBeCloseTo(0.65, 12);
    expect(readPercent('12.5%')).toBe(0.125);
    expect(readPercent('+12.5%')).toBe(0.125);
  });

  it('refuses a number above 1, which is what a cell showing 150 % holds, saying what it is', () => {
    // Sheets turns a typed "150%" into 1.5 (emulator: spreadsheet/values.ts); a typed 200% into 2.
    const allowed = 'must be a percentage from 0 % to 100 % (such as 25% or 0.25)';
    expect(readPercent(1.5)).toEqual({ unreadable: `${allowed}, not 1.5 (150 %)` });
    expect(readPercent(2)).toEqual({ unreadable: `${allowed}, not 2 (200 %)` });
    expect(readPercent(1.0001)).toEqual({ unreadable: `${allowed}, not 1.0001 (100 %)` });
    expect(readPercent(25)).toEqual({ unreadable: `${allowed}, not 25 (2500 %)` });
    expect(readPercent('25')).toEqual({ unreadable: `${allowed}, not "25" (2500 %)` });
    expect(readPercent(1.15)).toEqual({ unreadable: `${allowed}, not 1.15 (115 %)` });
  });

  it('refuses text, negatives and anything above 100 %, saying what is allowed', () => {
    const allowed = 'must be a percentage from 0 % to 100 % (such as 25% or 0.25)';
    expect(readPercent('abc')).toEqual({ unreadable: `${allowed}, not "abc"` });
    expect(readPercent(-0.1)).toEqual({ unreadable: `${allowed}, not -0.1 (-10 %)` });
    expect(readPercent('150%')).toEqual({ unreadable: `${allowed}, not "150%"` });
    expect(readPercent('100.1%')).toEqual({ unreadable: `${allowed}, not "100.1%"` });
    expect(readPercent('-1%')).toEqual({ unreadable: `${allowed}, not "-1%"` });
    expect(readPercent(101)).toEqual({ unreadable: `${allowed}, not 101 (10100 %)` });
    expect(readPercent(Number.NaN)).toEqual({ unreadable: `${allowed}, not NaN` });
    expect(readPercent(true)).toEqual({ unreadable: `${allowed}, not true` });
    expect(isUnreadable(readPercent('25%%'))).toBe(true);
    expect(isUnreadable(readPercent('x25%'))).toBe(true);
    expect(isUnreadable(readPercent('25%x'))).toBe(true);
  });

  it('writes a fraction as a percent-formatted cell shows it, to a tenth of a percent', () => {
    expect(percentShown(0.655)).toBe('65.5 %');
    expect(percentShown(1.5)).toBe('150 %');
    expect(percentShown(0.12345)).toBe('12.3 %');
    expect(percentShown(0.12355)).toBe('12.4 %');
  });

  it('refuses a decimal comma rather than guessing between 12.5 % and 125 %', () => {
    expect(readPercent('12,5%')).toEqual({
      unreadable: 'must be written with a decimal point (such as 12.5 %), not "12,5%"',
    });
  });

  it('accepts every 0..100 written as "N%"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (n) => {
        expect(readPercent(`${n}%`)).toBeCloseTo(n / 100, 12);
      }),
    );
  });

  it('reads every fraction from 0 to 1 as itself', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (p) => {
        expect(readPercent(p)).toBe(p);
      }),
    );
  });
});

describe('dates', () => {
  it('reads a date cell as its calendar day in the spreadsheet time zone, not the script one', () => {
    // 23:30 on March 3rd in Los Angeles is already March 4th in UTC.
    const lateEvening = new Date(Date.UTC(2025, 2, 4, 7, 30));
    expect(isoOfDay(readDay(lateEvening, LOS_ANGELES) as number)).toBe('2025-03-03');
    expect(isoOfDay(readDay(lateEvening, PARIS) as number)).toBe('2025-03-04');
  });

  it('reads a Date made in another realm (Apps Script, a vm context)', () => {
    const foreign: unknown = vm.runInNewContext('new Date(Date.UTC(2025, 0, 15, 12))');
    expect(foreign instanceof Date).toBe(false);
    expect(readDay(foreign, PARIS)).toBe(dayFromParts(2025, 1, 15));
  });

  it('reads yyyy-mm-dd text, with or without a time', () => {
    expect(readDay('2025-03-31', PARIS)).toBe(dayFromParts(2025, 3, 31));
    expect(readDay(' 2025-03-31 14:05 ', PARIS)).toBe(dayFromParts(2025, 3, 31));
  });

  it('refuses ambiguous or impossible dates, serial numbers and invalid Dates', () => {
    const allowed = 'must be a date such as 2025-03-31';
    expect(readDay('03/04/2025', PARIS)).toEqual({ unreadable: `${allowed}, not "03/04/2025"` });
    expect(readDay('2025-02-30', PARIS)).toEqual({ unreadable: `${allowed}, not "2025-02-30"` });
    expect(readDay(45123, PARIS)).toEqual({ unreadable: `${allowed}, not 45123` });
    expect(readDay('2025-03-31 25:00', PARIS)).toEqual({ unreadable: `${allowed}, not "2025-03-31 25:00"` });
    expect(isUnreadable(readDay(new Date(Number.NaN), PARIS))).toBe(true);
  });
});

describe('date-times', () => {
  it('reads a Date as its instant', () => {
    const at = new Date(Date.UTC(2025, 5, 1, 9, 15));
    expect(readInstant(at, PARIS)).toBe(at.getTime());
  });

  it('reads local date-time text in the spreadsheet time zone, across a daylight-saving change', () => {
    expect(readInstant('2025-07-01 09:15', PARIS)).toBe(Date.UTC(2025, 6, 1, 7, 15));
    expect(readInstant('2025-01-01T09:15:30', PARIS)).toBe(Date.UTC(2025, 0, 1, 8, 15, 30));
    expect(readInstant('2025-03-30 12:00', PARIS)).toBe(Date.UTC(2025, 2, 30, 10, 0));
    expect(readInstant('2025-03-30', PARIS)).toBe(startOfDay(dayFromParts(2025, 3, 30), PARIS).getTime());
  });

  it('refuses text that is not a date and time', () => {
    expect(readInstant('soon', PARIS)).toEqual({
      unreadable: 'must be a date and time such as 2025-03-31 14:05, not "soon"',
    });
  });
});

describe('email addresses', () => {
  it('accepts ordinary addresses', () => {
    for (const address of ['ana@example.com', 'ana.lopez+deals@mail.example.co.uk', "o'neil@acme-corp.io"]) {
      expect(isEmailAddress(address)).toBe(true);
    }
  });

  it('refuses names, lists, missing parts and domains without a dot', () => {
    for (const text of [
      'Ana Lopez',
      'ana@',
      '@example.com',
      'ana@@example.com',
      'ana@example',
      'ana@example.',
      'ana@.example.com',
      'ana@exa..mple.com',
      'ana lopez@example.com',
      'ana@example.com, bob@example.com',
      'Ana <ana@example.com>',
      'ana@exämple.com',
    ]) {
      expect(isEmailAddress(text), text).toBe(false);
    }
  });
});

describe('the edges each reader keeps', () => {
  it('reads text: FALSE, an invalid Date as blank, a date in UTC unless told the time zone', () => {
    expect(readText(false)).toBe('FALSE');
    expect(readText(new Date(Number.NaN))).toBe('');
    expect(readText(new Date(Date.UTC(2025, 2, 4, 23, 30)))).toBe('2025-03-04');
  });

  it('reads amounts with spaces around them, and refuses a minus sign before or after the symbol', () => {
    expect(readMoney(' 12 ')).toBe(12);
    expect(readMoney('$-30')).toEqual({ unreadable: 'must be a number ≥ 0, not "$-30"' });
    expect(readMoney('-$30')).toEqual({ unreadable: 'must be a number ≥ 0, not "-$30"' });
  });

  it('keeps both ends of a whole-number range', () => {
    expect(readWholeNumber(1, 1)).toBe(1);
    expect(readWholeNumber(0, 1)).toEqual({ unreadable: 'must be a whole number ≥ 1, not 0' });
    expect(readWholeNumber(0, 0, 23)).toBe(0);
    expect(readWholeNumber(-1, 0, 23)).toEqual({ unreadable: 'must be a whole number from 0 to 23, not -1' });
  });

  it('tells an unreadable value from text', () => {
    expect(isUnreadable('must be a number')).toBe(false);
    expect(isUnreadable(null)).toBe(false);
    expect(isUnreadable({ unreadable: 'x' })).toBe(true);
  });

  it('reads percentages with digits after the point, and an apostrophe only at the start', () => {
    expect(readPercent('.25%')).toBe(0.0025);
    expect(readPercent('12.55%')).toBeCloseTo(0.1255, 12);
    expect(readPercent("' 25%")).toBe(0.25);
    expect(readPercent("  '25%")).toBe(0.25);
    expect(isUnreadable(readPercent("25'%"))).toBe(true);
  });

  it('refuses only a decimal comma as a decimal comma, written with or without % and spaces', () => {
    const comma = (text: string) => ({
      unreadable: `must be written with a decimal point (such as 12.5 %), not "${text}"`,
    });
    for (const text of ['12,5', '12,55%', '12,5 %', '1,5%']) expect(readPercent(text)).toEqual(comma(text));
    const allowed = 'must be a percentage from 0 % to 100 % (such as 25% or 0.25)';
    expect(readPercent('x12,5%')).toEqual({ unreadable: `${allowed}, not "x12,5%"` });
    expect(readPercent('12,5%x')).toEqual({ unreadable: `${allowed}, not "12,5%x"` });
  });

  it('reads a date only when the whole text is one, at a valid time of day', () => {
    expect(readDay('2025-03-31 23:59:59', PARIS)).toBe(dayFromParts(2025, 3, 31));
    for (const text of [
      'on 2025-03-31',
      '2025-03-31 noon',
      '2025-03-31 24:00',
      '2025-03-31 23:60',
      '2025-03-31 23:59:60',
    ])
      expect(isUnreadable(readDay(text, PARIS))).toBe(true);
  });

  it('reads a date-time only from text or a Date, at a valid time of a real day', () => {
    expect(readInstant(' 2025-07-01 09:15 ', PARIS)).toBe(Date.UTC(2025, 6, 1, 7, 15));
    expect(readInstant('2025-07-01 23:59:59', PARIS)).toBe(Date.UTC(2025, 6, 1, 21, 59, 59));
    const allowed = { unreadable: 'must be a date and time such as 2025-03-31 14:05, not 5' };
    expect(readInstant(5, PARIS)).toEqual(allowed);
    for (const text of ['2025-02-30 10:00', '2025-03-31 24:00', '2025-03-31 10:60', '2025-03-31 10:00:60'])
      expect(isUnreadable(readInstant(text, PARIS))).toBe(true);
  });

  it('finds the offset of a local time hours after a daylight-saving change from the right side', () => {
    // Los Angeles springs forward at 02:00 on 2025-03-09: 05:00 that day is PDT (UTC−7).
    expect(readInstant('2025-03-09 05:00', LOS_ANGELES)).toBe(Date.UTC(2025, 2, 9, 12, 0));
    expect(readInstant('2025-03-08 23:00', LOS_ANGELES)).toBe(Date.UTC(2025, 2, 9, 7, 0));
  });
});
