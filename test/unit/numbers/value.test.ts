import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { inRange, pipelineTotals, priceDeals, stageLookup, weightedSum } from '../../../src/core/numbers';
import type { Deal } from '../../../src/core/types';
import { day, deal, stage, TABLE } from './fixtures';

const lookup = stageLookup(TABLE);

/** A deal's Amount × p as every number counts it; undefined when its stage is unknown. */
const weightedValue = (d: Deal, table = lookup) => priceDeals([d], table).priced[0]?.weighted;

describe('weighted value (Amount × p)', () => {
  it("uses the deal's own Probability when it is set", () => {
    expect(weightedValue(deal({ stage: 'Proposal', amount: 1000, probability: 0.2 }), lookup)).toBe(200);
  });
  it("uses the stage's probability when the Probability cell is blank", () => {
    expect(weightedValue(deal({ stage: 'Proposal', amount: 1000 }), lookup)).toBe(500);
  });
  it('counts a won deal 100 % whatever its Probability says', () => {
    expect(weightedValue(deal({ stage: 'Closed Won', amount: 1000, probability: 0.3 }), lookup)).toBe(1000);
  });
  it('counts a lost deal 0 % whatever its Probability says', () => {
    expect(weightedValue(deal({ stage: 'Closed Lost', amount: 1000, probability: 0.9 }), lookup)).toBe(0);
  });
  it('finds the stage trimmed and case-insensitively', () => {
    expect(priceDeals([deal({ stage: '  closed WON ' })], lookup).priced[0]?.probability).toBe(1);
  });
  it('is 0 for a blank Amount, and nothing at all for a stage the table does not know', () => {
    expect(weightedValue(deal({ stage: 'Proposal', amount: null }), lookup)).toBe(0);
    expect(weightedValue(deal({ stage: 'Signed', amount: 1000 }), lookup)).toBeUndefined();
  });
  it('follows a renamed table: a won stage called "Signed" counts 100 %', () => {
    const custom = stageLookup({ stages: [stage('Talking', 0.3), stage('Signed', 0.5, 'won', 'Closed')] });
    expect(weightedValue(deal({ stage: 'Signed', amount: 80 }), custom)).toBe(80);
    expect(weightedValue(deal({ stage: 'Talking', amount: 80 }), custom)).toBeCloseTo(24, 10);
  });
});

describe('weightedSum, the FORECAST_WEIGHTED primitive', () => {
  it('sums Amount × p over rows', () => {
    expect(weightedSum([100, 200, 50], [0.5, 0.25, 1])).toBe(150);
  });
  it('counts only rows whose close date lies in [start, end], both ends included', () => {
    const closes = [day('2025-01-01'), day('2025-01-31'), day('2025-02-01'), null];
    const january = { from: day('2025-01-01'), to: day('2025-01-31') };
    expect(weightedSum([1, 10, 100, 1000], [1, 1, 1, 1], closes, january)).toBe(11);
  });
  it('rejects columns of different lengths', () => {
    expect(() => weightedSum([1, 2], [1])).toThrow(/same length/);
  });
  it('does not depend on row order (up to rounding)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1e6 }), fc.double({ min: 0, max: 1, noNaN: true }))),
        (rows) => {
          const reversed = [...rows].reverse();
          const a = weightedSum(
            rows.map((r) => r[0]),
            rows.map((r) => r[1]),
          );
          const b = weightedSum(
            reversed.map((r) => r[0]),
            reversed.map((r) => r[1]),
          );
          expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, a));
        },
      ),
    );
  });
});

describe('inRange', () => {
  it('lets a row with no date into the unbounded range only', () => {
    expect(inRange(null, { from: null, to: null })).toBe(true);
    expect(inRange(null, { from: 0, to: null })).toBe(false);
  });
  it('treats a missing end as open on that side', () => {
    expect(inRange(5, { from: null, to: 5 })).toBe(true);
    expect(inRange(6, { from: null, to: 5 })).toBe(false);
    expect(inRange(4, { from: 5, to: null })).toBe(false);
  });
});

describe('open and weighted pipeline', () => {
  const deals = [
    deal({ stage: 'Lead', amount: 1000 }),
    deal({ stage: 'Negotiation', amount: 2000, probability: 0.6 }),
    deal({ stage: 'Closed Won', amount: 5000 }),
    deal({ stage: 'Closed Lost', amount: 7000 }),
    deal({ stage: 'Mystery', amount: 9000 }),
  ];
  const { priced, unknownStage } = priceDeals(deals, lookup);

  it('sums Amount and Amount × p over open deals only', () => {
    // 1000 + 2000 open; weighted 1000 × 0.1 + 2000 × 0.6 = 1300.
    expect(pipelineTotals(priced)).toEqual({ openDeals: 2, openPipeline: 3000, weightedPipeline: 1300 });
  });
  it('leaves out deals whose Stage the table does not know, and says which', () => {
    expect(unknownStage.map((d) => d.stage)).toEqual(['Mystery']);
  });
  it('never has a weighted pipeline above the open pipeline', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            stage: fc.constantFrom(...TABLE.stages.map((s) => s.name)),
            amount: fc.option(fc.integer({ min: 0, max: 1e7 })),
            probability: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
          }),
        ),
        (rows) => {
          const totals = pipelineTotals(priceDeals(rows.map(deal), lookup).priced);
          expect(totals.weightedPipeline).toBeLessThanOrEqual(totals.openPipeline + 1e-6);
          expect(totals.weightedPipeline).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
