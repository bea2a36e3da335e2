import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { dayFromParts } from '../../src/core/dates';
import { amountMark, FieldRecord } from '../../src/core/field-record';
import { StageRecord } from '../../src/core/stage-record';

const D = (iso: string) =>
  dayFromParts(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8)));

function roundTrip(record: StageRecord, before: Record<string, string> = {}): StageRecord {
  return StageRecord.fromProperties({ ...before, ...record.changedProperties() });
}

describe('the record of each deal’s Close Date and Amount', () => {
  it('remembers both by ID across a save and a read, blank apart from never seen', () => {
    const record = StageRecord.empty();
    record.fields.see({ id: 'D-0001', closeDate: D('2027-01-15'), amount: 12_500 });
    record.fields.see({ id: 'D-0002', closeDate: null, amount: null });
    record.fields.see({ id: 'D-0003', closeDate: D('2026-12-31') });
    const back = roundTrip(record).fields;
    expect(back.closeDateOf('D-0001')).toBe(D('2027-01-15'));
    expect(back.amountOf('D-0001')).toEqual({ exact: 12_500 });
    expect(back.closeDateOf('D-0002')).toBeNull();
    expect(back.amountOf('D-0002')).toEqual({ exact: null });
    expect(back.closeDateOf('D-0003')).toBe(D('2026-12-31'));
    expect(back.amountOf('D-0003')).toBeUndefined();
    expect(back.closeDateOf('D-0004')).toBeUndefined();
    expect(back.closeDateOf('ACME-7')).toBeUndefined();
  });

  it('keeps a whole amount of up to three significant digits exactly, any other as a mark', () => {
    for (const amount of [0, 7, 999, 1_000, 12_500, 990_000, 1_200_000, 9_990_000_000]) {
      const record = FieldRecord.fromProperties({});
      record.see({ id: 'D-0001', amount });
      expect(record.amountOf('D-0001')).toEqual({ exact: amount });
    }
    for (const amount of [1_054, 12_345, 99.9, 10_000_000_000, 1_001, 5e-324, 1e21]) {
      const record = FieldRecord.fromProperties({});
      record.see({ id: 'D-0001', amount });
      expect(record.amountOf('D-0001')).toEqual({ mark: amountMark(amount) });
      expect(amountMark(amount)).toBeGreaterThan(8_000);
      expect(amountMark(amount)).toBeLessThan(94 * 94);
    }
    expect(amountMark(null)).toBe(0);
    expect(amountMark(12_345)).not.toBe(amountMark(12_346));
  });

  it('never changes a mark it saved: the same amounts give the same codes as ever', () => {
    expect([0, 999, 1_000, 12_500, 9_990_000_000].map(amountMark)).toEqual([1, 1_000, 1_101, 2_126, 8_000]);
    expect([12_345, 12_346, 99.9, -5, 10_000_000_000].map(amountMark)).toEqual([
      8_190, 8_082, 8_637, 8_090, 8_319,
    ]);
  });

  it('takes a day it cannot hold (before 1900, past 4174) as not seen, and holds those between', () => {
    const record = FieldRecord.fromProperties({});
    const last = D('1899-12-31') + 94 ** 3 - 1;
    record.see({ id: 'D-0001', closeDate: D('1899-12-31') });
    record.see({ id: 'D-0002', closeDate: D('1900-01-01') });
    record.see({ id: 'D-0003', closeDate: D('4000-02-29') });
    record.see({ id: 'D-0004', closeDate: last });
    record.see({ id: 'D-0005', closeDate: last + 1 });
    expect(record.closeDateOf('D-0001')).toBeUndefined();
    expect(record.closeDateOf('D-0002')).toBe(D('1900-01-01'));
    expect(record.closeDateOf('D-0003')).toBe(D('4000-02-29'));
    expect(record.closeDateOf('D-0004')).toBe(last);
    expect(record.closeDateOf('D-0005')).toBeUndefined();
    // Not seen is written as spaces, as it reads when the record never had it.
    expect(record.changedProperties()['dealPipeline.fields.0']?.slice(5, 8)).toBe('   ');
  });

  it('keeps one field when told only the other, and takes a new value that shares characters', () => {
    const record = FieldRecord.fromProperties({});
    record.see({ id: 'D-0001', closeDate: D('2027-01-15'), amount: 100 });
    record.see({ id: 'D-0001', amount: 200 });
    expect(record.closeDateOf('D-0001')).toBe(D('2027-01-15'));
    record.see({ id: 'D-0001', closeDate: D('2027-01-16') });
    expect(record.closeDateOf('D-0001')).toBe(D('2027-01-16'));
    expect(record.amountOf('D-0001')).toEqual({ exact: 200 });
  });

  it('keeps nothing for text that is not an ID, even when deal 0 has a record', () => {
    const record = FieldRecord.fromProperties({});
    record.see({ id: 'D-0000', closeDate: D('2027-01-15'), amount: 5 });
    const saved = record.changedProperties();
    record.see({ id: 'ACME-7', closeDate: D('2027-02-01'), amount: 6 });
    expect(record.changedProperties()).toEqual(saved);
    expect(record.closeDateOf('ACME-7')).toBeUndefined();
    expect(record.amountOf('ACME-7')).toBeUndefined();
  });

  it('writes only the chunks that change, 1,600 deals a chunk, and nothing for the same values', () => {
    const record = StageRecord.empty();
    record.fields.see({ id: 'D-3200', closeDate: D('2027-01-15'), amount: 100 });
    const saved = record.changedProperties();
    expect(Object.keys(saved).sort()).toEqual([
      'dealPipeline.fields.0',
      'dealPipeline.fields.1',
      'dealPipeline.fields.2',
    ]);
    expect(saved['dealPipeline.fields.1']).toBe('');
    expect(saved['dealPipeline.fields.2']).toHaveLength(5);
    const back = roundTrip(record);
    back.fields.see({ id: 'D-3200', closeDate: D('2027-01-15'), amount: 100 });
    expect(back.changedProperties()).toEqual({});
    back.fields.see({ id: 'D-3201', amount: 100 });
    expect(Object.keys(back.changedProperties())).toEqual(['dealPipeline.fields.2']);
    // 100 is code 101 = 1 × 94 + 7, after a Close Date never seen.
    expect(back.changedProperties()['dealPipeline.fields.2']).toBe(`${saved['dealPipeline.fields.2']}   "(`);
  });

  it('reads a record saved before it existed as nothing seen, stages intact', () => {
    const stages = StageRecord.empty();
    stages.record('D-0001', 'Lead', 3);
    const old = stages.changedProperties();
    const record = StageRecord.fromProperties(old);
    expect(record.fields.closeDateOf('D-0001')).toBeUndefined();
    expect(record.fields.amountOf('D-0001')).toBeUndefined();
    expect(record.stageOf('D-0001')).toBe('Lead');
    expect(record.changedProperties()).toEqual({});
  });

  it('ignores characters past its 94 codes', () => {
    const record = FieldRecord.fromProperties({
      'dealPipeline.fields.0': `${' '.repeat(5)}!!\u00ff!!!!!!\u007f`,
    });
    expect(record.closeDateOf('D-0001')).toBeUndefined();
    expect(record.amountOf('D-0001')).toEqual({ exact: null });
    expect(record.closeDateOf('D-0002')).toBeNull();
    expect(record.amountOf('D-0002')).toBeUndefined();
  });

  it('fits 50,000 deals with their stages in document properties: no value over 9 KB, 350 KB in all', () => {
    const record = StageRecord.empty();
    for (let n = 1; n <= 50_000; n++) {
      record.record(`D-${n}`, n % 2 ? 'Lead' : 'Proposal', n % 94);
      record.fields.see({ id: `D-${n}`, closeDate: D('2027-01-01') + (n % 700), amount: n * 37 });
    }
    const saved = record.changedProperties();
    const sizes = Object.entries(saved).map(([key, value]) => key.length + value.length);
    expect(Math.max(...sizes)).toBeLessThan(9 * 1024);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(360 * 1024);
    const back = StageRecord.fromProperties(saved);
    expect(back.fields.closeDateOf('D-49999')).toBe(D('2027-01-01') + (49_999 % 700));
    expect(back.fields.amountOf('D-50000')).toEqual({ exact: 1_850_000 });
    expect(back.stageOf('D-49999')).toBe('Lead');
  });

  it('reads back whatever it saw (property)', () => {
    const amount = fc.oneof(
      fc.constant(null),
      fc.integer({ min: 0, max: 2_000_000 }),
      fc.double({ min: 0, max: 1e9, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 1, max: 5_000 }),
            fc.option(fc.integer({ min: -25_000, max: 100_000 })),
            amount,
          ),
          {
            maxLength: 40,
          },
        ),
        (seen) => {
          const record = StageRecord.empty();
          const expected = new Map<number, [number | null, number | null]>();
          for (const [n, day, value] of seen) {
            record.fields.see({ id: `D-${n}`, closeDate: day, amount: value });
            expected.set(n, [day, value]);
          }
          const back = roundTrip(record).fields;
          for (const [n, [day, value]] of expected) {
            expect(back.closeDateOf(`D-${n}`)).toBe(day);
            const kept = back.amountOf(`D-${n}`)!;
            if ('exact' in kept) expect(kept.exact).toBe(value);
            else expect(kept.mark).toBe(amountMark(value));
          }
        },
      ),
    );
  });
});
