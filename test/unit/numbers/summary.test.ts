import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';

import type { SummaryNumbers } from '../../../src/core/numbers';
import { summaryNumbers } from '../../../src/core/numbers';
import type { Deal, HistoryEntry } from '../../../src/core/types';
import { ALL_TIME, day, deal, entry, OPTIONS, seeded, TABLE, TODAY } from './fixtures';

const NOW = { today: TODAY, timeZone: 'America/New_York' };

describe('summary numbers', () => {
  const deals = [
    deal({ id: 'D-1', stage: 'Proposal', amount: 10_000, closeDate: day('2025-06-15'), followUp: TODAY - 2 }),
    deal({
      id: 'D-2',
      stage: 'Negotiation',
      amount: 20_000,
      closeDate: day('2025-05-20'),
      lastContact: TODAY - 30,
    }),
    deal({
      id: 'D-3',
      stage: 'Closed Won',
      amount: 8_000,
      created: day('2025-03-01'),
      closeDate: day('2025-04-10'),
    }),
    deal({
      id: 'D-4',
      stage: 'Closed Won',
      amount: 4_000,
      created: day('2024-12-01'),
      closeDate: day('2025-01-20'),
    }),
    deal({ id: 'D-5', stage: 'Closed Lost', amount: 6_000, closeDate: day('2025-02-01') }),
    deal({ id: 'D-6', stage: 'Lead', amount: 1_000 }),
  ];
  const history: HistoryEntry[] = [
    entry('D-1', Date.UTC(2025, 3, 1), '', 'Lead'),
    entry('D-1', Date.UTC(2025, 3, 3), 'Lead', 'Proposal'),
  ];
  // Worked out before each test, not when the file is collected, so that mutation testing sees it.
  let s: SummaryNumbers;
  beforeEach(() => {
    s = summaryNumbers(deals, history, TABLE, { ...OPTIONS, quarterlyTarget: 40_000 }, NOW);
  });

  it('fills the KPI block, computed by hand', () => {
    expect(s.kpis).toMatchObject({
      openPipeline: 31_000,
      // 10 000 × 0.5 + 20 000 × 0.75 + 1 000 × 0.1
      weightedPipeline: 20_100,
      dealsOpen: 3,
      wonThisQuarter: 8_000,
      winRate: 2 / 3,
      averageDealSize: 6_000,
      // (40 + 50) ÷ 2 days
      averageSalesCycleDays: 45,
      followUpsOverdue: 1,
      staleDeals: 1,
    });
    // 3 open × 6 000 × 2/3 ÷ 45 days
    expect(s.kpis.salesVelocityPerDay).toBeCloseTo((3 * 6000 * (2 / 3)) / 45, 9);
    // (10 000 + 20 000 closing this quarter) ÷ (40 000 − 8 000)
    expect(s.kpis.targetCoverage?.coverage).toBeCloseTo(30_000 / 32_000, 12);
  });
  it('names the window win rate, deal size and cycle are taken over', () => {
    expect(s.closed.window.label).toBe('last 12 months');
    expect(summaryNumbers(deals, history, TABLE, OPTIONS, NOW, ALL_TIME).closed.window.label).toBe(
      'all time',
    );
  });
  it('has the monthly forecast, owners, funnel, probability check, range and lists', () => {
    expect(s.forecast.months).toHaveLength(6);
    expect(s.forecast.noCloseDate.pipeline).toBe(1_000);
    expect(s.owners.map((o) => o.owner)).toEqual(['ann@example.com']);
    // D-1 by its History; D-2..D-6, with none, count as having entered Lead (the lost D-5 and the
    // Lead D-6 go no further; D-2 in Negotiation and the won D-3, D-4 went past it).
    expect(s.funnel.stages.find((f) => f.stage === 'Lead')).toMatchObject({ entered: 6, advanced: 4 });
    expect(s.probabilityCheck).toHaveLength(4);
    expect(s.pipelineRange.mean).toBeCloseTo(20_100, 9);
    // This quarter: 8 000 won for sure, plus D-1 and D-2 closing in it.
    expect(s.quarterRange).toMatchObject({ least: 8_000, most: 38_000 });
    expect(s.stale.map((i) => i.id)).toEqual(['D-2']);
    expect(s.overdue.map((i) => [i.id, i.days])).toEqual([['D-1', 2]]);
  });
  it('leaves the target coverage out when no target is set', () => {
    expect(summaryNumbers(deals, history, TABLE, OPTIONS, NOW).kpis.targetCoverage).toBeNull();
  });
});

function randomPipeline(seed: number, size: number): { deals: Deal[]; history: HistoryEntry[] } {
  const random = seeded(seed);
  const names = TABLE.stages.map((st) => st.name);
  const deals: Deal[] = [];
  const history: HistoryEntry[] = [];
  for (let i = 0; i < size; i++) {
    const id = `D-${i}`;
    const stage = names[Math.floor(random() * names.length)] as string;
    deals.push(
      deal({
        id,
        stage,
        owner: ['ann@example.com', 'bob@example.com', ''][Math.floor(random() * 3)],
        amount: random() < 0.1 ? null : Math.round(random() * 100_000),
        probability: random() < 0.3 ? Math.round(random() * 100) / 100 : null,
        closeDate: random() < 0.15 ? null : TODAY - 200 + Math.floor(random() * 400),
        created: TODAY - 400 + Math.floor(random() * 300),
        followUp: random() < 0.5 ? TODAY - 10 + Math.floor(random() * 20) : null,
        lastContact: random() < 0.5 ? TODAY - Math.floor(random() * 60) : null,
        stageSince: Date.UTC(2025, 0, 1) + Math.floor(random() * 130) * 86_400_000,
      }),
    );
    let at = Date.UTC(2024, 6, 1) + i * 1000;
    let from = '';
    for (let k = 0; k < 1 + Math.floor(random() * 4); k++) {
      const to = k === 0 ? 'Lead' : (names[Math.floor(random() * names.length)] as string);
      history.push(entry(id, at, from, to));
      from = to;
      at += Math.floor(random() * 30) * 86_400_000 + 1;
    }
  }
  return { deals, history };
}

/** Deep equality, numbers within 1e-9 relative: floating-point sums depend on the order of terms. */
function expectSame(actual: unknown, expected: unknown, path = 'summary'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), path).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  } else if (expected !== null && typeof expected === 'object') {
    expect(typeof actual, path).toBe('object');
    const keys = Object.keys(expected);
    expect(Object.keys(actual as object), path).toEqual(keys);
    for (const key of keys) {
      expectSame(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
    }
  } else {
    expect(actual, path).toEqual(expected);
  }
}

describe('summary invariants', () => {
  it('never has a weighted pipeline above the open pipeline', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 60 }), (seed, size) => {
        const { deals, history } = randomPipeline(seed, size);
        const s = summaryNumbers(deals, history, TABLE, OPTIONS, NOW);
        expect(s.kpis.weightedPipeline).toBeLessThanOrEqual(s.kpis.openPipeline + 1e-6);
      }),
      { numRuns: 40 },
    );
  });
  it('does not depend on the order of Deals or History rows', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 60 }), fc.nat(), (seed, size, shuffleSeed) => {
        const { deals, history } = randomPipeline(seed, size);
        const random = seeded(shuffleSeed);
        const shuffle = <T>(items: T[]): T[] =>
          items
            .map((item) => ({ item, key: random() }))
            .sort((a, b) => a.key - b.key)
            .map((x) => x.item);
        const a = summaryNumbers(deals, history, TABLE, OPTIONS, NOW);
        const b = summaryNumbers(shuffle(deals), shuffle(history), TABLE, OPTIONS, NOW);
        // Sums may differ in the last bits when added in another order; everything else is equal.
        expectSame(b, a);
      }),
      { numRuns: 40 },
    );
  });
});
