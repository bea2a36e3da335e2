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
    expect(back.stageOf('')).toBeUndefined();
  });

  it('keeps IDs of another form, typed by a team, in their own map', () => {
    const record = StageRecord.empty();
    record.record('ACME-7', 'Negotiation');
    expect(roundTrip(record).stageOf('acme-7')).toBe('Negotiation');
  });

  it('writes only the chunks that changed', () => {
    const record = StageRecord.empty();
    record.record('D-20000', 'Lead');
    const saved = record.changedProperties();
    expect(Object.keys(saved).sort()).toEqual([
      'dealPipeline.stages.0',
      'dealPipeline.stages.1',
      'dealPipeline.stages.2',
      'dealPipeline.stages.names',
    ]);
    const again = StageRecord.fromProperties(saved);
    again.record('D-20001', 'Lead');
    expect(Object.keys(again.changedProperties())).toEqual(['dealPipeline.stages.2']);
  });

  it('fits 50,000 deals in document properties: no value over 9 KB, under 100 KB in all', () => {
    const record = StageRecord.empty();
    const stages = ['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'];
    for (let n = 1; n <= 50_000; n++) record.record(`D-${n}`, stages[n % stages.length]!);
    const saved = record.changedProperties();
    const sizes = Object.entries(saved).map(([key, value]) => key.length + value.length);
    expect(Math.max(...sizes)).toBeLessThan(9 * 1024);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(100 * 1024);
    expect(StageRecord.fromProperties(saved).stageOf('D-49999')).toBe(stages[49_999 % 6]);
  });

  it('knows the highest ID it has seen, so IDs are never reused', () => {
    const record = StageRecord.empty();
    record.record('D-0007', 'Lead');
    record.record('D-0003', 'Lead');
    expect(roundTrip(record).highestIdNumber()).toBe(7);
  });

  it('reads back whatever it recorded (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 30_000 }), fc.constantFrom('Lead', 'Won', 'Lost')), {
          maxLength: 60,
        }),
        (moves) => {
          const record = StageRecord.empty();
          const expected = new Map<number, string>();
          for (const [n, stage] of moves) {
            record.record(`D-${n}`, stage);
            expected.set(n, stage);
          }
          const back = roundTrip(record);
          for (const [n, stage] of expected) expect(back.stageOf(`D-${n}`)).toBe(stage);
        },
      ),
    );
  });
});
