import { beforeEach, describe, expect, it } from 'vitest';

import type { SummaryNumbers } from '../../src/core/numbers';
import { summaryNumbers } from '../../src/core/numbers';
import type { GridRect, SummaryInput, SummaryLayout } from '../../src/core/summary';
import { isSummaryDate, refreshedText, summaryLayout, UNKNOWN } from '../../src/core/summary';
import type { Deal, HistoryEntry, Options } from '../../src/core/types';
import { day, deal, moves, OPTIONS, TABLE, TODAY } from './numbers/fixtures';
import { CLEAN_QUALITY } from './summary-helpers';

/** The Summary lists at most this many deals per list. */
const LIST_LIMIT = 100;

const NOW = { today: TODAY, timeZone: 'America/New_York' };
const DAY_MS = 86_400_000;

const DEALS: Deal[] = [
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
  deal({ id: 'D-4', stage: 'Closed Lost', amount: 6_000, closeDate: day('2025-02-01') }),
  deal({ id: 'D-5', stage: 'Lead', amount: 1_000, owner: '' }),
];

function numbersOf(
  deals: readonly Deal[] = DEALS,
  history: readonly HistoryEntry[] = [],
  options: Partial<Options> = {},
): SummaryNumbers {
  return summaryNumbers(deals, history, TABLE, { ...OPTIONS, ...options }, NOW);
}

function layoutOf(input: Partial<SummaryInput> = {}): SummaryLayout {
  return summaryLayout({
    numbers: numbersOf(),
    currency: 'USD',
    today: TODAY,
    refreshed: 'Refreshed 2025-05-15 09:00 America/New_York',
    quality: CLEAN_QUALITY,
    accuracy: { team: [], owners: [], notes: [] },
    slippage: { slipped: [], owners: [] },
    ...input,
  });
}

const rowOf = (layout: SummaryLayout, label: string): number => {
  const row = layout.values.findIndex((line) => line[0] === label);
  if (row < 0) throw new Error(`no row "${label}"`);
  return row;
};

const cornerOf = (layout: SummaryLayout, rect: GridRect) => layout.values[rect.row - 1]?.[rect.column - 1];

describe('the Summary grid', () => {
  // Built before each test, not when the file is collected, so that mutation testing sees it.
  let layout: SummaryLayout;
  beforeEach(() => {
    layout = layoutOf();
  });

  it('is three rectangles of the same size, values, formats and weights', () => {
    const width = layout.values[0]?.length ?? 0;
    expect(width).toBeGreaterThan(5);
    for (const grid of [layout.values, layout.formats, layout.weights]) {
      expect(grid).toHaveLength(layout.values.length);
      for (const line of grid) expect(line).toHaveLength(width);
    }
    expect(layout.values.flat().every((value) => value !== undefined && value !== null)).toBe(true);
  });

  it('starts with the KPI labels of SPEC §1 in column A, the refresh time beside them', () => {
    expect(layout.values.slice(0, 10).map((line) => line[0])).toEqual([
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
    ]);
    expect(layout.values[0]?.[3]).toBe('Refreshed 2025-05-15 09:00 America/New_York');
    expect(layout.values[10]?.[0]).toBe('');
  });

  it('adds Target coverage only when a Quarterly Target is set', () => {
    const withTarget = layoutOf({ numbers: numbersOf(DEALS, [], { quarterlyTarget: 40_000 }) });
    expect(withTarget.values[10]?.[0]).toBe('Target coverage');
    expect(withTarget.values[10]?.[1]).toBeCloseTo(30_000 / 32_000, 12);
    expect(withTarget.formats[10]?.[1]).toBe('0.00"×"');
    expect(layout.values.some((line) => line[0] === 'Target coverage')).toBe(false);
  });

  it('formats money in the Currency option, shares as percent, days with one decimal', () => {
    const euro = layoutOf({ currency: 'EUR' });
    expect(euro.formats[0]?.[1]).toBe('[$€]#,##0.00');
    expect(layout.formats[0]?.[1]).toBe('[$$]#,##0.00');
    expect(layout.formats[2]?.[1]).toBe('#,##0');
    expect(layout.formats[4]?.[1]).toBe('0%');
    expect(layout.formats[6]?.[1]).toBe('0.0');
  });

  it('shows an unknown number as "—" in a text cell, the same way everywhere', () => {
    const none = layoutOf({ numbers: numbersOf([deal({ stage: 'Lead', amount: 100 })]) });
    expect(none.values.slice(4, 8).map((line) => line[1])).toEqual([UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN]);
    expect(none.formats.slice(4, 8).map((line) => line[1])).toEqual(['@', '@', '@', '@']);
  });

  it('gives every text cell the text format and makes only titles and headers bold', () => {
    layout.values.forEach((line, r) =>
      line.forEach((value, c) => {
        if (typeof value === 'string') expect(layout.formats[r]?.[c]).toBe('@');
        if (layout.weights[r]?.[c] === 'bold') expect(typeof value).toBe('string');
      }),
    );
    expect(layout.weights[rowOf(layout, 'Forecast by month')]?.[0]).toBe('bold');
    expect(layout.weights[rowOf(layout, 'Month')]?.slice(0, 6)).toEqual(Array(6).fill('bold'));
    expect(layout.weights[0]?.slice(0, 3)).toEqual(['normal', 'normal', 'normal']);
  });

  it('writes the forecast header exactly, the months, No close date and the rows either side', () => {
    const header = rowOf(layout, 'Month');
    expect(layout.values[header]?.slice(0, 6)).toEqual([
      'Month',
      'Closed Won',
      'Commit',
      'Best Case',
      'Pipeline',
      'Weighted Forecast',
    ]);
    const labels = layout.values.slice(header + 1, header + 11).map((line) => line[0]);
    expect(labels).toEqual([
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      'No close date',
      'Before 2025-05',
      'After 2025-10',
      'Total',
    ]);
  });

  it('adds up: every forecast column of Total is the sum of the rows above it', () => {
    const header = rowOf(layout, 'Month');
    const total = rowOf(layout, 'Total');
    for (let column = 1; column <= 5; column++) {
      const sum = layout.values.slice(header + 1, total).reduce((s, line) => s + (line[column] as number), 0);
      expect(layout.values[total]?.[column]).toBeCloseTo(sum, 9);
    }
    expect(layout.values[rowOf(layout, 'No close date')]?.[4]).toBe(1_000);
  });

  it('lists open stages first in the funnel, then won and lost, in table order', () => {
    const header = rowOf(layout, 'Stage');
    expect(layout.values.slice(header + 1, header + 7).map((line) => line[0])).toEqual([
      'Lead',
      'Qualified',
      'Proposal',
      'Negotiation',
      'Closed Won',
      'Closed Lost',
    ]);
    expect(layout.values[header + 5]?.[5]).toBe(UNKNOWN);
  });

  it('points the pipeline chart at Stage, Amount and Weighted of the open stages', () => {
    const [pipeline] = layout.charts;
    expect(pipeline?.title).toBe('Open pipeline by stage');
    expect(pipeline?.ranges.map((r) => cornerOf(layout, r))).toEqual(['Stage', 'Amount']);
    expect(pipeline?.ranges.map((r) => [r.numRows, r.numColumns])).toEqual([
      [5, 1],
      [5, 2],
    ]);
  });

  it('points the forecast chart at Month, Closed Won and Weighted Forecast of the month rows', () => {
    const forecast = layout.charts[1];
    expect(forecast?.title).toBe('Forecast by month');
    expect(forecast?.ranges.map((r) => cornerOf(layout, r))).toEqual([
      'Month',
      'Closed Won',
      'Weighted Forecast',
    ]);
    expect(forecast?.ranges.every((r) => r.numRows === 7)).toBe(true);
  });

  it('places both charts to the right of the grid, one above the other', () => {
    const width = layout.values[0]?.length ?? 0;
    expect(layout.charts.map((chart) => chart.kind)).toEqual(['COLUMN', 'COLUMN', 'LINE']);
    expect(layout.charts.every((chart) => chart.anchor.column > width)).toBe(true);
    expect(layout.charts[1]!.anchor.row).toBeGreaterThan(layout.charts[0]!.anchor.row + 15);
  });

  it('names a deal with no owner "(no owner)" in the owner table', () => {
    expect(layout.values.some((line) => line[0] === '(no owner)')).toBe(true);
  });
});

describe('the funnel bottleneck and the probability check', () => {
  // Five deals through Lead → Qualified, two of them on to Proposal: Qualified converts least.
  const start = Date.UTC(2025, 0, 1);
  const history = [0, 1, 2, 3, 4].flatMap((i) =>
    i < 2
      ? moves(`H-${i}`, start + i * DAY_MS, 'Lead', 'Qualified', 'Proposal')
      : moves(`H-${i}`, start + i * DAY_MS, 'Lead', 'Qualified'),
  );
  // Only the History deals: a deal without History would count as having entered its stage.
  let layout: SummaryLayout;
  beforeEach(() => {
    layout = layoutOf({ numbers: numbersOf([], history) });
  });

  it('states the stage with the lowest conversion and the one with the longest stay', () => {
    const lowest = layout.values[rowOf(layout, 'Bottleneck: lowest conversion')];
    expect(lowest?.slice(1, 3)).toEqual(['Qualified', 0.4]);
    const longest = layout.values[rowOf(layout, 'Bottleneck: longest stay (days)')];
    expect(longest?.slice(1, 3)).toEqual(['Lead', 1]);
  });

  it('says there is not enough History instead of naming a bottleneck', () => {
    const none = layoutOf({ numbers: numbersOf([]) });
    expect(none.values[rowOf(none, 'Bottleneck: lowest conversion')]?.slice(1, 3)).toEqual([
      UNKNOWN,
      'not enough History: needs 5 deals through a stage',
    ]);
  });

  it('marks stages with too few decided deals, and not those with enough', () => {
    const won = Array.from({ length: 20 }, (_, i) => moves(`W-${i}`, start, 'Lead', 'Closed Won')).flat();
    const wonDeals = Array.from({ length: 20 }, (_, i) => deal({ id: `W-${i}`, stage: 'Closed Won' }));
    const checked = layoutOf({ numbers: numbersOf(wonDeals, won) });
    const check = rowOf(checked, 'Probability check');
    const lines = checked.values.slice(check + 2, check + 6);
    expect(lines.map((line) => [line[0], line[5], line[6]])).toEqual([
      ['Lead', 20, ''],
      ['Qualified', 0, 'too few deals (under 20 decided)'],
      ['Proposal', 0, 'too few deals (under 20 decided)'],
      ['Negotiation', 0, 'too few deals (under 20 decided)'],
    ]);
    expect(lines[0]?.slice(1, 4)).toEqual([0.1, 1, 0.9]);
  });
});

describe('the forecast range', () => {
  it('shows P10, P50, P90 for the pipeline and this quarter', () => {
    const numbers = numbersOf();
    const layout = layoutOf({ numbers });
    const header = rowOf(layout, 'Forecast range');
    expect(layout.values[header + 1]?.slice(0, 4)).toEqual([
      'Open pipeline',
      numbers.pipelineRange.p10,
      numbers.pipelineRange.p50,
      numbers.pipelineRange.p90,
    ]);
    expect(layout.values[header + 2]?.[0]).toBe('This quarter (2025-04-01 to 2025-06-30)');
    expect(layout.values.some((line) => typeof line[0] === 'string' && line[0].includes('approximate'))).toBe(
      false,
    );
  });

  it('says when the range is approximate', () => {
    const numbers = numbersOf();
    const approximate = { ...numbers.pipelineRange, approximatedDeals: 8_000, amountError: 120 };
    const layout = layoutOf({ numbers: { ...numbers, pipelineRange: approximate } });
    expect(layout.values.map((line) => line[0])).toContain(
      'Open pipeline: approximate, each P within 120 of the exact amount and 0.00% of its level (8000 deals taken as a normal total).',
    );
  });
});

describe('the stale and overdue lists', () => {
  it('gives ID, deal, owner, stage, the date and the days, most days first', () => {
    const layout = layoutOf();
    const stale = rowOf(layout, 'Stale deals (1)');
    expect(layout.values[stale + 1]).toEqual(expect.arrayContaining(['ID', 'Deal', 'Owner', 'Stage']));
    const line = layout.values[stale + 2];
    expect(line?.slice(0, 4)).toEqual(['D-2', 'Deal D-2', 'ann@example.com', 'Negotiation']);
    expect(line?.[4]).toEqual({ day: TODAY - 30 });
    expect(layout.formats[stale + 2]?.[4]).toBe('yyyy-mm-dd');
    expect(line?.[5]).toBe(30);
    const overdue = rowOf(layout, 'Overdue follow-ups (1)');
    expect(layout.values[overdue + 2]?.slice(0, 6)).toEqual([
      'D-1',
      'Deal D-1',
      'ann@example.com',
      'Proposal',
      { day: TODAY - 2 },
      2,
    ]);
  });

  it(`shows at most ${LIST_LIMIT} deals and says how many more there are`, () => {
    const many = Array.from({ length: LIST_LIMIT + 7 }, (_, i) =>
      deal({ id: `O-${i}`, stage: 'Lead', followUp: TODAY - 1 - i }),
    );
    const layout = layoutOf({ numbers: numbersOf(many) });
    const title = rowOf(
      layout,
      `Overdue follow-ups (${LIST_LIMIT + 7}; the ${LIST_LIMIT} with the most days)`,
    );
    expect(layout.values[title + 2]?.[5]).toBe(LIST_LIMIT + 7);
    expect(layout.values[title + 2 + LIST_LIMIT]?.[0]).toBe('… and 7 more');
    expect(layout.values.filter((line) => isSummaryDate(line[4] ?? '')).length).toBe(LIST_LIMIT);
  });

  it('says None for an empty list', () => {
    const layout = layoutOf({ numbers: numbersOf([]) });
    expect(layout.values[rowOf(layout, 'Stale deals (0)') + 2]?.[0]).toBe('None');
  });
});

describe('the refresh time', () => {
  it('is the minute in the spreadsheet time zone, with the zone named', () => {
    expect(refreshedText(Date.UTC(2026, 10, 27, 17, 5, 59), 'America/Los_Angeles')).toBe(
      'Refreshed 2026-11-27 09:05 America/Los_Angeles',
    );
    expect(refreshedText(Date.UTC(2026, 0, 1, 0, 30), 'Asia/Tokyo')).toBe(
      'Refreshed 2026-01-01 09:30 Asia/Tokyo',
    );
  });
});
