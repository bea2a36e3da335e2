import { describe, expect, it } from 'vitest';

import { STAGE_TABLE_HEADERS } from '../../src/core/columns';
import { dayFromParts, startOfDay } from '../../src/core/dates';
import {
  dealSheetLayout,
  isBlankRow,
  missingNeeded,
  parseDealRow,
  parseDealRows,
} from '../../src/core/deal-row';
import { DEFAULT_STAGE_TABLE, parseStageTable } from '../../src/core/stage-table';
import { aRow, DEALS_HEADER, parseDeals, SNAPSHOT_STAGE_ROWS, snapshotSheet } from './deal-helpers';

const TZ = 'America/New_York';
const at = (year: number, month: number, day: number): Date => startOfDay(dayFromParts(year, month, day), TZ);

describe('the Deals column layout', () => {
  it('finds every column by its header, trimmed and case-insensitive, in any order', () => {
    const header = [
      '  notes',
      'STAGE ',
      'My column',
      ...DEALS_HEADER.filter((h) => h !== 'Notes' && h !== 'Stage'),
    ];
    const layout = dealSheetLayout(header, DEFAULT_STAGE_TABLE);
    expect(layout.problems).toEqual([]);
    expect(layout.columns.notes).toBe(0);
    expect(layout.columns.stage).toBe(1);
    expect(layout.columns.id).toBe(3);
  });

  it('names a missing expected column, says its field reads blank, and suggests Set up sheets', () => {
    const layout = dealSheetLayout(
      DEALS_HEADER.filter((h) => h !== 'Close Date'),
      DEFAULT_STAGE_TABLE,
    );
    expect(layout.columns.closeDate).toBe(-1);
    expect(layout.missing).toEqual(['closeDate']);
    expect(layout.problems).toEqual([
      {
        cell: 'Deals!1:1',
        message:
          'The Deals sheet has no "Close Date" column, so Close Date counts as blank in every deal. Run Deal Pipeline › Set up sheets to add it.',
        severity: 'error',
      },
    ]);
  });

  it('expects the columns the add-on writes and reads, whatever the stages', () => {
    const layout = dealSheetLayout(['Company', 'Notes']);
    expect(layout.missing).toEqual([
      'id',
      'deal',
      'owner',
      'stage',
      'amount',
      'closeDate',
      'followUp',
      'created',
      'stageSince',
    ]);
    expect(layout.problems).toHaveLength(9);
    expect(dealSheetLayout(DEALS_HEADER).missing).toEqual([]);
  });

  it('expects the columns the stages require, and Lost Reason when there is a lost stage', () => {
    const header = DEALS_HEADER.filter((h) => h !== 'Email' && h !== 'Lost Reason' && h !== 'Phone');
    expect(dealSheetLayout(header).problems).toEqual([]);
    const layout = dealSheetLayout(header, DEFAULT_STAGE_TABLE);
    expect(layout.missing).toEqual(['email', 'lostReason']);
    expect(layout.problems.map((p) => p.message)).toEqual([
      'The Deals sheet has no "Email" column, so Email counts as blank in every deal. Run Deal Pipeline › Set up sheets to add it.',
      'The Deals sheet has no "Lost Reason" column, so Lost Reason counts as blank in every deal. Run Deal Pipeline › Set up sheets to add it.',
    ]);
    const custom = (third: (string | number)[]) =>
      parseStageTable([[...STAGE_TABLE_HEADERS], ['Open', 0.5, 'open', '', '*', 'Phone', ''], third]).table!;
    expect(dealSheetLayout(header, custom(['Won', 1, 'won', '', '', '', ''])).missing).toEqual(['phone']);
    expect(dealSheetLayout(header, custom(['Gone', 0, 'lost', '', '', 'Deal', ''])).missing).toEqual([
      'phone',
      'lostReason',
    ]);
  });

  it('reads a missing column as blank: a deal in a stage that requires it lacks it', () => {
    const header = DEALS_HEADER.filter((h) => h !== 'Amount');
    const layout = dealSheetLayout(header, DEFAULT_STAGE_TABLE);
    const cells = header.map((h) => (h === 'Stage' ? 'Proposal' : h === 'Deal' ? 'Acme' : ''));
    expect(parseDealRow(cells, 4, layout, TZ).deal.amount).toBeNull();
  });

  it('uses the first of two equal headers and warns about the second', () => {
    const layout = dealSheetLayout([...DEALS_HEADER, 'amount'], DEFAULT_STAGE_TABLE);
    expect(layout.columns.amount).toBe(8);
    expect(layout.problems).toEqual([
      {
        cell: 'Deals!S1',
        message: 'Deals!S1: a second "Amount" column is ignored; the add-on uses the first one.',
        severity: 'warning',
      },
    ]);
  });

  it('stops an operation only for ID, Stage and the columns it says it needs', () => {
    const layout = dealSheetLayout(DEALS_HEADER.filter((h) => h !== 'Amount' && h !== 'Owner'));
    expect(missingNeeded(layout, [])).toEqual([]);
    expect(missingNeeded(layout, ['amount', 'closeDate'])).toEqual(['amount']);
    const noRules = dealSheetLayout(DEALS_HEADER.filter((h) => h !== 'ID' && h !== 'Stage'));
    expect(missingNeeded(noRules, ['owner'])).toEqual(['id', 'stage']);
  });
});

describe('reading a deal row', () => {
  const layout = dealSheetLayout(DEALS_HEADER, DEFAULT_STAGE_TABLE);

  it('reads text trimmed, amounts and probabilities as numbers, dates as calendar days', () => {
    const row = aRow({
      id: ' D-0042 ',
      deal: 'Acme renewal',
      phone: 5550100,
      owner: 'sam@seller.example',
      stage: 'Proposal',
      amount: '$12,000',
      probability: '35%',
      closeDate: at(2025, 9, 30),
      followUp: '2025-07-01',
      stageSince: new Date(Date.UTC(2025, 5, 1, 13, 30)),
    });
    const { deal, problems } = parseDealRow(row, 7, layout, TZ);
    expect(problems).toEqual([]);
    expect(deal).toEqual({
      row: 7,
      id: 'D-0042',
      deal: 'Acme renewal',
      company: '',
      contact: '',
      email: '',
      phone: '5550100',
      owner: 'sam@seller.example',
      stage: 'Proposal',
      amount: 12_000,
      probability: 0.35,
      closeDate: dayFromParts(2025, 9, 30),
      followUp: dayFromParts(2025, 7, 1),
      nextStep: '',
      lastContact: null,
      created: null,
      stageSince: Date.UTC(2025, 5, 1, 13, 30),
      lostReason: '',
      notes: '',
    });
  });

  it('reports a cell of the wrong type, naming the deal, the column and what is allowed', () => {
    const row = aRow({ id: 'D-0042', deal: 'Acme renewal', amount: 'abc', closeDate: 'next week' });
    const { deal, problems } = parseDealRow(row, 7, layout, TZ);
    expect(deal.amount).toBeNull();
    expect(problems).toEqual([
      {
        row: 7,
        field: 'amount',
        message: 'D-0042 "Acme renewal": Amount must be a number ≥ 0, not "abc".',
        severity: 'error',
      },
      {
        row: 7,
        field: 'closeDate',
        message: 'D-0042 "Acme renewal": Close Date must be a date such as 2025-03-31, not "next week".',
        severity: 'error',
      },
    ]);
  });

  it('reports every date column of the wrong type under its own field', () => {
    const row = aRow({ followUp: 'x', lastContact: 'x', created: 'x', stageSince: 'x' });
    const { deal, problems } = parseDealRow(row, 7, layout, TZ);
    expect(problems.map((p) => [p.field, p.message.split(': ')[1]?.split(' must')[0]])).toEqual([
      ['followUp', 'Follow-up'],
      ['lastContact', 'Last Contact'],
      ['created', 'Created'],
      ['stageSince', 'Stage Since'],
    ]);
    expect([deal.followUp, deal.lastContact, deal.created, deal.stageSince]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('reports 150 % in Probability as a problem of that field, not as 1.5 %', () => {
    // A typed "150%" reaches the script as 1.5 in a percent-formatted cell.
    const { deal, problems } = parseDealRow(aRow({ id: 'D-0042', probability: 1.5 }), 7, layout, TZ);
    expect(deal.probability).toBeNull();
    expect(problems).toEqual([
      {
        row: 7,
        field: 'probability',
        message:
          'D-0042: Probability must be a percentage from 0 % to 100 % (such as 25% or 0.25), not 1.5 (150 %).',
        severity: 'error',
      },
    ]);
  });

  it('names a deal without an ID by its row', () => {
    const { problems } = parseDealRow(aRow({ probability: 'high' }), 12, layout, TZ);
    expect(problems[0]?.message).toMatch(/^Row 12: Probability must be a percentage/);
  });

  it('reads a sheet that lacks optional columns as blank there', () => {
    const narrow = dealSheetLayout(['ID', 'Deal', 'Stage']);
    const { deal } = parseDealRow(['D-0001', 'Tiny', 'Lead'], 2, narrow, TZ);
    expect(deal).toMatchObject({ id: 'D-0001', stage: 'Lead', amount: null, notes: '' });
  });

  it('takes nothing from columns it does not know', () => {
    const header = ['Region', ...DEALS_HEADER, 'Commission'];
    const wide = dealSheetLayout(header, DEFAULT_STAGE_TABLE);
    const cells = { id: 'D-0001', deal: 'Acme', stage: 'Lead' };
    const plain = parseDealRow(aRow(cells), 2, layout, TZ).deal;
    const withOwn = aRow(cells, header);
    withOwn[0] = 'EMEA';
    withOwn[withOwn.length - 1] = '=B2*0.1';
    expect(parseDealRow(withOwn, 2, wide, TZ).deal).toEqual(plain);
  });
});

describe('reading the Deals sheet', () => {
  it('skips blank rows and numbers deals by their sheet row', () => {
    const values = [
      DEALS_HEADER,
      aRow({ id: 'D-0001', stage: 'Lead' }),
      aRow({}),
      aRow({ deal: '   ' }),
      aRow({ id: 'D-0002', stage: 'Lead' }),
    ];
    const { deals, problems, layout } = parseDeals(values, TZ, DEFAULT_STAGE_TABLE);
    expect(layout.problems).toEqual([]);
    expect(problems).toEqual([]);
    expect(deals.map((d) => [d.row, d.id])).toEqual([
      [2, 'D-0001'],
      [5, 'D-0002'],
    ]);
  });

  it('keeps a row whose only content is in a column of the team own', () => {
    const header = [...DEALS_HEADER, 'Region'];
    const row = aRow({}, header);
    row[row.length - 1] = 'EMEA';
    expect(isBlankRow(row)).toBe(false);
    expect(parseDeals([header, row], TZ).deals).toHaveLength(1);
    expect(parseDeals([], TZ)).toEqual({ layout: dealSheetLayout([]), deals: [], problems: [] });
  });

  it('reads rows read from the middle of the sheet with their real row numbers', () => {
    const layout = dealSheetLayout(DEALS_HEADER);
    const { deals } = parseDealRows([aRow({ id: 'D-0009' })], 40, layout, TZ);
    expect(deals[0]?.row).toBe(40);
  });

  it('reads the 2015 pipeline snapshot: 32 deals, per-deal percentages, the export blank rows skipped', () => {
    const table = parseStageTable(SNAPSHOT_STAGE_ROWS).table ?? DEFAULT_STAGE_TABLE;
    const values = snapshotSheet(TZ);
    expect(values).toHaveLength(36);
    const { deals, problems, layout } = parseDeals(values, TZ, table);
    expect(layout.problems).toEqual([]);
    expect(problems).toEqual([]);
    expect(deals).toHaveLength(32);
    expect(deals[0]).toMatchObject({
      id: 'D-0001',
      company: 'Customer 1',
      owner: 'angela@example.com',
      stage: 'Identified',
      amount: 2910,
      closeDate: dayFromParts(2015, 4, 7),
      created: dayFromParts(2015, 1, 1),
    });
    expect(deals[0]?.probability).toBeCloseTo(0.65, 12);
    expect(deals.filter((d) => d.stage === 'Won').map((d) => d.probability)).toEqual([0.75, 0.5, 0.7]);
  });
});
