import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  type ForecastCells,
  monthlyForecast,
  periodForecast,
  priceDeals,
  stageLookup,
} from '../../../src/core/numbers';
import type { StageTable } from '../../../src/core/types';
import { day, deal, stage, TABLE, TODAY } from './fixtures';

const lookup = stageLookup(TABLE);
const forecastOf = (deals: Parameters<typeof deal>[0][], months = 3, table: StageTable = TABLE) =>
  monthlyForecast(priceDeals(deals.map(deal), stageLookup(table)).priced, TODAY, months);

describe('monthly forecast', () => {
  const forecast = forecastOf([
    { stage: 'Closed Won', amount: 4000, closeDate: day('2025-05-02') },
    { stage: 'Negotiation', amount: 1000, closeDate: day('2025-05-30') },
    { stage: 'Proposal', amount: 2000, closeDate: day('2025-06-01') },
    { stage: 'Lead', amount: 3000, probability: 0.2, closeDate: day('2025-07-31') },
    { stage: 'Closed Lost', amount: 9000, closeDate: day('2025-05-10') },
    { stage: 'Qualified', amount: 800 },
    { stage: 'Negotiation', amount: 500, closeDate: day('2025-04-30') },
    { stage: 'Proposal', amount: 600, closeDate: day('2025-08-01') },
  ]);

  it('has a row for the current month and the next Summary Months − 1', () => {
    expect(forecast.months.map((m) => m.label)).toEqual(['2025-05', '2025-06', '2025-07']);
    expect(forecast.months[0]?.month).toBe(day('2025-05-01'));
  });
  it("puts won Amount in Closed Won and open Amount in its stage's Forecast Category", () => {
    expect(forecast.months[0]).toMatchObject({ closedWon: 4000, commit: 1000, bestCase: 0, pipeline: 0 });
    expect(forecast.months[1]).toMatchObject({ closedWon: 0, commit: 0, bestCase: 2000, pipeline: 0 });
    expect(forecast.months[2]).toMatchObject({ pipeline: 3000 });
  });
  it('weights open deals and adds won Amount in full: Weighted Forecast', () => {
    // May: 4000 won + 1000 × 0.75; June: 2000 × 0.5; July: 3000 × 0.2 (the deal's own Probability).
    expect(forecast.months.map((m) => m.weighted)).toEqual([4750, 1000, 600]);
  });
  it('reports open deals without a Close Date in "No close date", never dropping them', () => {
    expect(forecast.noCloseDate).toMatchObject({ pipeline: 800, weighted: 200 });
  });
  it('reports deals closing before and after the months shown, so nothing is lost silently', () => {
    expect(forecast.beforeWindow).toMatchObject({ commit: 500, weighted: 375 });
    expect(forecast.afterWindow).toMatchObject({ bestCase: 600, weighted: 300 });
  });
  it('leaves lost deals out of every column', () => {
    expect(forecast.total.closedWon).toBe(4000);
    expect(forecast.total.weighted).toBe(4750 + 1000 + 600 + 200 + 375 + 300);
  });
  it('keeps open deals of an Omitted stage out of the category columns but in the weighted forecast', () => {
    const table = { stages: [stage('Parked', 0.05, 'open', 'Omitted'), ...TABLE.stages] };
    const f = forecastOf([{ stage: 'Parked', amount: 1000, closeDate: TODAY }], 1, table);
    expect(f.months[0]).toMatchObject({ commit: 0, bestCase: 0, pipeline: 0, omitted: 1000, weighted: 50 });
  });
  it('crosses the year end', () => {
    const f = monthlyForecast([], day('2025-11-20'), 3);
    expect(f.months.map((m) => m.label)).toEqual(['2025-11', '2025-12', '2026-01']);
  });
});

describe('forecast for a period', () => {
  it('is won Amount plus weighted open Amount closing in it, both ends included', () => {
    const { priced } = priceDeals(
      [
        deal({ stage: 'Closed Won', amount: 100, closeDate: day('2025-04-01') }),
        deal({ stage: 'Proposal', amount: 100, closeDate: day('2025-06-30') }),
        deal({ stage: 'Proposal', amount: 100, closeDate: day('2025-07-01') }),
        deal({ stage: 'Proposal', amount: 100 }),
      ],
      lookup,
    );
    expect(periodForecast(priced, { from: day('2025-04-01'), to: day('2025-06-30') }).weighted).toBe(150);
  });
});

const columns: (keyof ForecastCells)[] = [
  'closedWon',
  'commit',
  'bestCase',
  'pipeline',
  'omitted',
  'weighted',
];
const arbitraryDeal = fc.record({
  stage: fc.constantFrom(...TABLE.stages.map((s) => s.name)),
  amount: fc.option(fc.integer({ min: 0, max: 1e6 })),
  probability: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  closeDate: fc.option(fc.integer({ min: TODAY - 400, max: TODAY + 400 })),
});

describe('monthly forecast invariants', () => {
  it('the monthly forecast plus No close date plus outside the window adds up to the whole', () => {
    fc.assert(
      fc.property(fc.array(arbitraryDeal), fc.integer({ min: 0, max: 24 }), (rows, months) => {
        const { priced } = priceDeals(rows.map(deal), lookup);
        const f = monthlyForecast(priced, TODAY, months);
        const whole = periodForecast(priced, { from: null, to: null });
        for (const column of columns) {
          const parts =
            f.months.reduce((sum, m) => sum + m[column], 0) +
            f.noCloseDate[column] +
            f.beforeWindow[column] +
            f.afterWindow[column];
          expect(parts).toBeCloseTo(f.total[column], 4);
          // The whole, counted another way: every dated deal, plus the undated ones.
          expect(whole[column] + f.noCloseDate[column]).toBeCloseTo(f.total[column], 4);
        }
      }),
    );
  });
  it('does not depend on row order', () => {
    fc.assert(
      fc.property(fc.array(arbitraryDeal), fc.nat(), (rows, seed) => {
        const shuffled = [...rows].sort(
          (a, b) => ((rows.indexOf(a) * 7919 + seed) % 101) - ((rows.indexOf(b) * 7919 + seed) % 101),
        );
        const a = forecastOf(rows, 6);
        const b = forecastOf(shuffled, 6);
        a.months.forEach((m, i) => {
          for (const column of columns) expect(b.months[i]?.[column]).toBeCloseTo(m[column], 4);
        });
      }),
    );
  });
});
