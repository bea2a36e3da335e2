import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { StageRecord } from '../../src/core/stage-record';

function roundTrip(record: StageRecord, before: Record<string, string> = {}): StageRecord {
  return StageRecord.fromProperties({ ...before, ...record.changedProperties() });
}

describe('the stage record', () => {
  it('remembers each deal’s last accepted stage by ID, across a save and a read', () => {
    const record = StageRecord.empty();
    record.record('D-0001', 'Lead');
    record.record('D-0042', 'Proposal');
    record.record('d-0001', 'Qualified');
    const back = roundTrip(record);
    expect(back.stageOf('D-0001')).toBe('Qualified');
    expect(back.stageOf('D-0042')).toBe('Proposal');
    expect(back.stageOf('D-0002')).toBeUndefined();
    expect(back.stageOf('D-99999')).toBeUndefined();
    expect(back.stageOf('')).toBeUndefined();
  });

  it('records only the add-on’s own D-n IDs: text of another form is never kept', () => {
    const record = StageRecord.empty();
    record.record('ACME-7', 'Negotiation');
    record.setFingerprint('ACME-7', 5);
    expect(record.changedProperties()).toEqual({});
    expect(record.stageOf('ACME-7')).toBeUndefined();
    expect(record.fingerprintOf('ACME-7')).toBeUndefined();
  });

  it('keeps a fingerprint beside the stage, and keeps the stage when only the fingerprint changes', () => {
    const record = StageRecord.empty();
    record.record('D-0003', 'Lead', 17);
    record.record('D-0004', 'Lead');
    const back = roundTrip(record);
    expect(back.fingerprintOf('D-0003')).toBe(17);
    expect(back.fingerprintOf('D-0004')).toBeUndefined();
    back.setFingerprint('D-0003', 93);
    back.record('D-0004', 'Proposal', 0);
    const again = roundTrip(back);
    expect(again.stageOf('D-0003')).toBe('Lead');
    expect(again.fingerprintOf('D-0003')).toBe(93);
    expect(again.fingerprintOf('D-0004')).toBe(0);
    expect(again.stageOf('D-0004')).toBe('Proposal');
  });

  it('forgets a fingerprint but not the stage', () => {
    const record = StageRecord.empty();
    record.record('D-0009', 'Closed Won', 40);
    const back = roundTrip(record);
    back.forgetFingerprint('D-0009');
    back.forgetFingerprint('D-0010');
    const again = roundTrip(back, record.changedProperties());
    expect(again.fingerprintOf('D-0009')).toBeUndefined();
    expect(again.stageOf('D-0009')).toBe('Closed Won');
  });

  it('writes nothing when a fingerprint is set to what it already is', () => {
    const record = roundTrip(
      (() => {
        const r = StageRecord.empty();
        r.record('D-0001', 'Lead', 4);
        return r;
      })(),
    );
    record.setFingerprint('D-0001', 4);
    record.forgetFingerprint('D-0002');
    expect(record.changedProperties()).toEqual({});
  });

  it('writes only the chunks that changed, 4,000 deals a chunk', () => {
    const record = StageRecord.empty();
    record.record('D-20000', 'Lead');
    const saved = record.changedProperties();
    expect(Object.keys(saved).sort()).toEqual([
      'dealPipeline.stages.0',
      'dealPipeline.stages.1',
      'dealPipeline.stages.2',
      'dealPipeline.stages.3',
      'dealPipeline.stages.4',
      'dealPipeline.stages.5',
      'dealPipeline.stages.format',
      'dealPipeline.stages.names',
    ]);
    expect(saved['dealPipeline.stages.4']).toBe('');
    expect(saved['dealPipeline.stages.5']).toBe('!');
    const again = StageRecord.fromProperties(saved);
    expect(again.stageOf('D-20000')).toBe('Lead');
    again.record('D-20001', 'Lead');
    expect(Object.keys(again.changedProperties()).sort()).toEqual([
      'dealPipeline.stages.5',
      'dealPipeline.stages.format',
    ]);
    expect(again.changedProperties()['dealPipeline.stages.5']).toBe('! !');
  });

  it('fits 50,000 deals in document properties: no value over 9 KB, under 110 KB in all', () => {
    const record = StageRecord.empty();
    const stages = ['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'];
    for (let n = 1; n <= 50_000; n++) record.record(`D-${n}`, stages[n % stages.length]!, n % 94);
    const saved = record.changedProperties();
    const sizes = Object.entries(saved).map(([key, value]) => key.length + value.length);
    expect(Math.max(...sizes)).toBeLessThan(9 * 1024);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(110 * 1024);
    const back = StageRecord.fromProperties(saved);
    expect(back.stageOf('D-49999')).toBe(stages[49_999 % 6]);
    expect(back.fingerprintOf('D-49999')).toBe(49_999 % 94);
    expect(back.recordedNumbers()).toHaveLength(50_000);
  });

  it('knows the highest ID it has seen, so IDs are never reused', () => {
    const record = StageRecord.empty();
    expect(record.highestIdNumber()).toBe(0);
    record.record('D-0007', 'Lead');
    record.record('D-0003', 'Lead');
    expect(roundTrip(record).highestIdNumber()).toBe(7);
    const fingerprintOnly = StageRecord.empty();
    fingerprintOnly.setFingerprint('D-4005', 3);
    expect(fingerprintOnly.highestIdNumber()).toBe(4005);
  });

  it('lists the numbers of the deals whose stage it holds', () => {
    const record = StageRecord.empty();
    record.record('D-0002', 'Lead');
    record.record('D-4001', 'Lead');
    record.setFingerprint('D-0005', 1);
    expect(roundTrip(record).recordedNumbers()).toEqual([2, 4001]);
  });

  it('holds more than 93 stage names, past the characters it has', () => {
    const record = StageRecord.empty();
    for (let i = 0; i < 100; i++) record.record(`D-${i + 1}`, `Stage ${i}`, i % 94);
    const back = roundTrip(record);
    expect(back.stageOf('D-0001')).toBe('Stage 0');
    expect(back.stageOf('D-0093')).toBe('Stage 92');
    expect(back.stageOf('D-0094')).toBe('Stage 93');
    expect(back.stageOf('D-0100')).toBe('Stage 99');
    expect(back.fingerprintOf('D-0100')).toBe(99 % 94);
  });

  it('reads the first format (one character a deal) and rewrites it on the next save', () => {
    const first = {
      'dealPipeline.stages.names': JSON.stringify(['Lead', 'Closed Won']),
      'dealPipeline.stages.0': ' "!',
      'dealPipeline.stages.1': '',
      'dealPipeline.stages.2': '  "',
      'dealPipeline.stages.others': JSON.stringify({ 'ACME-7': 0 }),
    };
    const record = StageRecord.fromProperties(first);
    expect(record.stageOf('D-0001')).toBe('Closed Won');
    expect(record.stageOf('D-0002')).toBe('Lead');
    expect(record.stageOf('D-16002')).toBe('Closed Won');
    expect(record.stageOf('ACME-7')).toBeUndefined();
    const saved = record.changedProperties();
    expect(saved['dealPipeline.stages.format']).toBe('2');
    expect(saved['dealPipeline.stages.others']).toBe('{}');
    const back = StageRecord.fromProperties({ ...first, ...saved });
    expect(back.stageOf('D-0001')).toBe('Closed Won');
    expect(back.stageOf('D-16002')).toBe('Closed Won');
    expect(back.recordedNumbers()).toEqual([1, 2, 16002]);
  });

  it('reads a record with no properties, or broken JSON, as empty', () => {
    expect(StageRecord.fromProperties({}).changedProperties()).toEqual({});
    const broken = StageRecord.fromProperties({
      'dealPipeline.stages.format': '2',
      'dealPipeline.stages.names': '{not json',
      'dealPipeline.stages.others': 'nope',
    });
    expect(broken.stageOf('D-0001')).toBeUndefined();
    expect(broken.recordedNumbers()).toEqual([]);
  });

  it('trims the stage name it records', () => {
    const record = StageRecord.empty();
    record.record('D-0001', ' Lead ');
    record.record('D-0002', 'Lead');
    expect(record.changedProperties()['dealPipeline.stages.names']).toBe('["Lead"]');
    expect(roundTrip(record).stageOf('D-0001')).toBe('Lead');
  });

  it('never answers for text that is not an ID, even when deal 0 has a record', () => {
    const record = StageRecord.empty();
    record.record('D-0000', 'Lead', 5);
    record.forgetFingerprint('ACME-7');
    const back = roundTrip(record);
    expect(back.fingerprintOf('ACME-7')).toBeUndefined();
    expect(back.stageOf('ACME-7')).toBeUndefined();
    expect(back.fingerprintOf('D-0000')).toBe(5);
  });

  it('knows the highest ID when the last chunk holds only forgotten fingerprints', () => {
    const record = StageRecord.empty();
    record.record('D-0003', 'Lead');
    record.setFingerprint('D-4001', 7);
    record.forgetFingerprint('D-4001');
    expect(roundTrip(record).highestIdNumber()).toBe(3);
  });

  it('ignores characters past its 94 codes', () => {
    const record = StageRecord.fromProperties({
      'dealPipeline.stages.format': '2',
      'dealPipeline.stages.names': '["Lead"]',
      'dealPipeline.stages.0': '  \u00ff\u00ff!!',
    });
    expect(record.stageOf('D-0001')).toBeUndefined();
    expect(record.fingerprintOf('D-0001')).toBeUndefined();
    expect(record.stageOf('D-0002')).toBe('Lead');
    expect(record.fingerprintOf('D-0002')).toBe(0);
  });

  it('reads the first format with only names, or with codes past its names, safely', () => {
    const namesOnly = StageRecord.fromProperties({ 'dealPipeline.stages.names': '["Lead"]' });
    expect(namesOnly.changedProperties()['dealPipeline.stages.format']).toBe('2');
    const chunksOnly = StageRecord.fromProperties({ 'dealPipeline.stages.0': ' !' });
    expect(chunksOnly.changedProperties()['dealPipeline.stages.format']).toBe('2');
    expect(chunksOnly.stageOf('D-0001')).toBeUndefined();
    const pastNames = StageRecord.fromProperties({
      'dealPipeline.stages.names': '["Lead"]',
      'dealPipeline.stages.0': ' !"',
    });
    expect(pastNames.stageOf('D-0001')).toBe('Lead');
    expect(pastNames.stageOf('D-0002')).toBeUndefined();
    expect(pastNames.recordedNumbers()).toEqual([1]);
  });

  it('reads names that are not a list as none, and still records into a broken overflow map', () => {
    const record = StageRecord.fromProperties({
      'dealPipeline.stages.format': '2',
      'dealPipeline.stages.names': '{"0":"Lead"}',
      'dealPipeline.stages.0': '  !',
      'dealPipeline.stages.others': 'nope',
    });
    expect(record.stageOf('D-0001')).toBeUndefined();
    for (let i = 0; i < 95; i++) record.record('D-0002', `Stage ${i}`);
    expect(roundTrip(record).stageOf('D-0002')).toBe('Stage 94');
  });

  it('reads back whatever it recorded (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 1, max: 30_000 }),
            fc.constantFrom('Lead', 'Won', 'Lost'),
            fc.integer({ min: 0, max: 93 }),
          ),
          { maxLength: 60 },
        ),
        (moves) => {
          const record = StageRecord.empty();
          const expected = new Map<number, [string, number]>();
          for (const [n, stage, print] of moves) {
            record.record(`D-${n}`, stage, print);
            expected.set(n, [stage, print]);
          }
          const back = roundTrip(record);
          for (const [n, [stage, print]] of expected) {
            expect(back.stageOf(`D-${n}`)).toBe(stage);
            expect(back.fingerprintOf(`D-${n}`)).toBe(print);
          }
        },
      ),
    );
  });
});
