import { describe, expect, it } from 'vitest';

import { dayFromParts, startOfDay } from '../../src/core/dates';
import { columnOf, usedRows } from '../../src/core/functions/arguments';
import { forecastWeighted, stageProbabilities, winRateOf } from '../../src/core/functions/formulas';
import { DEFAULT_STAGE_TABLE } from '../../src/core/stage-table';

const TZ = 'America/Los_Angeles';
const ctx = { table: DEFAULT_STAGE_TABLE, timeZone: TZ };
const date = (y: number, m: number, d: number) => startOfDay(dayFromParts(y, m, d), TZ);

describe('custom function arguments', () => {
  it('reads a column, a row, a single cell, and an omitted argument', () => {
    expect(columnOf('F', 'a', [[1], [2], [3]]).cells).toEqual([1, 2, 3]);
    expect(columnOf('F', 'a', [[1, 2, 3]]).cells).toEqual([1, 2, 3]);
    expect(columnOf('F', 'a', 7).cells).toEqual([7]);
    expect(columnOf('F', 'a', undefined).cells).toEqual([]);
  });

  it('refuses a block wider than one column and taller than one row', () => {
    expect(() =>
      columnOf('F', 'amounts', [
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    ).toThrow('F: amounts must be a single row or column, not 3 rows × 2 columns.');
  });

  it('skips rows that are blank in every argument, and only those', () => {
    const a = columnOf('F', 'a', [[1], [''], [''], ['  '], [5]]);
    const b = columnOf('F', 'b', [['x'], [''], ['y'], [''], ['z']]);
    expect(usedRows('F', [a, b])).toEqual([0, 2, 4]);
  });
});

describe('FORECAST_WEIGHTED arithmetic', () => {
  it('sums amount × probability by stage: Lead 10 %, Negotiation 75 %, won 100 %, lost 0 %', () => {
    const amounts = [[1000], [2000], [3000], [4000]];
    const stages = [['Lead'], ['Negotiation'], ['Closed Won'], ['Closed Lost']];
    expect(forecastWeighted(ctx, amounts, stages)).toBeCloseTo(100 + 1500 + 3000 + 0, 9);
  });

  it('counts a blank amount as 0 but refuses a blank stage on a used row', () => {
    expect(forecastWeighted(ctx, [[''], [1000]], [['Lead'], ['Lead']])).toBeCloseTo(100, 9);
    expect(() => forecastWeighted(ctx, [[500], [1000]], [[''], ['Lead']])).toThrow(
      'FORECAST_WEIGHTED: stages_or_probabilities row 1 is "": give a stage or a probability such as 65%.',
    );
  });

  it('includes both ends of the period and leaves out deals without a close date', () => {
    const amounts = [[100], [200], [400], [800]];
    const chances = [[1], [1], [1], [1]];
    const closes = [[date(2026, 3, 31)], [date(2026, 4, 1)], [date(2026, 6, 30)], ['']];
    expect(forecastWeighted(ctx, amounts, chances, closes, date(2026, 4, 1), date(2026, 6, 30))).toBe(600);
    expect(forecastWeighted(ctx, amounts, chances, closes)).toBe(1500);
    expect(forecastWeighted(ctx, amounts, chances, closes, '2026-04-01')).toBe(600);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() =>
      forecastWeighted(ctx, [[1]], [[1]], [[date(2026, 1, 1)]], '2026-05-01', '2026-04-01'),
    ).toThrow('FORECAST_WEIGHTED: start_date is after end_date.');
  });
});

describe('WIN_RATE and STAGE_PROBABILITY arithmetic', () => {
  it('counts won ÷ (won + lost) and ignores open deals', () => {
    const stages = [
      ['Closed Won'],
      ['Closed Lost'],
      ['Closed Lost'],
      ['Lead'],
      ['Closed Won'],
      ['Closed Won'],
    ];
    expect(winRateOf(ctx, stages)).toBeCloseTo(3 / 5, 12);
  });

  it('a single blank cell is an error, a blank row in a range stays blank', () => {
    expect(() => stageProbabilities(ctx, '')).toThrow('STAGE_PROBABILITY: stage is blank');
    expect(stageProbabilities(ctx, [['Qualified'], ['']])).toEqual([[0.25], ['']]);
  });
});
