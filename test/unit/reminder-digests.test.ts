/** The edges of planning digests: ordering, spelling of addresses, and what reaches no one. */
import { describe, expect, it } from 'vitest';

import { dayFromParts, startOfDay } from '../../src/core/dates';
import { priceDeals, stageLookup } from '../../src/core/numbers';
import type { ReminderItem, ReminderPlan } from '../../src/core/reminders';
import { byUrgency, ownerKey, planReminders } from '../../src/core/reminders';
import { DEFAULT_STAGE_TABLE } from '../../src/core/stage-table';
import type { Deal } from '../../src/core/types';
import { aDeal } from './deal-helpers';

const ZONE = 'America/Los_Angeles';
const TODAY = dayFromParts(2026, 11, 27);
const NOW = { today: TODAY, timeZone: ZONE };
const since = (days: number) => startOfDay(TODAY - days, ZONE).getTime() + 12 * 3_600_000;

function plan(deals: Partial<Deal>[], leadDays = 0, managerEmail: string | null = null): ReminderPlan {
  const priced = priceDeals(
    deals.map((d, i) =>
      aDeal({ stageSince: since(1), lastContact: null, id: `D-${i + 1}`, row: i + 2, ...d }),
    ),
    stageLookup(DEFAULT_STAGE_TABLE),
  ).priced;
  return planReminders(priced, NOW, { reminderLeadDays: leadDays, managerEmail });
}

const item = (reason: ReminderItem['reason'], days: number, id: string, row = 2): ReminderItem => ({
  deal: aDeal({ id, row }),
  stage: 'Proposal',
  reason,
  days,
  staleDays: null,
});

describe('the order of a digest', () => {
  it('puts overdue first (most days first), then due (soonest first), then stale (most days first)', () => {
    const items = [
      item('stale', 30, 'D-1'),
      item('due', 2, 'D-2'),
      item('overdue', 1, 'D-3'),
      item('stale', 40, 'D-4'),
      item('due', 0, 'D-5'),
      item('overdue', 6, 'D-6'),
    ];
    expect([...items].sort(byUrgency).map((i) => i.deal.id)).toEqual([
      'D-6',
      'D-3',
      'D-5',
      'D-2',
      'D-4',
      'D-1',
    ]);
  });

  it('breaks a tie by ID, then by row', () => {
    const items = [item('due', 1, 'D-2', 3), item('due', 1, 'D-1', 9), item('due', 1, 'D-1', 4)];
    expect([...items].sort(byUrgency).map((i) => [i.deal.id, i.deal.row])).toEqual([
      ['D-1', 4],
      ['D-1', 9],
      ['D-2', 3],
    ]);
    expect(byUrgency(items[0]!, items[0]!)).toBe(0);
  });

  it('sorts each owner digest and the team digest by urgency, and owners by address', () => {
    const { digests } = plan(
      [
        { owner: 'cat@team.example', followUp: TODAY + 1 },
        { owner: 'cat@team.example', followUp: TODAY - 1 },
        { owner: 'bob@team.example', followUp: TODAY - 2 },
        { owner: 'cat@team.example', followUp: TODAY - 4 },
        { owner: 'amy@team.example', followUp: TODAY - 3 },
      ],
      1,
      'boss@team.example',
    );
    expect(digests.map((d) => [d.to, d.items.map((i) => i.deal.id)])).toEqual([
      ['amy@team.example', ['D-5']],
      ['bob@team.example', ['D-3']],
      ['cat@team.example', ['D-4', 'D-2', 'D-1']],
      ['boss@team.example', ['D-4', 'D-5', 'D-3', 'D-2']],
    ]);
  });
});

describe('addresses in a plan', () => {
  it('reaches an owner whose cell has spaces around the address, and a Manager Email with spaces', () => {
    const { digests } = plan(
      [{ owner: ' ann@team.example ', followUp: TODAY - 1 }],
      0,
      ' boss@team.example ',
    );
    expect(digests.map((d) => [d.key, d.to])).toEqual([
      ['ann@team.example', 'ann@team.example'],
      ['team:boss@team.example', 'boss@team.example'],
    ]);
  });

  it('plans nothing for deals with nothing due', () => {
    expect(plan([{ owner: 'ann@team.example', followUp: TODAY + 5 }], 0, 'boss@team.example')).toEqual({
      digests: [],
      unreachableOwners: [],
    });
  });

  it('keeps each unreachable owner with all of their deals, most urgent first', () => {
    const { unreachableOwners } = plan([
      { owner: 'Bob Smith', followUp: TODAY - 1 },
      { owner: 'bob smith', followUp: TODAY - 3 },
    ]);
    expect(unreachableOwners.map((o) => [o.key, o.owner, o.items.map((i) => i.deal.id)])).toEqual([
      ['bob smith', 'Bob Smith', ['D-2', 'D-1']],
    ]);
  });

  it('reads "Team:" only at the start of a log Owner cell', () => {
    expect(ownerKey(' Team:  Boss@Team.example ')).toBe('team:boss@team.example');
    expect(ownerKey('my team: boss@team.example')).toBe('my team: boss@team.example');
  });
});
