import { describe, expect, it } from 'vitest';

import { priceDeals, quarterNumbers, stageLookup, targetCoverage } from '../../../src/core/numbers';
import { day, deal, TABLE, TODAY } from './fixtures';

const lookup = stageLookup(TABLE);

describe('this fiscal quarter', () => {
  it('is the calendar quarter when the fiscal year starts in January', () => {
    expect(quarterNumbers([], TODAY, 1).quarter).toEqual({ from: day('2025-04-01'), to: day('2025-06-30') });
  });
  it('follows Fiscal Year Start Month: a year starting in February has May–July', () => {
    expect(quarterNumbers([], TODAY, 2).quarter).toEqual({ from: day('2025-05-01'), to: day('2025-07-31') });
  });
  it('counts as won this quarter only won deals whose Close Date is in it', () => {
    const { priced } = priceDeals(
      [
        deal({ stage: 'Closed Won', amount: 1000, closeDate: day('2025-04-01') }),
        deal({ stage: 'Closed Won', amount: 2000, closeDate: day('2025-06-30') }),
        deal({ stage: 'Closed Won', amount: 4000, closeDate: day('2025-03-31') }),
        deal({ stage: 'Closed Won', amount: 8000 }),
        deal({ stage: 'Proposal', amount: 600, closeDate: day('2025-06-01') }),
        deal({ stage: 'Lead', amount: 900, closeDate: day('2025-07-01') }),
      ],
      lookup,
    );
    expect(quarterNumbers(priced, TODAY, 1)).toMatchObject({
      wonDeals: 2,
      wonAmount: 3000,
      openClosing: 600,
      weightedClosing: 300,
    });
  });
});

describe('target coverage', () => {
  const quarter = {
    quarter: { from: 0, to: 90 },
    wonDeals: 3,
    wonAmount: 40_000,
    openClosing: 180_000,
    weightedClosing: 50_000,
  };
  it('is open pipeline closing this quarter ÷ the target not yet won', () => {
    // Target 100 000, 40 000 won: 180 000 ÷ 60 000 = 3× coverage.
    expect(targetCoverage(quarter, 100_000)).toEqual({
      target: 100_000,
      remaining: 60_000,
      coverage: 3,
      targetMet: false,
      attainment: 0.4,
      expectedAttainment: 0.9,
    });
  });
  it('says the target is met instead of dividing by nothing', () => {
    expect(targetCoverage(quarter, 30_000)).toMatchObject({ remaining: 0, coverage: null, targetMet: true });
  });
  it('is absent when no Quarterly Target is set', () => {
    expect(targetCoverage(quarter, null)).toBeNull();
    expect(targetCoverage(quarter, 0)).toBeNull();
  });
});
