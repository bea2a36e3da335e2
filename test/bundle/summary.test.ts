import { describe, expect, it } from 'vitest';

import { dayOfDate, isoOfDay } from '../../src/core/dates';
import { dealSheetLayout, parseDealRows } from '../../src/core/deal-row';
import { parseHistory } from '../../src/core/history-rows';
import type { SummaryNumbers } from '../../src/core/numbers';
import { summaryNumbers } from '../../src/core/numbers';
import { loadSettings } from '../../src/core/settings';
import { MAVEN_STAGE_ROWS, mavenPipeline } from '../fixtures/reference-data';
import type { DealInput } from './deals';
import { rowOf } from './deals';
import type { Addon } from './harness';
import { startAddon, TIME_ZONE } from './harness';

const KPI_LABELS = [
  'Open pipeline',
  'Weighted pipeline',
  'Deals open',
  'Won this quarter',
  'Win rate',
  'Average deal size',
  'Average sales cycle (days)',
  'Sales velocity (per day)',
  'Follow-ups overdue',
  'Stale deals',
  'Target coverage',
];

const ANA = 'ana@team.example';
const BEN = 'ben@team.example';

/** Today is 2026-11-27 (Los Angeles); this fiscal quarter is 2026-10-01 to 2026-12-31. */
const PIPELINE: DealInput[] = [
  // Open: overdue 7 days, stale 26 days (Lead goes stale after 14).
  { id: 'D-0001', deal: 'Alpha', owner: ANA, stage: 'Lead', amount: 10_000, closeDate: '2026-12-15' },
  { id: 'D-0002', deal: 'Beta', owner: ANA, stage: 'Qualified', amount: 20_000, closeDate: '2027-01-20' },
  // Open with its own probability: overdue 1 day, stale 38 days (Proposal: 21).
  {
    id: 'D-0003',
    deal: 'Gamma',
    owner: BEN,
    stage: 'Proposal',
    amount: 40_000,
    probability: 0.6,
    closeDate: '2026-11-30',
  },
  { id: 'D-0004', deal: 'Delta', owner: BEN, stage: 'Negotiation', amount: 80_000 },
  // Won this quarter after 60 days, won in June after 29 days, lost in September.
  { id: 'D-0005', deal: 'Epsilon', owner: ANA, stage: 'Closed Won', amount: 30_000, closeDate: '2026-10-15' },
  { id: 'D-0006', deal: 'Zeta', owner: BEN, stage: 'Closed Won', amount: 50_000, closeDate: '2026-06-30' },
  { id: 'D-0007', deal: 'Eta', owner: ANA, stage: 'Closed Lost', amount: 15_000, closeDate: '2026-09-10' },
  // Lost before the 12-month window, by an owner that is not an email address.
  {
    id: 'D-0008',
    deal: 'Theta',
    owner: 'Sam Seller',
    stage: 'Closed Lost',
    amount: 5_000,
    closeDate: '2025-06-01',
  },
  // A stage Settings does not know, and no owner.
  { id: 'D-0009', deal: 'Iota', stage: 'Prospect', amount: 7_000 },
];
const DATES: Record<string, DealInput> = {
  'D-0001': { followUp: '2026-11-20', created: '2026-11-01', stageSince: '2026-11-01 10:00' },
  'D-0002': {
    followUp: '2026-12-01',
    lastContact: '2026-11-25',
    created: '2026-10-01',
    stageSince: '2026-10-15 10:00',
  },
  'D-0003': { followUp: '2026-11-26', created: '2026-09-01', stageSince: '2026-10-20 10:00' },
  'D-0004': { created: '2026-08-01', stageSince: '2026-11-20 10:00' },
  'D-0005': { created: '2026-08-16' },
  'D-0006': { created: '2026-06-01' },
  'D-0007': { created: '2026-07-01', lostReason: 'Price' },
  'D-0008': { created: '2025-03-01', lostReason: 'Budget' },
};

const HISTORY = [
  ['2026-08-16 10:00', 'D-0005', 'Epsilon', '', 'Lead', ANA, 'sidebar'],
  ['2026-08-26 10:00', 'D-0005', 'Epsilon', 'Lead', 'Qualified', ANA, 'edit'],
  ['2026-09-15 10:00', 'D-0005', 'Epsilon', 'Qualified', 'Proposal', ANA, 'edit'],
  ['2026-10-15 10:00', 'D-0005', 'Epsilon', 'Proposal', 'Closed Won', ANA, 'edit'],
  ['2026-09-01 10:00', 'D-0003', 'Gamma', '', 'Lead', BEN, 'sidebar'],
  ['2026-10-20 10:00', 'D-0003', 'Gamma', 'Lead', 'Proposal', BEN, 'edit'],
  ['not a time', 'D-0099', 'Ghost', '', 'Lead', BEN, 'edit'],
];

/** Set up, then type the deals, History and a Quarterly Target of 100,000 as a user would. */
function startWithPipeline(options: Parameters<typeof startAddon>[0] = {}): Addon {
  const started = startAddon(options);
  const { workbook } = started.emulator;
  started.addon.run('setUpSheets');
  workbook.userSetValues(
    'Deals',
    'A2',
    PIPELINE.map((d) => rowOf({ ...d, ...DATES[d.id as string] })),
  );
  workbook.userSetValues('History', 'A2', HISTORY);
  workbook.userSetValues('Settings', 'J6', [[100_000]]);
  return started;
}

function summary(started: Addon): unknown[][] {
  return started.emulator.workbook.values('Summary');
}

function rowLabelled(values: unknown[][], label: string): unknown[] {
  const row = values.find((line) => line[0] === label);
  if (!row) throw new Error(`The Summary has no row "${label}"`);
  return row;
}

const valueOf = (values: unknown[][], label: string): unknown => rowLabelled(values, label)[1];

/** What the engine makes of the same sheets, read straight from the workbook. */
function engineNumbers(started: Addon): SummaryNumbers {
  const { workbook } = started.emulator;
  const settings = loadSettings(workbook.values('Settings'));
  const values = workbook.values('Deals');
  const { deals } = parseDealRows(
    values.slice(1),
    2,
    dealSheetLayout(values[0] ?? [], settings.table),
    TIME_ZONE,
  );
  const history = parseHistory(workbook.values('History'), TIME_ZONE).entries;
  const now = started.emulator.clock.now();
  return summaryNumbers(deals, history, settings.table, settings.options, {
    today: dayOfDate(now, TIME_ZONE),
    timeZone: TIME_ZONE,
  });
}

function kpiValues(numbers: SummaryNumbers): unknown[] {
  const k = numbers.kpis;
  return [
    k.openPipeline,
    k.weightedPipeline,
    k.dealsOpen,
    k.wonThisQuarter,
    k.winRate,
    k.averageDealSize,
    k.averageSalesCycleDays,
    k.salesVelocityPerDay,
    k.followUpsOverdue,
    k.staleDeals,
    k.targetCoverage?.coverage,
  ].map((value) => value ?? '—');
}

describe('Refresh summary on a hand-built pipeline', () => {
  const started = startWithPipeline();
  started.addon.run('refreshSummary');
  const values = summary(started);

  it('writes the KPI block from A1 with the exact labels, and says when it was refreshed', () => {
    expect(values.slice(0, 11).map((row) => row[0])).toEqual(KPI_LABELS);
    expect(values[0]?.[3]).toBe('Refreshed 2026-11-27 09:00 America/Los_Angeles');
  });

  it('shows the hand-computed KPI values', () => {
    const kpis = values.slice(0, 11).map((row) => row[1] as number);
    expect(kpis.slice(0, 4)).toEqual([150_000, 90_000, 4, 30_000]);
    expect(kpis[4]).toBeCloseTo(2 / 3, 12);
    expect(kpis[5]).toBe(40_000);
    expect(kpis[6]).toBe(44.5);
    expect(kpis[7]).toBeCloseTo((4 * 40_000 * (2 / 3)) / 44.5, 9);
    expect(kpis.slice(8, 10)).toEqual([2, 2]);
    expect(kpis[10]).toBeCloseTo(50_000 / 70_000, 12);
  });

  it("equals the engine's summaryNumbers on the same sheets", () => {
    expect(values.slice(0, 11).map((row) => row[1])).toEqual(kpiValues(engineNumbers(started)));
  });

  it('labels the window of the win rate and formats money, percent and days', () => {
    expect(rowLabelled(values, 'Win rate')[2]).toBe(
      'last 12 months (2025-11-28 to 2026-11-27): 2 won, 1 lost',
    );
    const display = (a1: string) => started.emulator.spreadsheet.scriptRange('Summary', a1).getDisplayValue();
    expect(display('B1')).toBe('$150,000.00');
    expect(display('B5')).toBe('67%');
    expect(display('B7')).toBe('44.5');
    expect(display('B11')).toBe('0.71×');
  });

  it('writes the forecast table with its exact header, a No close date row and the months it leaves out', () => {
    const header = values.findIndex((row) => row[0] === 'Month');
    expect(values[header]?.slice(0, 6)).toEqual([
      'Month',
      'Closed Won',
      'Commit',
      'Best Case',
      'Pipeline',
      'Weighted Forecast',
    ]);
    expect(values.slice(header + 1, header + 7).map((row) => row[0])).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
    ]);
    expect(values[header + 1]?.slice(1, 6)).toEqual([0, 0, 40_000, 0, 24_000]);
    expect(rowLabelled(values, 'No close date').slice(1, 6)).toEqual([0, 80_000, 0, 0, 60_000]);
    expect(rowLabelled(values, 'Before 2026-11').slice(1, 6)).toEqual([80_000, 0, 0, 0, 80_000]);
    expect(rowLabelled(values, 'After 2027-04').slice(1, 6)).toEqual([0, 0, 0, 0, 0]);
    expect(rowLabelled(values, 'Total').slice(1, 6)).toEqual([80_000, 80_000, 40_000, 30_000, 170_000]);
  });

  it('shows each owner: open, weighted, won this quarter, win rate, overdue follow-ups', () => {
    expect(rowLabelled(values, ANA).slice(1, 7)).toEqual([2, 30_000, 6_000, 30_000, 0.5, 1]);
    expect(rowLabelled(values, BEN).slice(1, 7)).toEqual([2, 120_000, 84_000, 0, 1, 1]);
    expect(rowLabelled(values, 'Sam Seller').slice(1, 7)).toEqual([0, 0, 0, 0, '—', 0]);
  });

  it('shows the funnel with conversion and days in stage from History, and states the bottleneck', () => {
    // Deals with no History count as having entered their stage and those before it (linear
    // table): Lead was entered by all 8 known deals; D-2, D-3, D-4, D-5 and D-6 went further.
    expect(rowLabelled(values, 'Lead').slice(1, 7)).toEqual([1, 10_000, 1_000, 8, 0.625, 29.5]);
    // Proposal: D-3, D-5 (History), D-4 (in Negotiation), D-6 (won); D-4, D-5, D-6 went further.
    expect(rowLabelled(values, 'Proposal').slice(1, 7)).toEqual([1, 40_000, 24_000, 4, 0.75, 30]);
    expect(rowLabelled(values, 'Closed Won').slice(1, 7)).toEqual([2, 80_000, 80_000, 2, '—', '—']);
    // Only Lead has the 5 deals through it that a bottleneck needs.
    expect(rowLabelled(values, 'Bottleneck: lowest conversion').slice(1, 3)).toEqual(['Lead', 0.625]);
  });

  it('checks the probabilities with their sample size, marking too few deals', () => {
    const lead = values.filter((row) => row[0] === 'Lead')[1];
    // Of the 4 decided deals that entered Lead (D-5, D-6 won; D-7, D-8 lost), 2 were won.
    expect(lead?.slice(1, 7)).toEqual([0.1, 0.5, 0.4, 2, 4, 'too few deals (under 20 decided)']);
  });

  it("shows the forecast range for the pipeline and this quarter from the engine's numbers", () => {
    const numbers = engineNumbers(started);
    const range = (r: SummaryNumbers['pipelineRange']) => [r.p10, r.p50, r.p90, r.mean, r.least, r.most];
    const pipeline = values.filter((row) => row[0] === 'Open pipeline')[1];
    expect(pipeline?.slice(1, 7)).toEqual(range(numbers.pipelineRange));
    expect(rowLabelled(values, 'This quarter (2026-10-01 to 2026-12-31)').slice(1, 7)).toEqual(
      range(numbers.quarterRange),
    );
  });

  it('lists stale deals and overdue follow-ups with ID, deal, owner and days, most days first', () => {
    const list = (title: string) => {
      const at = values.findIndex((row) => row[0] === title);
      return values.slice(at + 2, at + 4).map((row) => [row[0], row[1], row[2], row[3], row[5]]);
    };
    expect(list('Stale deals (2)')).toEqual([
      ['D-0003', 'Gamma', BEN, 'Proposal', 38],
      ['D-0001', 'Alpha', ANA, 'Lead', 26],
    ]);
    expect(list('Overdue follow-ups (2)')).toEqual([
      ['D-0001', 'Alpha', ANA, 'Lead', 7],
      ['D-0003', 'Gamma', BEN, 'Proposal', 1],
    ]);
    const at = values.findIndex((row) => row[0] === 'Overdue follow-ups (2)');
    const followUp = values[at + 2]?.[4];
    expect(followUp).toBeInstanceOf(Date);
    expect(isoOfDay(dayOfDate(followUp as Date, TIME_ZONE))).toBe('2026-11-20');
  });

  it('reports what the numbers leave out: unknown stages, owners, unreadable History rows', () => {
    expect(valueOf(values, 'Deals in a stage not in Settings')).toBe(1);
    expect(valueOf(values, 'Deals with no owner')).toBe(1);
    expect(rowLabelled(values, 'Owners that are not an email address').slice(1, 3)).toEqual([
      1,
      'e.g. Sam Seller',
    ]);
    expect(rowLabelled(values, 'History rows skipped as unreadable').slice(1, 3)).toEqual([1, 'rows 8']);
  });

  it('makes section titles and table headers bold', () => {
    const sheet = started.emulator.spreadsheet.scriptSheet('Summary');
    const title = values.findIndex((row) => row[0] === 'Forecast by month') + 1;
    expect(sheet.getRange(title, 1).getFontWeight()).toBe('bold');
    expect(sheet.getRange(title + 1, 6).getFontWeight()).toBe('bold');
    expect(sheet.getRange(1, 1).getFontWeight()).toBe('normal');
  });

  it('ends with a toast naming how many deals it covers', () => {
    expect(started.emulator.workbook.toasts.at(-1)?.message).toBe('Summary refreshed: 9 deals');
  });
});

describe('Refresh summary, again and again', () => {
  it('replaces its three charts instead of adding more, from the funnel, the forecast and the accuracy tables', () => {
    const started = startWithPipeline();
    started.addon.run('refreshSummary');
    started.addon.run('refreshSummary');
    const sheet = started.emulator.spreadsheet.scriptSheet('Summary');
    const charts = sheet.getCharts();
    expect(charts.map((chart) => chart.getOptions().get('title'))).toEqual([
      'Open pipeline by stage',
      'Forecast by month',
      'Team forecast 4 weeks before vs actual won',
    ]);
    expect(charts.map((chart) => chart.getType())).toEqual(['COLUMN', 'COLUMN', 'LINE']);
    const firstCells = charts.map((chart) => chart.getRanges().map((range) => range.getValues()[0]?.[0]));
    expect(firstCells).toEqual([
      ['Stage', 'Amount'],
      ['Month', 'Closed Won', 'Weighted Forecast'],
      ['Month', 'Forecast 4 weeks before'],
    ]);
  });

  it('keeps the Summary protected with a warning only, and recreates it when it was deleted', () => {
    const started = startWithPipeline();
    const { workbook } = started.emulator;
    workbook.removeSheet(workbook.sheet('Summary'));
    started.addon.run('refreshSummary');
    started.addon.run('refreshSummary');
    const protections = workbook.sheet('Summary').protections;
    expect(protections).toHaveLength(1);
    expect(protections[0]).toMatchObject({ warningOnly: true });
    expect(workbook.value('Summary', 'A1')).toBe('Open pipeline');
  });

  it('leaves out Target coverage when no Quarterly Target is set', () => {
    const started = startWithPipeline();
    started.emulator.workbook.userSetValues('Settings', 'J6', [['']]);
    started.addon.run('refreshSummary');
    const labels = summary(started)
      .slice(0, 11)
      .map((row) => row[0]);
    expect(labels.slice(0, 10)).toEqual(KPI_LABELS.slice(0, 10));
    expect(labels).not.toContain('Target coverage');
  });
});

describe('Refresh summary when it cannot', () => {
  it('gives the "try again" message on a busy lock and leaves the Summary as it was', () => {
    const started = startWithPipeline();
    started.addon.run('refreshSummary');
    const before = summary(started);
    started.emulator.workbook.userSetValues('Deals', 'A11', [
      rowOf({ id: 'D-0010', deal: 'Kappa', stage: 'Lead' }),
    ]);
    started.emulator.host.locks.holdElsewhere('document');
    started.addon.run('refreshSummary');
    expect(started.emulator.host.ui.alerts.at(-1)?.prompt).toContain('try again');
    expect(summary(started)).toEqual(before);
  });

  it('names a missing Stage column and suggests Set up sheets, writing nothing', () => {
    const started = startWithPipeline();
    started.emulator.workbook.userSetValues('Deals', 'H1', [['Phase']]);
    started.addon.run('refreshSummary');
    const message = started.emulator.host.ui.alerts.at(-1)?.prompt ?? '';
    expect(message).toContain('"Stage"');
    expect(message).toContain('Set up sheets');
    expect(summary(started)).toEqual([]);
  });
});

/** `count` deals spread over every stage, five owners and two years, the same on every run. */
function generatedDeals(count: number): unknown[][] {
  const stages = ['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'];
  const rows: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const day = (offset: number) => new Date(Date.UTC(2025, 10, 1 + ((i * 37 + offset) % 730), 12));
    rows.push(
      rowOf({
        id: `D-${String(i + 1).padStart(5, '0')}`,
        deal: `Deal ${i + 1}`,
        owner: `rep${i % 5}@team.example`,
        stage: stages[i % stages.length]!,
        amount: 1_000 + ((i * 7919) % 90_000),
        closeDate: day(0),
        followUp: i % 3 === 0 ? day(11) : '',
        created: day(-90),
        stageSince: day(-40),
        lostReason: 'Price',
      }),
    );
  }
  return rows;
}

function callsToRefresh(count: number): Record<string, number> {
  const started = startAddon();
  started.addon.run('setUpSheets');
  started.emulator.workbook.userSetValues('Deals', 'A2', generatedDeals(count));
  started.emulator.calls.reset();
  started.addon.run('refreshSummary');
  expect(started.emulator.workbook.toasts.at(-1)?.message).toBe(`Summary refreshed: ${count} deals`);
  return started.emulator.calls.snapshot();
}

describe('Refresh summary in batches', () => {
  it('makes the same spreadsheet calls for 1,000 deals as for 50,000', () => {
    const small = callsToRefresh(1_000);
    const large = callsToRefresh(50_000);
    expect(large).toEqual(small);
    // Settings; Deals' header and its 3 runs of the columns the numbers use; History's header;
    // Forecast History's header (no snapshot in it yet).
    expect(small['Range.getValues']).toBe(7);
    expect(small['Range.setValues']).toBe(1);
    // 38 of them insert the three charts.
    expect(Object.values(small).reduce((sum, n) => sum + n, 0)).toBeLessThan(90);
  }, 120_000);
});

describe('Refresh summary on the Maven CRM data set', () => {
  const maven = mavenPipeline();
  const [header, ...deals] = maven;
  const column = (name: string) => header!.indexOf(name);
  const emailOf = (agent: string) => `${agent.toLowerCase().replace(/\s+/g, '.')}@maven.example`;
  // The last close date is 2017-12-31: the trailing 12 months then hold every closed deal.
  const started = startAddon({ now: '2017-12-31T18:00:00Z' });
  started.addon.run('setUpSheets');
  const blankStage = MAVEN_STAGE_ROWS[0]!.map(() => '');
  started.emulator.workbook.userSetValues('Settings', 'A1', [...MAVEN_STAGE_ROWS, blankStage, blankStage]);
  started.emulator.workbook.userSetValues(
    'Deals',
    'A2',
    deals.map((row, i) =>
      rowOf({
        id: `D-${String(i + 1).padStart(4, '0')}`,
        deal: row[column('opportunity_id')] ?? '',
        company: row[column('account')] ?? '',
        owner: emailOf(row[column('sales_agent')] ?? ''),
        stage: row[column('deal_stage')] ?? '',
        amount: row[column('close_value')] ?? '',
        closeDate: row[column('close_date')] ?? '',
        created: row[column('engage_date')] ?? '',
      }),
    ),
  );
  started.addon.run('refreshSummary');
  const values = summary(started);

  it('shows the win rate as won ÷ (won + lost) over the window it states', () => {
    const note = String(rowLabelled(values, 'Win rate')[2]);
    const [, from, to] = /\((\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})\)/.exec(note) ?? [];
    expect([from, to]).toEqual(['2017-01-01', '2017-12-31']);
    const closed = deals.filter((row) => {
      const date = row[column('close_date')]!;
      return date >= from! && date <= to!;
    });
    const won = closed.filter((row) => row[column('deal_stage')] === 'Won').length;
    const lost = closed.filter((row) => row[column('deal_stage')] === 'Lost').length;
    expect(won + lost).toBeGreaterThan(6_000);
    expect(valueOf(values, 'Win rate')).toBeCloseTo(won / (won + lost), 12);
    expect(note).toContain(`${won} won, ${lost} lost`);
  });

  it("equals the engine's numbers for every KPI", () => {
    const kpis = values.slice(0, 10).map((row) => row[1]);
    expect(kpis).toEqual(kpiValues(engineNumbers(started)).slice(0, 10));
    const open = deals.filter((row) => ['Prospecting', 'Engaging'].includes(row[column('deal_stage')]!));
    expect(valueOf(values, 'Deals open')).toBe(open.length);
  });

  it('uses the Settings stage table: the funnel lists the four Maven stages', () => {
    const at = values.findIndex((row) => row[0] === 'Funnel by stage');
    expect(values.slice(at + 2, at + 6).map((row) => row[0])).toEqual([
      'Prospecting',
      'Engaging',
      'Won',
      'Lost',
    ]);
    expect(valueOf(values, 'Deals in a stage not in Settings')).toBe(0);
    expect(valueOf(values, 'Owners that are not an email address')).toBe(0);
  });
});
