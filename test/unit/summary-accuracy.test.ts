import { describe, expect, it } from 'vitest';

import type { ForecastAccuracy } from '../../src/core/forecast-history/accuracy';
import { forecastAccuracy } from '../../src/core/forecast-history/accuracy';
import { summaryNumbers } from '../../src/core/numbers';
import type { SummaryLayout } from '../../src/core/summary';
import { summaryLayout, UNKNOWN } from '../../src/core/summary';
import { day, deal, OPTIONS, TABLE } from './numbers/fixtures';
import { CLEAN_QUALITY } from './summary-helpers';

const TODAY = day('2026-11-27');
const ANN = 'ann@team.example';

const DEALS = [deal({ owner: ANN, stage: 'Closed Won', amount: 40_000, closeDate: day('2026-10-02') })];

function layoutWith(accuracy: ForecastAccuracy): SummaryLayout {
  return summaryLayout({
    numbers: summaryNumbers(DEALS, [], TABLE, OPTIONS, { today: TODAY, timeZone: 'UTC' }),
    currency: 'USD',
    today: TODAY,
    refreshed: 'Refreshed',
    quality: CLEAN_QUALITY,
    slippage: { slipped: [], owners: [] },
    accuracy,
  });
}

const snapshot = (taken: string, owner: string, weighted: number) => ({
  taken: Date.parse(`${taken}T12:00:00Z`),
  takenDay: day(taken),
  month: day('2026-10-01'),
  owner,
  weighted,
});

/**
 * Built inside each test, not when the file is collected: mutation testing runs a test again
 * with the code changed, and a layout built once beforehand would not see the change.
 */
function built() {
  const accuracy = forecastAccuracy(
    { entries: [snapshot('2026-09-03', '', 50_000), snapshot('2026-08-06', ANN, 30_000)], problems: [] },
    DEALS,
    TABLE,
    TODAY,
  );
  const layout = layoutWith(accuracy);
  const header = layout.values.findIndex((line) => line[0] === 'Month' && line[1] === 'Owner');
  return { accuracy, layout, header };
}

describe('the forecast accuracy section of the Summary', () => {
  it('has a titled table: month and owner, the forecasts 12, 8 and 4 weeks before, actual won, the accuracies', () => {
    const { layout, header } = built();
    expect(layout.values[header - 1]?.[0]).toBe('Forecast accuracy, last 6 closed months');
    expect(layout.values[header]?.slice(0, 9)).toEqual([
      'Month',
      'Owner',
      'Forecast 12 weeks before',
      'Forecast 8 weeks before',
      'Forecast 4 weeks before',
      'Actual won',
      'Accuracy 12 weeks',
      'Accuracy 8 weeks',
      'Accuracy 4 weeks',
    ]);
    expect(layout.weights[header]?.slice(0, 9).every((weight) => weight === 'bold')).toBe(true);
  });

  it('lists the team’s six months, then each owner’s, with — where there is no number', () => {
    const { layout, header } = built();
    const rows = layout.values.slice(header + 1, header + 13);
    expect(rows.map((line) => [line[0], line[1]])).toEqual([
      ...['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'].map((m) => [m, 'Team']),
      ...['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'].map((m) => [m, ANN]),
    ]);
    expect(rows[5]?.slice(2, 9)).toEqual([UNKNOWN, UNKNOWN, 50_000, 40_000, UNKNOWN, UNKNOWN, 0.75]);
    expect(rows[11]?.slice(2, 9)).toEqual([UNKNOWN, 30_000, UNKNOWN, 40_000, UNKNOWN, 0.75, UNKNOWN]);
    expect(rows[0]?.slice(2, 9)).toEqual([UNKNOWN, UNKNOWN, UNKNOWN, 0, UNKNOWN, UNKNOWN, UNKNOWN]);
    expect(layout.formats[header + 6]?.slice(4, 9)).toEqual(['[$$]#,##0.00', '[$$]#,##0.00', '@', '@', '0%']);
  });

  it('explains the numbers below the table', () => {
    const { layout, header } = built();
    expect(layout.values[header + 13]?.[0]).toContain('Accuracy = 1 − |forecast − actual| ÷ actual');
  });

  it('draws the team’s forecast 4 weeks before against actual won, month by month, as a line chart', () => {
    const { layout, header } = built();
    const chart = layout.charts[2]!;
    expect(chart).toMatchObject({ title: 'Team forecast 4 weeks before vs actual won', kind: 'LINE' });
    expect(chart.ranges).toEqual([
      { row: header + 1, column: 1, numRows: 7, numColumns: 1 },
      { row: header + 1, column: 5, numRows: 7, numColumns: 2 },
    ]);
    expect(chart.anchor.row).toBeGreaterThan(layout.charts[1]!.anchor.row + 15);
    expect(chart.anchor.column).toBe(layout.charts[0]!.anchor.column);
  });

  it('names the first five rows of Forecast History left out and counts the rest', () => {
    const { accuracy } = built();
    const problems = Array.from({ length: 8 }, (_, i) => `Forecast History row ${i + 2}: Month is blank.`);
    const damaged = layoutWith({ ...accuracy, notes: problems });
    const texts = damaged.values.map((line) => line[0]);
    expect(
      texts.filter((text) => typeof text === 'string' && text.startsWith('Forecast History row')),
    ).toEqual(problems.slice(0, 5));
    expect(texts).toContain('… and 3 more rows of Forecast History left out.');
    expect(
      layoutWith({ ...accuracy, notes: problems.slice(0, 5) }).values.map((line) => line[0]),
    ).not.toContain(expect.stringContaining('more row'));
  });
});
