import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { dayFromParts, isoOfDay, startOfDay } from '../../src/core/dates';
import type { FieldsShown } from '../../src/core/field-changes';
import { amountOfOldValue, closeDateOfOldValue, decideFields } from '../../src/core/field-changes';
import { FieldRecord } from '../../src/core/field-record';

const TZ = 'America/Los_Angeles';
const JAN_15 = dayFromParts(2027, 1, 15);
const FEB_01 = dayFromParts(2027, 2, 1);

function recordWith(closeDate: number | null | undefined, amount: number | null | undefined): FieldRecord {
  const record = FieldRecord.fromProperties({});
  record.see({ id: 'D-0001', closeDate, amount });
  return record;
}

function shown(overrides: Partial<FieldsShown> = {}): FieldsShown {
  return {
    id: 'D-0001',
    deal: 'Acme deal',
    open: true,
    isNew: false,
    now: { closeDate: FEB_01, amount: 5_000 },
    changed: ['closeDate', 'amount'],
    ...overrides,
  };
}

describe('the History rows a Close Date or Amount change makes', () => {
  it('names the field, with From and To as yyyy-mm-dd for a date and numbers for an amount', () => {
    const decided = decideFields(shown(), recordWith(JAN_15, 4_000));
    expect(decided.entries).toEqual([
      { id: 'D-0001', deal: 'Acme deal', field: 'Close Date', from: '2027-01-15', to: '2027-02-01' },
      { id: 'D-0001', deal: 'Acme deal', field: 'Amount', from: 4_000, to: 5_000 },
    ]);
    expect(decided.seen).toEqual({ id: 'D-0001', closeDate: FEB_01, amount: 5_000 });
  });

  it('writes blank for a field that was or becomes blank', () => {
    const cleared = decideFields(
      shown({ now: { closeDate: null, amount: null } }),
      recordWith(JAN_15, 4_000),
    );
    expect(cleared.entries.map((e) => [e.from, e.to])).toEqual([
      ['2027-01-15', ''],
      [4_000, ''],
    ]);
    const filled = decideFields(shown(), recordWith(null, null));
    expect(filled.entries.map((e) => [e.from, e.to])).toEqual([
      ['', '2027-02-01'],
      ['', 5_000],
    ]);
  });

  it('prefers the old value the caller knows, blank included, to the record', () => {
    const decided = decideFields(
      shown({ before: { closeDate: null, amount: 4_500 } }),
      recordWith(JAN_15, 4_000),
    );
    expect(decided.entries.map((e) => [e.from, e.to])).toEqual([
      ['', '2027-02-01'],
      [4_500, 5_000],
    ]);
    const same = decideFields(
      shown({ before: { closeDate: FEB_01, amount: 5_000 } }),
      recordWith(JAN_15, 4_000),
    );
    expect(same.entries).toEqual([]);
    expect(same.seen).toEqual({ id: 'D-0001', closeDate: FEB_01, amount: 5_000 });
  });

  it('leaves From blank for an old amount the record kept only the mark of', () => {
    const decided = decideFields(
      shown({ now: { amount: 12_346 }, changed: ['amount'] }),
      recordWith(undefined, 12_345),
    );
    expect(decided.entries).toEqual([
      { id: 'D-0001', deal: 'Acme deal', field: 'Amount', from: '', to: 12_346 },
    ]);
    expect(
      decideFields(shown({ now: { amount: 12_345 }, changed: ['amount'] }), recordWith(undefined, 12_345))
        .entries,
    ).toEqual([]);
  });

  it('records nothing for a won or lost deal, a new deal or an unknown old value, but keeps the new value', () => {
    for (const overrides of [{ open: false }, { isNew: true }]) {
      const decided = decideFields(shown(overrides), recordWith(JAN_15, 4_000));
      expect(decided.entries).toEqual([]);
      expect(decided.seen).toEqual({ id: 'D-0001', closeDate: FEB_01, amount: 5_000 });
    }
    const unknown = decideFields(shown(), recordWith(undefined, undefined));
    expect(unknown.entries).toEqual([]);
    expect(unknown.seen).toEqual({ id: 'D-0001', closeDate: FEB_01, amount: 5_000 });
  });

  it('compares only the fields the change covered, and learns the others only when never seen', () => {
    const known = decideFields(shown({ changed: [] }), recordWith(JAN_15, 4_000));
    expect(known).toEqual({ entries: [], seen: null });
    const half = decideFields(shown({ changed: [] }), recordWith(JAN_15, undefined));
    expect(half).toEqual({ entries: [], seen: { id: 'D-0001', amount: 5_000 } });
  });

  it('leaves an unreadable field alone: no row, and the record keeps what it had', () => {
    const decided = decideFields(shown({ now: { amount: 5_000 } }), recordWith(JAN_15, 4_000));
    expect(decided.entries.map((e) => e.field)).toEqual(['Amount']);
    expect(decided.seen).toStrictEqual({ id: 'D-0001', amount: 5_000 });
    const noAmount = decideFields(shown({ now: { closeDate: FEB_01 } }), recordWith(JAN_15, 4_000));
    expect(noAmount.entries.map((e) => e.field)).toEqual(['Close Date']);
    expect(noAmount.seen).toStrictEqual({ id: 'D-0001', closeDate: FEB_01 });
  });

  it('makes a row exactly when an open deal’s known value changes (property)', () => {
    const value = fc.option(fc.integer({ min: 0, max: 3 }), { nil: null });
    fc.assert(
      fc.property(value, value, fc.boolean(), fc.boolean(), (before, after, open, isNew) => {
        const day = (n: number | null) => (n === null ? null : JAN_15 + n);
        const decided = decideFields(
          shown({ open, isNew, now: { closeDate: day(after) }, changed: ['closeDate'] }),
          recordWith(day(before), undefined),
        );
        expect(decided.entries.length).toBe(open && !isNew && before !== after ? 1 : 0);
        expect(decided.seen).toEqual({ id: 'D-0001', closeDate: day(after) });
      }),
    );
  });
});

describe('the old value Sheets gives for a single edited cell', () => {
  it('reads a Close Date given as a serial number (text or number), a Date or yyyy-mm-dd', () => {
    // 46,402 days after 1899-12-30 is 2027-01-15.
    expect(closeDateOfOldValue('46402', TZ)).toBe(JAN_15);
    expect(closeDateOfOldValue(46_402, TZ)).toBe(JAN_15);
    expect(closeDateOfOldValue('46402.75', TZ)).toBe(JAN_15);
    expect(closeDateOfOldValue(' 46402 ', TZ)).toBe(JAN_15);
    expect(closeDateOfOldValue(startOfDay(JAN_15, TZ), TZ)).toBe(JAN_15);
    expect(closeDateOfOldValue('2027-01-15', TZ)).toBe(JAN_15);
    expect(isoOfDay(closeDateOfOldValue('1', TZ)!)).toBe('1899-12-31');
  });

  it('says nothing for no old value (blank before, or a pasted cell) or text that is no date', () => {
    expect(closeDateOfOldValue(undefined, TZ)).toBeUndefined();
    expect(closeDateOfOldValue('soon', TZ)).toBeUndefined();
    expect(closeDateOfOldValue('', TZ)).toBeNull();
    expect(closeDateOfOldValue('  ', TZ)).toBeNull();
  });

  it('reads an Amount given as text or a number', () => {
    expect(amountOfOldValue('12500')).toBe(12_500);
    expect(amountOfOldValue(99.5)).toBe(99.5);
    expect(amountOfOldValue('')).toBeNull();
    expect(amountOfOldValue(undefined)).toBeUndefined();
    expect(amountOfOldValue('lots')).toBeUndefined();
  });
});
