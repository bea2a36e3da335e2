import { describe, expect, it } from 'vitest';

import {
  averageDealSize,
  closedDealStats,
  lastTwelveMonths,
  priceDeals,
  salesCycleDays,
  salesVelocity,
  salesVelocityOf,
  stageLookup,
  winRate,
} from '../../../src/core/numbers';
import { ALL_TIME, day, deal, TABLE, TODAY } from './fixtures';

const lookup = stageLookup(TABLE);

describe('win rate', () => {
  it('is won ÷ (won + lost) by count, open deals never counting', () => {
    expect(winRate(['won', 'lost', 'lost', 'open', 'open', 'won', 'lost', 'won'])).toBe(3 / 6);
  });
  it('is null when nothing has closed', () => {
    expect(winRate(['open', 'open'])).toBeNull();
  });
  it('counts only deals closed in the window when dates are given', () => {
    const closes = [day('2025-01-10'), day('2024-12-31'), day('2025-02-01'), null];
    expect(
      winRate(['won', 'lost', 'lost', 'lost'], closes, { from: day('2025-01-01'), to: day('2025-03-31') }),
    ).toBe(0.5);
  });
});

describe('average deal size and sales cycle', () => {
  it('averages won amounts, leaving blank amounts out rather than counting them 0', () => {
    expect(averageDealSize([1000, null, 3000])).toBe(2000);
    expect(averageDealSize([])).toBeNull();
  });
  it('averages days from Created to Close Date', () => {
    expect(
      salesCycleDays([day('2025-01-01'), day('2025-02-01')], [day('2025-01-11'), day('2025-03-03')]),
    ).toEqual({
      days: 20,
      deals: 2,
    });
  });
  it('leaves out a deal closed before it was created (imported after the fact) or missing a date', () => {
    expect(
      salesCycleDays([day('2025-03-01'), null, day('2025-01-01')], [day('2025-01-01'), 5, day('2025-01-31')]),
    ).toEqual({
      days: 30,
      deals: 1,
    });
  });
});

describe('closed deals over the Summary window', () => {
  const deals = [
    deal({ stage: 'Closed Won', amount: 1000, created: day('2025-01-01'), closeDate: day('2025-01-31') }),
    deal({ stage: 'Closed Won', amount: 3000, created: day('2025-02-01'), closeDate: day('2025-02-11') }),
    deal({ stage: 'Closed Lost', amount: 500, closeDate: day('2025-03-01') }),
    deal({ stage: 'Closed Won', amount: 9000, created: day('2023-01-01'), closeDate: day('2024-05-15') }),
    deal({ stage: 'Closed Lost', amount: 700, closeDate: day('2024-05-16') }),
    deal({ stage: 'Proposal', amount: 9999, closeDate: day('2025-03-01') }),
  ];
  const { priced } = priceDeals(deals, lookup);

  it('names its window: the 12 months ending today, the same date a year ago left out', () => {
    expect(lastTwelveMonths(TODAY)).toEqual({ from: day('2024-05-16'), to: TODAY, label: 'last 12 months' });
  });
  it('computes win rate, deal size and cycle over deals closed in the window only', () => {
    const stats = closedDealStats(priced, lastTwelveMonths(TODAY));
    expect(stats).toMatchObject({ won: 2, lost: 2, winRate: 0.5, averageDealSize: 2000, salesCycleDays: 20 });
    expect(stats.window.label).toBe('last 12 months');
  });
  it('takes every closed deal over all time', () => {
    const stats = closedDealStats(priced, ALL_TIME);
    expect(stats).toMatchObject({ won: 3, lost: 2, winRate: 0.6, averageDealSize: 13000 / 3 });
  });
});

describe('sales velocity', () => {
  it('is open deals × average deal size × win rate ÷ sales cycle, per day', () => {
    // 10 open × 2000 × 0.25 ÷ 50 days = 100 a day.
    expect(salesVelocity(10, 2000, 0.25, 50)).toBe(100);
  });
  it('is unknown without a won deal, a closed deal, or a cycle longer than 0 days', () => {
    expect(salesVelocity(10, null, 0.5, 10)).toBeNull();
    expect(salesVelocity(10, 100, null, 10)).toBeNull();
    expect(salesVelocity(10, 100, 0.5, 0)).toBeNull();
  });
  it('takes every factor from the same rows in SALES_VELOCITY', () => {
    // Open: 2. Won: 1000 (10 days), 3000 (30 days). Lost: 1. Win rate 2/3, size 2000, cycle 20.
    const v = salesVelocityOf(
      [500, 700, 1000, 3000, 400],
      ['open', 'open', 'won', 'won', 'lost'],
      [null, null, 0, 100, null],
      [null, null, 10, 130, 50],
    );
    expect(v).toBeCloseTo((2 * 2000 * (2 / 3)) / 20, 10);
  });
});
