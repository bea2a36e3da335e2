import { describe, expect, it } from 'vitest';

import { startOfDay } from '../../../src/core/dates';
import {
  daysOverdue,
  daysStale,
  overdueFollowUps,
  priceDeals,
  stageLookup,
  staleDeals,
} from '../../../src/core/numbers';
import type { Deal, Stage } from '../../../src/core/types';
import { deal, TABLE, TODAY } from './fixtures';

const lookup = stageLookup(TABLE);
const PARIS = { today: TODAY, timeZone: 'Europe/Paris' };
const lead = TABLE.stages[0]!;
/** An instant `hours` after local midnight of `day` in Paris. */
const parisTime = (day: number, hours: number): number =>
  startOfDay(day, 'Europe/Paris').getTime() + hours * 3_600_000;
/** The deal priced in `stage` (Lead unless given). */
const priced = (fields: Partial<Deal>, inStage: Stage = lead) =>
  priceDeals([deal({ ...fields, stage: inStage.name })], stageLookup({ stages: [inStage] })).priced[0]!;

describe('stale deals', () => {
  it('is not stale at exactly Stale After Days, and stale one day later', () => {
    expect(daysStale(priced({ stageSince: parisTime(TODAY - 14, 9) }), PARIS)).toBeNull();
    expect(daysStale(priced({ stageSince: parisTime(TODAY - 15, 9) }), PARIS)).toBe(15);
  });
  it('counts calendar days in the spreadsheet time zone, not in UTC', () => {
    // 00:30 in Paris on day −14 is 22:30 UTC on day −15: 14 days old in Paris, so not stale yet.
    expect(daysStale(priced({ stageSince: parisTime(TODAY - 14, 0.5) }), PARIS)).toBeNull();
    expect(daysStale(priced({ stageSince: parisTime(TODAY - 15, 0.5) }), PARIS)).toBe(15);
    // 23:30 in Paris on day −15 is still day −15 there.
    expect(daysStale(priced({ stageSince: parisTime(TODAY - 15, 23.5) }), PARIS)).toBe(15);
  });
  it('ages a deal from the later of Stage Since and Last Contact', () => {
    const since = parisTime(TODAY - 40, 9);
    expect(daysStale(priced({ stageSince: since, lastContact: TODAY - 3 }), PARIS)).toBeNull();
    expect(daysStale(priced({ stageSince: since, lastContact: TODAY - 20 }), PARIS)).toBe(20);
    expect(daysStale(priced({ stageSince: parisTime(TODAY - 16, 9), lastContact: TODAY - 30 }), PARIS)).toBe(
      16,
    );
    expect(daysStale(priced({ lastContact: TODAY - 30 }), PARIS)).toBe(30);
  });
  it('is never stale with Stale After Days blank, in a won or lost stage, or with no date to age from', () => {
    const old = { stageSince: parisTime(TODAY - 400, 9) };
    expect(daysStale(priced(old, { ...lead, staleAfterDays: null }), PARIS)).toBeNull();
    expect(daysStale(priced(old, { ...lead, kind: 'won' }), PARIS)).toBeNull();
    expect(daysStale(priced(old, { ...lead, kind: 'lost' }), PARIS)).toBeNull();
    expect(daysStale(priced({}), PARIS)).toBeNull();
  });
  it('lists ID, deal, owner and days, most days first, then by ID', () => {
    const { priced } = priceDeals(
      [
        deal({ id: 'D-0002', stage: 'Lead', lastContact: TODAY - 20 }),
        deal({ id: 'D-0001', stage: 'Proposal', lastContact: TODAY - 20 }),
        deal({ id: 'D-0003', stage: 'Qualified', lastContact: TODAY - 30, owner: 'bob@example.com' }),
        deal({ id: 'D-0004', stage: 'Lead', lastContact: TODAY - 2 }),
      ],
      lookup,
    );
    // Proposal goes stale after 21 days, so D-0001 (20 days) is not listed.
    expect(staleDeals(priced, PARIS).map((i) => [i.id, i.owner, i.days])).toEqual([
      ['D-0003', 'bob@example.com', 30],
      ['D-0002', 'ann@example.com', 20],
    ]);
  });
});

describe('overdue follow-ups', () => {
  it('is overdue when the Follow-up is before today, by the days since; due today is not overdue', () => {
    expect(daysOverdue(priced({ followUp: TODAY - 1 }), TODAY)).toBe(1);
    expect(daysOverdue(priced({ followUp: TODAY - 9 }), TODAY)).toBe(9);
    expect(daysOverdue(priced({ followUp: TODAY }), TODAY)).toBeNull();
    expect(daysOverdue(priced({ followUp: TODAY + 1 }), TODAY)).toBeNull();
    expect(daysOverdue(priced({ followUp: null }), TODAY)).toBeNull();
  });
  it('is never overdue in a won or lost stage', () => {
    expect(daysOverdue(priced({ followUp: TODAY - 5 }, { ...lead, kind: 'won' }), TODAY)).toBeNull();
    expect(daysOverdue(priced({ followUp: TODAY - 5 }, { ...lead, kind: 'lost' }), TODAY)).toBeNull();
  });
  it('lists open deals only, with days overdue', () => {
    const { priced } = priceDeals(
      [
        deal({ id: 'D-0001', stage: 'Lead', followUp: TODAY - 3 }),
        deal({ id: 'D-0002', stage: 'Closed Won', followUp: TODAY - 9 }),
        deal({ id: 'D-0003', stage: 'Proposal', followUp: TODAY - 7 }),
        deal({ id: 'D-0004', stage: 'Proposal', followUp: TODAY }),
      ],
      lookup,
    );
    expect(overdueFollowUps(priced, TODAY).map((i) => [i.id, i.days])).toEqual([
      ['D-0003', 7],
      ['D-0001', 3],
    ]);
  });
});

describe('the order of the attention lists', () => {
  it('breaks a tie in days by ID, then by row, whatever the order of the deals', () => {
    const tied = [
      deal({ id: 'D-0003', row: 9, stage: 'Lead', followUp: TODAY - 2, lastContact: TODAY - 20 }),
      deal({ id: 'D-0001', row: 7, stage: 'Lead', followUp: TODAY - 2, lastContact: TODAY - 20 }),
      deal({ id: 'D-0001', row: 4, stage: 'Lead', followUp: TODAY - 2, lastContact: TODAY - 20 }),
      deal({ id: 'D-0002', row: 3, stage: 'Lead', followUp: TODAY - 2, lastContact: TODAY - 20 }),
    ];
    const expected = [
      ['D-0001', 4],
      ['D-0001', 7],
      ['D-0002', 3],
      ['D-0003', 9],
    ];
    for (const deals of [tied, [...tied].reverse()]) {
      const { priced } = priceDeals(deals, lookup);
      expect(staleDeals(priced, PARIS).map((i) => [i.id, i.row])).toEqual(expected);
      expect(overdueFollowUps(priced, TODAY).map((i) => [i.id, i.row])).toEqual(expected);
    }
  });
});
