import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import vm from 'node:vm';
import { dayFromParts, isoOfDay, startOfDay } from '../../src/core/dates';
import {
  isBlankCell,
  isEmailAddress,
  isUnreadable,
  readDay,
  readInstant,
  readMoney,
  readNumber,
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
    expect(readNumber('')).toBeNull();
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

  it('reads plain numbers, negative ones included', () => {
    expect(readNumber('-$1,000.25')).toBe(-1000.25);
    expect(readNumber('+3')).toBe(3);
    expect(readNumber('.5')).toBe(0.5);
    expect(isUnreadable(readNumber('--3'))).toBe(true);
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
  it('reads 0.25 from a percent-formatted cell, 25 from a plain one, and "25%" or "\'25%" as text', () => {
    for (const value of [0.25, 25, '25%', "'25%", ' 25 % ', '25', '0.25'])
      expect(readPercent(value)).toBe(0.25);
  });

  it('reads 1 as 100 %, as a percent-formatted cell showing 100 % holds it; 1 % is written "1%"', () => {
    expect(readPercent(1)).toBe(1);
    expect(readPercent('1%')).toBe(0.01);
    expect(readPercent(0.01)).toBe(0.01);
  });

  it('reads fractional percentages such as the 2015 snapshot writes them', () => {
    expect(readPercent('65.0%')).toBeCloseTo(0.65, 12);
    expect(readPercent('12.5%')).toBe(0.125);
    expect(readPercent(1.5)).toBe(0.015);
  });

  it('refuses text, negatives and anything above 100 %, saying what is allowed', () => {
    const allowed = 'must be a percentage from 0 % to 100 % (such as 25 %, 25 or 0.25)';
    expect(readPercent('abc')).toEqual({ unreadable: `${allowed}, not "abc"` });
    expect(readPercent(-0.1)).toEqual({ unreadable: `${allowed}, not -0.1` });
    expect(readPercent('150%')).toEqual({ unreadable: `${allowed}, not "150%"` });
    expect(readPercent(101)).toEqual({ unreadable: `${allowed}, not 101` });
    expect(isUnreadable(readPercent('25%%'))).toBe(true);
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
