import { describe, expect, it } from 'vitest';

import { dayFromParts, startOfDay } from '../../src/core/dates';
import { priceDeals, stageLookup } from '../../src/core/numbers';
import type { Digest, LogEntry, LogLayout, ReminderPlan } from '../../src/core/reminders';
import {
  claimState,
  dealsCell,
  digestEmail,
  digestSummary,
  logEntries,
  logLayout,
  logRow,
  moneyText,
  oneLine,
  ownerCellOf,
  ownerKey,
  planReminders,
  planRun,
  reminderFor,
  STATUS,
} from '../../src/core/reminders';
import { loadSettings } from '../../src/core/settings';
import type { Deal } from '../../src/core/types';
import { aDeal } from './deal-helpers';

const TABLE = loadSettings(null).table;
const ZONE = 'America/Los_Angeles';
const TODAY = dayFromParts(2026, 11, 27);
const NOW = { today: TODAY, timeZone: ZONE };
/** Entered its stage `days` days ago, at noon: stale in Proposal after 21 days. */
const since = (days: number) => startOfDay(TODAY - days, ZONE).getTime() + 12 * 3_600_000;
const fresh = { stageSince: since(1), lastContact: null };

function plan(deals: Partial<Deal>[], leadDays = 0, managerEmail: string | null = null): ReminderPlan {
  const priced = priceDeals(
    deals.map((d, i) => aDeal({ ...fresh, id: `D-${i + 1}`, row: i + 2, ...d })),
    stageLookup(TABLE),
  ).priced;
  return planReminders(priced, NOW, { reminderLeadDays: leadDays, managerEmail });
}

function priced(d: Partial<Deal>) {
  return priceDeals([aDeal({ ...fresh, ...d })], stageLookup(TABLE)).priced[0]!;
}

describe('what a deal reminds its owner of', () => {
  it('an overdue follow-up, with its days overdue', () => {
    expect(reminderFor(priced({ followUp: TODAY - 3 }), NOW, 0)).toMatchObject({
      reason: 'overdue',
      days: 3,
    });
  });
  it('a follow-up due today, or within the lead days, and not one day further', () => {
    expect(reminderFor(priced({ followUp: TODAY }), NOW, 0)).toMatchObject({ reason: 'due', days: 0 });
    expect(reminderFor(priced({ followUp: TODAY + 2 }), NOW, 2)).toMatchObject({ reason: 'due', days: 2 });
    expect(reminderFor(priced({ followUp: TODAY + 3 }), NOW, 2)).toBeNull();
  });
  it('a stale deal; a stale deal with a follow-up is listed for the follow-up, marked stale', () => {
    expect(reminderFor(priced({ followUp: null, stageSince: since(30) }), NOW, 0)).toMatchObject({
      reason: 'stale',
      days: 30,
      staleDays: null,
    });
    expect(reminderFor(priced({ followUp: TODAY - 1, stageSince: since(30) }), NOW, 0)).toMatchObject({
      reason: 'overdue',
      staleDays: 30,
    });
  });
  it('nothing for a won or lost deal, or an open one with nothing due', () => {
    expect(reminderFor(priced({ stage: 'Closed Won', followUp: TODAY - 3 }), NOW, 0)).toBeNull();
    expect(reminderFor(priced({ stage: 'Closed Lost', stageSince: since(90) }), NOW, 0)).toBeNull();
    expect(reminderFor(priced({ followUp: TODAY + 1 }), NOW, 0)).toBeNull();
  });
});

describe('who gets which digest', () => {
  it('one digest per owner address, whatever its case, in address order, most urgent first', () => {
    const { digests } = plan([
      { owner: 'zoe@team.example', followUp: TODAY },
      { owner: 'Ann@Team.example', followUp: TODAY },
      { owner: 'ann@team.example', followUp: TODAY - 5 },
    ]);
    expect(digests.map((d) => [d.key, d.to, d.items.map((i) => i.deal.id)])).toEqual([
      ['ann@team.example', 'Ann@Team.example', ['D-3', 'D-2']],
      ['zoe@team.example', 'zoe@team.example', ['D-1']],
    ]);
  });

  it('an Owner that is not an address reaches nobody: it is reported, and goes to the team digest', () => {
    const result = plan(
      [
        { owner: 'Bob Smith', followUp: TODAY - 1 },
        { owner: '', followUp: TODAY - 2 },
      ],
      0,
      'boss@team.example',
    );
    expect(result.unreachableOwners.map((o) => [o.key, o.owner])).toEqual([['bob smith', 'Bob Smith']]);
    expect(result.digests.map((d) => d.kind)).toEqual(['team']);
    expect(result.digests[0]?.unreachable.map((i) => i.deal.id)).toEqual(['D-2', 'D-1']);
  });

  it('the team digest has overdue and stale deals, not follow-ups that are merely due', () => {
    const { digests } = plan(
      [
        { owner: 'ann@team.example', followUp: TODAY - 1 },
        { owner: 'ann@team.example', followUp: TODAY },
        { owner: 'bob@team.example', followUp: TODAY, stageSince: since(40) },
      ],
      0,
      'Boss@Team.example',
    );
    const team = digests.at(-1)!;
    expect(team).toMatchObject({ kind: 'team', key: 'team:boss@team.example', to: 'Boss@Team.example' });
    expect(team.items.map((i) => [i.deal.id, i.reason, i.days])).toEqual([
      ['D-1', 'overdue', 1],
      ['D-3', 'stale', 40],
    ]);
  });

  it('no team digest without a Manager Email, or with nothing to report', () => {
    expect(plan([{ owner: 'ann@team.example', followUp: TODAY - 1 }]).digests.map((d) => d.kind)).toEqual([
      'owner',
    ]);
    expect(
      plan([{ owner: 'ann@team.example', followUp: TODAY }], 0, 'boss@team.example').digests,
    ).toHaveLength(1);
  });
});

describe('claims over the Reminder Log', () => {
  const digest = (key: string): Digest => ({ key, kind: 'owner', to: key, items: [], unreachable: [] });
  let rows = 1;
  const entry = (key: string, status: string, day = TODAY): LogEntry => ({ row: ++rows, key, status, day });

  it('a sent, failed or sending row settles the day; a deferred one does not; other days do not count', () => {
    const state = claimState(
      [
        entry('a', STATUS.sent),
        entry('b', STATUS.failed),
        entry('c', STATUS.sending),
        entry('d', STATUS.deferred),
        entry('e', STATUS.sent, TODAY - 1),
        entry('f', ''),
      ],
      TODAY,
    );
    expect([...state.settledToday].sort()).toEqual(['a', 'b', 'c', 'f']);
    const run = planRun(['a', 'b', 'c', 'd', 'e', 'f'].map(digest), [], state, 10);
    expect(run.send.map((d) => d.key)).toEqual(['d', 'e']);
    expect(run.settled.map((d) => d.key)).toEqual(['a', 'b', 'c', 'f']);
  });

  it('sends what the quota allows, the longest-waiting deferred digests first, and defers the rest', () => {
    const state = claimState(
      [
        entry('c', STATUS.deferred, TODAY - 2),
        entry('b', STATUS.deferred, TODAY - 1),
        entry('c', STATUS.deferred, TODAY - 1),
        entry('a', STATUS.deferred, TODAY - 3),
        entry('a', STATUS.sent, TODAY - 1),
      ],
      TODAY,
    );
    expect(state.waiting).toEqual(['c', 'b']);
    const run = planRun(['a', 'b', 'c', 'd'].map(digest), [], state, 2);
    expect(run.send.map((d) => d.key)).toEqual(['c', 'b']);
    expect(run.overQuota.map((d) => d.key)).toEqual(['a', 'd']);
    expect(planRun(['a'].map(digest), [], state, -1).overQuota).toHaveLength(1);
  });

  it('logs an Owner that is not an address once a day', () => {
    const owner = { key: 'bob smith', owner: 'Bob Smith', items: [] };
    expect(
      planRun([], [owner], claimState([entry('bob smith', STATUS.failed)], TODAY), 5).unreachableOwners,
    ).toEqual([]);
    expect(planRun([], [owner], claimState([], TODAY), 5).unreachableOwners).toEqual([owner]);
  });

  it('reads the log by header, keyed like the plan, "Team: " rows included', () => {
    const layout = logLayout(['Status', 'Note', 'Owner', 'Date', 'Deals', 'Detail']) as LogLayout;
    expect(layout).toEqual({ columns: { status: 0, owner: 2, date: 3, deals: 4, detail: 5 }, width: 6 });
    const values = [
      ['Status', 'Note', 'Owner', 'Date', 'Deals', 'Detail'],
      ['SENT ', '', ' Ann@Team.example', startOfDay(TODAY, ZONE), 'D-1', ''],
      ['', '', '', '', '', ''],
      ['sent', '', 'Team:  Boss@team.example', '2026-11-26', 'D-2', ''],
    ];
    expect(logEntries(values, layout, ZONE)).toEqual([
      { row: 2, key: 'ann@team.example', status: 'sent', day: TODAY },
      { row: 4, key: 'team:boss@team.example', status: 'sent', day: TODAY - 1 },
    ]);
    expect(ownerKey('Team: Boss@team.example')).toBe('team:boss@team.example');
    expect(ownerCellOf({ ...digest('boss@team.example'), kind: 'team' })).toBe('Team: boss@team.example');
    expect(ownerCellOf(digest('ann@team.example'))).toBe('ann@team.example');
    expect(logLayout(['Date', 'Owner'])).toEqual({ missing: ['Deals', 'Status', 'Detail'], repeated: [] });
  });

  it('writes a row in the sheet order, the day as a date at local midnight, text as it is', () => {
    const layout = logLayout(['Status', 'Note', 'Owner', 'Date', 'Deals', 'Detail']) as LogLayout;
    const row = logRow(
      layout,
      { day: TODAY, owner: '=cmd@x.example', deals: 'D-1', status: STATUS.failed, detail: '-oops' },
      ZONE,
    );
    expect(row).toEqual(['failed', '', '=cmd@x.example', startOfDay(TODAY, ZONE), 'D-1', '-oops']);
  });

  it('lists the IDs of a digest, a row for a deal without one, and counts past a hundred', () => {
    const items = plan([
      { owner: 'a@b.example', followUp: TODAY, id: '' },
      { owner: 'a@b.example', followUp: TODAY },
    ]).digests[0]!.items;
    expect(dealsCell(items)).toBe('row 2, D-2');
    const owing = (n: number) =>
      plan(Array.from({ length: n }, () => ({ owner: 'a@b.example', followUp: TODAY }))).digests[0]!.items;
    expect(dealsCell(owing(100)).split(', ')).toHaveLength(100);
    expect(dealsCell(owing(100))).not.toContain('more');
    const many = dealsCell(owing(102));
    expect(many).toMatch(/^D-1, D-10, .* and 2 more$/);
    expect(many.split(', ')).toHaveLength(100);
  });
});

describe('the digest email', () => {
  const context = {
    today: TODAY,
    currency: 'USD',
    spreadsheetName: 'Pipeline\n<Q4>',
    rowLink: (row: number) => `https://sheet.example/edit#gid=7&range=A${row}`,
  };

  it('a subject of counts on one line', () => {
    const [owner] = plan([
      { owner: 'a@b.example', followUp: TODAY - 2 },
      { owner: 'a@b.example', followUp: TODAY },
      { owner: 'a@b.example', followUp: null, stageSince: since(40) },
    ]).digests;
    expect(digestSummary(owner!)).toBe('2 follow-ups due (1 overdue), 1 stale deal');
    expect(digestEmail(owner!, context).subject).toBe(
      'Deal Pipeline: 2 follow-ups due (1 overdue), 1 stale deal',
    );
    expect(oneLine('a\r\nb\u2028c')).toBe('a b c');
    expect(oneLine(' a\n')).toBe('a');
  });

  it('escapes every piece of user text in the HTML, and links each row', () => {
    const [owner] = plan([
      {
        owner: 'a@b.example',
        followUp: TODAY,
        deal: '<b>big</b>',
        company: 'A&B',
        nextStep: '"quote"',
        stage: 'Proposal',
      },
    ]).digests;
    const email = digestEmail(owner!, context);
    expect(email.htmlBody).not.toMatch(/<b>|<Q4>/);
    expect(email.htmlBody).toContain('&lt;b&gt;big&lt;/b&gt;');
    expect(email.htmlBody).toContain('A&amp;B');
    expect(email.htmlBody).toContain('&quot;quote&quot;');
    expect(email.htmlBody).toContain('Reminders from Pipeline &lt;Q4&gt;, 2026-11-27');
    expect(email.htmlBody).toContain(
      '<a href="https://sheet.example/edit#gid=7&amp;range=A2">Open row 2</a>',
    );
    expect(email.body).toContain('https://sheet.example/edit#gid=7&range=A2');
  });

  it('lists at most 50 deals a section, most overdue first, and counts the rest', () => {
    const [owner] = plan(
      Array.from({ length: 120 }, (_, i) => ({ owner: 'a@b.example', followUp: TODAY - 1 - i })),
    ).digests;
    const email = digestEmail(owner!, context);
    expect(email.htmlBody.match(/Open row/g)).toHaveLength(50);
    expect(email.htmlBody).toContain('Overdue follow-ups (120)');
    expect(email.htmlBody).toContain('…and 70 more deals in the Deals sheet.');
    expect(email.body).toContain('…and 70 more deals in the Deals sheet.');
    expect(email.body).toContain('120 days overdue');
    expect(email.body).not.toContain(' 1 day overdue');
    expect(email.subject).toBe('Deal Pipeline: 120 follow-ups due (120 overdue)');
  });

  it("the team digest shows each deal's owner", () => {
    const digests = plan([{ owner: '', followUp: TODAY - 1 }], 0, 'boss@team.example').digests;
    const email = digestEmail(digests[0]!, context);
    expect(email.subject).toBe('Deal Pipeline team digest: 1 deal nobody is reminded of');
    expect(email.htmlBody).toContain(
      '<th style="padding: 4px 8px; border-bottom: 1px solid #e0e0e0; text-align: left">Owner</th>',
    );
    expect(email.body).toContain('(no owner)');
  });
});

describe('money in a digest', () => {
  it('follows the currency code, and spells out one Intl does not know', () => {
    expect(moneyText(12_000, 'USD')).toBe('$12,000.00');
    expect(moneyText(5_000, 'jpy')).toBe('¥5,000');
    expect(moneyText(1_200, 'dollars')).toBe('1,200.00 dollars');
    expect(moneyText(1_200, ' usd ')).toBe('$1,200.00');
    expect(moneyText(1_200, ' Rand\n')).toBe('1,200.00 Rand');
    expect(moneyText(1_200, '')).toBe('1,200.00');
    expect(moneyText(null, 'USD')).toBe('—');
  });
});
