import { describe, expect, it } from 'vitest';
import { startOfDay } from '../../../src/core/dates';
import {
  daysSinceActivity,
  isOverdue,
  isStale,
  overdueFollowUps,
  priceDeals,
  staleDeals,
  stageLookup,
} from '../../../src/core/numbers';
import { TABLE, TODAY, deal } from './fixtures';

const lookup = stageLookup(TABLE);
const PARIS = { today: TODAY, timeZone: 'Europe/Paris' };
const lead = TABLE.stages[0]!;
/** An instant `hours` after local midnight of `day` in Paris. */
const parisTime = (day: number, hours: number): number =>
  startOfDay(day, 'Europe/Paris').getTime() + hours * 3_600_000;

describe('stale deals', () => {
  it('is not stale at exactly Stale After Days, and stale one day later', () => {
    expect(isStale(deal({ stageSince: parisTime(TODAY - 14, 9) }), lead, PARIS)).toBe(false);
    expect(isStale(deal({ stageSince: parisTime(TODAY - 15, 9) }), lead, PARIS)).toBe(true);
  });
  it('counts calendar days in the spreadsheet time zone, not in UTC', () => {
    // 00:30 in Paris on day −14 is 22:30 UTC on day −15: 14 days old in Paris, so not stale yet.
    const justAfterMidnight = parisTime(TODAY - 14, 0.5);
    expect(daysSinceActivity(deal({ stageSince: justAfterMidnight }), PARIS)).toBe(14);
    expect(isStale(deal({ stageSince: justAfterMidnight }), lead, PARIS)).toBe(false);
  });
  it('ages a deal from the later of Stage Since and Last Contact', () => {
    const d = deal({ stageSince: parisTime(TODAY - 40, 9), lastContact: TODAY - 3 });
    expect(daysSinceActivity(d, PARIS)).toBe(3);
    expect(isStale(d, lead, PARIS)).toBe(false);
  });
  it('is never stale with Stale After Days blank, in a won or lost stage, or with no date to age from', () => {
    expect(
      isStale(deal({ stageSince: parisTime(TODAY - 400, 9) }), { ...lead, staleAfterDays: null }, PARIS),
    ).toBe(false);
    expect(isStale(deal({ stageSince: parisTime(TODAY - 400, 9) }), TABLE.stages[4]!, PARIS)).toBe(false);
    expect(isStale(deal({}), lead, PARIS)).toBe(false);
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
  it('is overdue when the Follow-up is before today; due today is not overdue', () => {
    expect(isOverdue(TODAY - 1, TODAY)).toBe(true);
    expect(isOverdue(TODAY, TODAY)).toBe(false);
    expect(isOverdue(null, TODAY)).toBe(false);
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
