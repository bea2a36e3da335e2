import { describe, expect, it } from 'vitest';

import { dayFromParts, startOfDay } from '../../../src/core/dates';
import { DEFAULT_OPTIONS } from '../../../src/core/options';
import type { Settings } from '../../../src/core/settings';
import { dealSummary, sidebarData } from '../../../src/core/sidebar/summaries';
import { DEFAULT_STAGE_TABLE } from '../../../src/core/stage-table';
import type { Deal } from '../../../src/core/types';
import { aDeal } from '../deal-helpers';

const TABLE = DEFAULT_STAGE_TABLE;
const ZONE = 'America/Los_Angeles';
const TODAY = dayFromParts(2025, 6, 15);
const NOW = { today: TODAY, timeZone: ZONE };
const SETTINGS: Settings = {
  table: TABLE,
  options: DEFAULT_OPTIONS,
  problems: [],
  source: 'sheet',
  notice: null,
};
const entered = (daysAgo: number) => startOfDay(TODAY - daysAgo, ZONE).getTime();

describe('a deal as the sidebar lists it', () => {
  it('carries its dates as yyyy-mm-dd text, its days, and the moves it may make', () => {
    expect(dealSummary(aDeal(), TABLE, TODAY, 3)).toEqual({
      id: 'D-0042',
      row: 2,
      deal: 'Acme renewal',
      company: 'Acme',
      owner: 'sam@seller.example',
      stage: 'Proposal',
      amount: 12000,
      closeDate: '2025-09-30',
      followUp: '2025-07-01',
      nextStep: 'Send quote',
      days: 3,
      moves: ['Qualified', 'Negotiation', 'Closed Lost'],
      needs: { Qualified: [], Negotiation: [], 'Closed Lost': ['lostReason'] },
    });
  });

  it('has blank dates and 0 days when it has none', () => {
    const summary = dealSummary(aDeal({ closeDate: null, followUp: null, amount: null }), TABLE, TODAY);
    expect([summary.closeDate, summary.followUp, summary.days, summary.amount]).toEqual(['', '', 0, null]);
  });
});

describe('the stages the sidebar offers', () => {
  it('carry what each stage requires, Lost Reason for a lost stage included', () => {
    const infos = sidebarData([], SETTINGS, '', NOW).stages;
    expect(infos[0]).toEqual({
      name: 'Lead',
      kind: 'open',
      probability: 0.1,
      required: ['deal', 'company', 'owner'],
    });
    expect(infos.at(-1)).toEqual({
      name: 'Closed Lost',
      kind: 'lost',
      probability: 0,
      required: ['deal', 'company', 'owner', 'lostReason'],
    });
  });
});

describe('what the sidebar shows when it opens', () => {
  const sam = 'sam@seller.example';
  const deal = (n: number, overrides: Partial<Deal>): Deal =>
    aDeal({
      id: `D-000${n}`,
      row: n + 1,
      owner: sam,
      lastContact: null,
      stageSince: entered(0),
      ...overrides,
    });
  const DEALS = [
    deal(2, { owner: ' SAM@seller.example', amount: 200, followUp: TODAY - 2, stageSince: entered(40) }),
    deal(1, { stage: 'Lead', amount: 100, followUp: TODAY - 5, stageSince: entered(1) }),
    deal(3, { stage: 'Lead', amount: 300, followUp: TODAY }),
    deal(4, { stage: 'Lead', amount: 400, followUp: null, stageSince: entered(30), lastContact: TODAY - 20 }),
    deal(5, { stage: 'Negotiation', owner: ' ann@seller.example ', amount: 500, followUp: TODAY - 9 }),
    deal(6, { stage: 'Closed Won', amount: 1000, closeDate: TODAY - 50, followUp: TODAY - 3 }),
    deal(7, { stage: 'Closed Lost', owner: 'Not an address', amount: 50, closeDate: TODAY - 20 }),
    deal(8, { stage: 'Archived', amount: 9999, followUp: TODAY - 1 }),
    deal(9, { stage: 'Lead', owner: '', amount: 0, followUp: TODAY - 4 }),
  ];
  // Worked out in each test, so that mutation testing knows which tests run it.
  const samsData = () => sidebarData(DEALS, SETTINGS, 'Sam@Seller.example', NOW);
  const ids = (list: { id: string; days: number }[]) => list.map((d) => [d.id, d.days]);

  it('lists the user’s open deals, most urgent first, whatever the case of Owner', () => {
    const data = samsData();
    expect(ids(data.myDay.overdue)).toEqual([
      ['D-0001', 5],
      ['D-0002', 2],
    ]);
    expect(ids(data.myDay.dueToday)).toEqual([['D-0003', 0]]);
    expect(ids(data.myDay.stale)).toEqual([['D-0004', 20]]);
    expect(data.myDay.overdue[0]?.moves).toEqual(['Qualified', 'Closed Lost']);
  });

  it('lists nobody’s day when Apps Script does not say who the user is', () => {
    expect(sidebarData(DEALS, SETTINGS, ' ', NOW).myDay).toEqual({ overdue: [], dueToday: [], stale: [] });
  });

  it('gives the pipeline at a glance, as the Summary counts it', () => {
    const data = samsData();
    expect(data.glance).toEqual({
      openPipeline: 1500,
      weightedPipeline: 555,
      dealsOpen: 6,
      wonThisQuarter: 1000,
      winRate: 0.5,
    });
  });

  it('suggests each owner with an address once, as first written, sorted', () => {
    const data = samsData();
    expect(data.owners).toEqual(['ann@seller.example', 'SAM@seller.example']);
  });

  it('carries the user, today, the currency, the stage table and what Settings needs said', () => {
    const data = samsData();
    expect(data.user).toBe('Sam@Seller.example');
    expect(data.today).toBe('2025-06-15');
    expect(data.currency).toBe('USD');
    expect(data.stages.map((stage) => stage.name)).toEqual(TABLE.stages.map((stage) => stage.name));
    expect(data.table).toBe(TABLE);
    expect(data.settingsNotice).toBeNull();
    const notice = { ...SETTINGS, notice: 'The Settings sheet is empty.' };
    expect(sidebarData([], notice, '', NOW).settingsNotice).toBe('The Settings sheet is empty.');
  });

  it('counts this quarter from the fiscal year’s start month', () => {
    const may = { ...SETTINGS, options: { ...DEFAULT_OPTIONS, fiscalYearStartMonth: 5 } };
    expect(sidebarData(DEALS, may, '', NOW).glance.wonThisQuarter).toBe(0);
    const april = { ...SETTINGS, options: { ...DEFAULT_OPTIONS, fiscalYearStartMonth: 4 } };
    expect(sidebarData(DEALS, april, '', NOW).glance.wonThisQuarter).toBe(1000);
  });
});
