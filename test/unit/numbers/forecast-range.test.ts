import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { type ForecastRange, forecastRange, weightedSum } from '../../../src/core/numbers';
import { seeded } from './fixtures';

/** forecast-range.ts convolves every deal up to this many, and takes the rest as normal beyond. */
const ALL_EXACT_LIMIT = 10_000;

const LEVELS = [0.1, 0.5, 0.9] as const;
const quantilesOf = (r: ForecastRange): number[] => [r.p10, r.p50, r.p90];

/** Every outcome of a few deals, with its probability: the truth to compare against. */
function enumerate(amounts: number[], probabilities: number[]): { total: number; chance: number }[] {
  let outcomes = [{ total: 0, chance: 1 }];
  amounts.forEach((amount, i) => {
    const p = probabilities[i] as number;
    outcomes = outcomes.flatMap((o) => [
      { total: o.total, chance: o.chance * (1 - p) },
      { total: o.total + amount, chance: o.chance * p },
    ]);
  });
  return outcomes;
}

/** P(total ≤ x) and P(total < x) from outcomes or samples (each sample weighing 1 / n). */
const atMost = (outcomes: { total: number; chance: number }[], x: number): number =>
  outcomes.reduce((sum, o) => (o.total <= x ? sum + o.chance : sum), 0);
const below = (outcomes: { total: number; chance: number }[], x: number): number =>
  outcomes.reduce((sum, o) => (o.total < x ? sum + o.chance : sum), 0);

/**
 * The contract: Pα is within amountError of a true quantile at a level within probabilityError
 * of α: P(total ≤ Pα + amountError) ≥ α − probabilityError, and P(total < Pα − amountError) ≤
 * α + probabilityError, each give or take `slack` (sampling error, floating point).
 */
function expectWithinBounds(
  r: ForecastRange,
  outcomes: { total: number; chance: number }[],
  slack: number,
): void {
  quantilesOf(r).forEach((q, i) => {
    const level = LEVELS[i] as number;
    const reach = 1e-9 * Math.max(1, r.most);
    expect(atMost(outcomes, q + r.amountError + reach)).toBeGreaterThanOrEqual(
      level - r.probabilityError - slack,
    );
    expect(below(outcomes, q - r.amountError - reach)).toBeLessThanOrEqual(
      level + r.probabilityError + slack,
    );
  });
}

describe('forecast range (P10 / P50 / P90 of Σ Amount × Bernoulli(p))', () => {
  it('gives the quantiles of two coin-flip deals, computed by hand', () => {
    // Totals 0, 100, 200, 300 with 25 % each: P(≤ 0) = 25 % ≥ 10 %, P(≤ 100) = 50 %, P(≤ 200) = 75 % < 90 %.
    const r = forecastRange([100, 200], [0.5, 0.5]);
    expect(quantilesOf(r)).toEqual([0, 100, 300]);
    expect(r).toMatchObject({ mean: 150, least: 0, most: 300, amountError: 0, probabilityError: 0 });
  });
  it('adds deals at 100 % for sure and ignores deals at 0 % or with no Amount', () => {
    const r = forecastRange([100, 200, 1000, 5000, 0], [0.5, 0.5, 1, 0, 0.5]);
    expect(quantilesOf(r)).toEqual([1000, 1100, 1300]);
    expect(r).toMatchObject({ least: 1000, most: 1300, mean: 1150 });
  });
  it('need not bracket the weighted value: one long shot is most likely worth nothing', () => {
    const r = forecastRange([10_000], [0.05]);
    expect(quantilesOf(r)).toEqual([0, 0, 0]);
    expect(r.mean).toBe(500);
  });
  it('is exact for whole-dollar amounts, against every outcome of up to 12 deals', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0.01, max: 0.99, noNaN: true })),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        (deals) => {
          const amounts = deals.map((d) => d[0]);
          const probabilities = deals.map((d) => d[1]);
          const r = forecastRange(amounts, probabilities);
          expect(r.amountError).toBe(0);
          // Only cells under 1e-16 dropped at the edges of the grid.
          expect(r.probabilityError).toBeLessThan(1e-12);
          expectWithinBounds(r, enumerate(amounts, probabilities), 1e-9);
        },
      ),
      { numRuns: 60 },
    );
  });
  it('stays within its stated bounds for amounts in fractions of a cent, against every outcome', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 0.5, max: 1e6, noNaN: true }),
            fc.double({ min: 0.01, max: 0.99, noNaN: true }),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        (deals) => {
          const amounts = deals.map((d) => d[0]);
          const probabilities = deals.map((d) => d[1]);
          expectWithinBounds(forecastRange(amounts, probabilities), enumerate(amounts, probabilities), 1e-9);
        },
      ),
      { numRuns: 60 },
    );
  });

  function monteCarlo(amounts: number[], probabilities: number[], samples: number, seed: number) {
    const random = seeded(seed);
    return Array.from({ length: samples }, () => {
      let total = 0;
      for (let i = 0; i < amounts.length; i++)
        if (random() < (probabilities[i] as number)) total += amounts[i] as number;
      return { total, chance: 1 / samples };
    });
  }
  /** Dvoretzky–Kiefer–Wolfowitz: a sample's distribution is within this of the truth but once in a million. */
  const dkw = (samples: number): number => Math.sqrt(Math.log(2 / 1e-6) / (2 * samples));

  it('agrees with a seeded Monte Carlo run for 500 deals', () => {
    const random = seeded(11);
    const amounts = Array.from({ length: 500 }, () => Math.round(random() * 5_000_000) / 100);
    const probabilities = Array.from(
      { length: 500 },
      () => [0.1, 0.25, 0.5, 0.75][Math.floor(random() * 4)] as number,
    );
    const r = forecastRange(amounts, probabilities);
    expect(r.approximatedDeals).toBe(0);
    expect(r.amountError).toBeLessThan(0.001 * r.mean);
    expectWithinBounds(r, monteCarlo(amounts, probabilities, 20_000, 12), dkw(20_000));
  });
  it(`agrees with a seeded Monte Carlo run beyond ${ALL_EXACT_LIMIT} deals, where the rest is taken as normal`, () => {
    const random = seeded(21);
    const n = ALL_EXACT_LIMIT + 2_000;
    const amounts = Array.from({ length: n }, () => 1_000 + Math.round(random() * 99_000));
    const probabilities = Array.from({ length: n }, () => 0.05 + 0.9 * random());
    const r = forecastRange(amounts, probabilities);
    expect(r.approximatedDeals).toBeGreaterThan(0);
    expect(r.probabilityError).toBeLessThan(0.02);
    expectWithinBounds(r, monteCarlo(amounts, probabilities, 3_000, 22), dkw(3_000));
  });
});

const arbitraryDeals = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(0, 0.1, 0.25, 0.5, 0.75, 1, 0.33)),
  { maxLength: 80 },
);

describe('forecast range invariants', () => {
  it('keeps P10 ≤ P50 ≤ P90, between what is sure and everything', () => {
    fc.assert(
      fc.property(arbitraryDeals, (deals) => {
        const r = forecastRange(
          deals.map((d) => d[0]),
          deals.map((d) => d[1]),
        );
        expect(r.least).toBeLessThanOrEqual(r.p10);
        expect(r.p10).toBeLessThanOrEqual(r.p50);
        expect(r.p50).toBeLessThanOrEqual(r.p90);
        expect(r.p90).toBeLessThanOrEqual(r.most);
      }),
    );
  });
  it('brackets the weighted value sensibly: the median within σ, P10 and P90 within 3σ (Cantelli)', () => {
    fc.assert(
      fc.property(arbitraryDeals, (deals) => {
        const amounts = deals.map((d) => d[0]);
        const probabilities = deals.map((d) => d[1]);
        const r = forecastRange(amounts, probabilities);
        const sigma = Math.sqrt(
          amounts.reduce((s, a, i) => s + a * a * probabilities[i]! * (1 - probabilities[i]!), 0),
        );
        const slack = r.amountError + 1e-6 * Math.max(1, r.most);
        expect(r.mean).toBeCloseTo(weightedSum(amounts, probabilities), 3);
        expect(Math.abs(r.p50 - r.mean)).toBeLessThanOrEqual(sigma + slack);
        expect(r.p10).toBeGreaterThanOrEqual(r.mean - 3 * sigma - slack);
        expect(r.p90).toBeLessThanOrEqual(r.mean + 3 * sigma + slack);
      }),
    );
  });
  it('puts the weighted value between P10 and P90 for a pipeline of many comparable deals', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 10_000, max: 100_000 }), fc.double({ min: 0.2, max: 0.8, noNaN: true })),
          {
            minLength: 30,
            maxLength: 200,
          },
        ),
        (deals) => {
          const r = forecastRange(
            deals.map((d) => d[0]),
            deals.map((d) => d[1]),
          );
          expect(r.p10).toBeLessThan(r.mean);
          expect(r.mean).toBeLessThan(r.p90);
        },
      ),
      { numRuns: 30 },
    );
  });
  it('is deterministic and does not depend on the order of the deals', () => {
    fc.assert(
      fc.property(arbitraryDeals, fc.nat(), (deals, seed) => {
        const random = seeded(seed);
        const shuffled = deals
          .map((d) => ({ d, key: random() }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.d);
        const a = forecastRange(
          deals.map((d) => d[0]),
          deals.map((d) => d[1]),
        );
        const b = forecastRange(
          shuffled.map((d) => d[0]),
          shuffled.map((d) => d[1]),
        );
        expect(b).toEqual(a);
      }),
    );
  });
});
