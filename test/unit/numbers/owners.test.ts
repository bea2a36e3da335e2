import { describe, expect, it } from 'vitest';

import {
  lastTwelveMonths,
  numbersByOwner,
  priceDeals,
  quarterNumbers,
  stageLookup,
} from '../../../src/core/numbers';
import { day, deal, TABLE, TODAY } from './fixtures';

describe('numbers per owner', () => {
  const { priced } = priceDeals(
    [
      deal({ owner: 'Ann@Example.com ', stage: 'Proposal', amount: 1000, followUp: TODAY - 1 }),
      deal({ owner: 'ann@example.com', stage: 'Lead', amount: 500, followUp: TODAY }),
      deal({ owner: 'ann@example.com', stage: 'Closed Won', amount: 3000, closeDate: day('2025-04-10') }),
      deal({ owner: 'ann@example.com', stage: 'Closed Lost', amount: 100, closeDate: day('2025-02-10') }),
      deal({ owner: 'ann@example.com', stage: 'Closed Won', amount: 700, closeDate: day('2025-03-10') }),
      deal({ owner: 'bob@example.com', stage: 'Negotiation', amount: 2000 }),
      deal({ owner: '', stage: 'Lead', amount: 10 }),
    ],
    stageLookup(TABLE),
  );
  const owners = numbersByOwner(priced, TODAY, quarterNumbers([], TODAY, 1).quarter, lastTwelveMonths(TODAY));

  it('groups owners trimmed and case-insensitively, shown as first written, sorted, with the unowned last', () => {
    expect(owners.map((o) => o.owner)).toEqual(['Ann@Example.com', 'bob@example.com', '']);
  });
  it('gives open, weighted, won this quarter, win rate and overdue follow-ups', () => {
    expect(owners[0]).toEqual({
      owner: 'Ann@Example.com',
      openDeals: 2,
      openPipeline: 1500,
      weightedPipeline: 550,
      wonThisQuarter: 3000,
      wonDealsThisQuarter: 1,
      winRate: 2 / 3,
      overdueFollowUps: 1,
    });
    expect(owners[1]).toMatchObject({ openPipeline: 2000, weightedPipeline: 1500, winRate: null });
  });
});
