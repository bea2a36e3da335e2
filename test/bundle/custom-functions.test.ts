import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { MAVEN_STAGE_ROWS, mavenPipeline, pipelineSnapshot } from '../fixtures/reference-data';
import type { Addon } from './harness';
import { startAddon, typeSheet } from './harness';

const CUSTOM_FUNCTIONS: Record<string, string[]> = {
  FORECAST_WEIGHTED: [
    'amounts',
    'stages_or_probabilities',
    'close_dates',
    'start_date',
    'end_date',
    'stage_table',
  ],
  WIN_RATE: ['stages', 'close_dates', 'start_date', 'end_date', 'stage_table'],
  STAGE_PROBABILITY: ['stage', 'stage_table'],
  SALES_VELOCITY: ['amounts', 'stages', 'created_dates', 'close_dates', 'stage_table'],
  FORECAST_RANGE: ['amounts', 'stages_or_probabilities', 'stage_table'],
};

/** A range's values as Sheets hands them to a custom function. */
function range(started: Addon, sheet: string, a1: string): unknown[][] {
  return started.emulator.spreadsheet.scriptRange(sheet, a1).getValues();
}

function call(started: Addon, name: string, ...args: unknown[]): unknown {
  return started.addon.run(name, ...args);
}

function errorOf(started: Addon, name: string, ...args: unknown[]): string {
  try {
    call(started, name, ...args);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${name} did not throw`);
}

describe('custom function JSDoc in dist/Code.js', () => {
  const code = readFileSync('dist/Code.js', 'utf8');

  it.each(Object.entries(CUSTOM_FUNCTIONS))(
    '%s carries @customfunction and a @param for each argument',
    (name, params) => {
      const match = new RegExp(`/\\*\\*\\n((?: \\*.*\\n)+?) \\*/\\nfunction ${name}\\(`).exec(code);
      expect(match, `no JSDoc block right above function ${name}`).not.toBeNull();
      const doc = match![1]!;
      expect(doc).toContain('@customfunction');
      const documented = [...doc.matchAll(/@param \{[^}]+\} (\S+)/g)].map((m) => m[1]);
      expect(documented).toEqual(params);
      expect(doc).toMatch(/@return \{[^}]+\}/);
      // Sheets does not read [optional] brackets: optional parameters say so in words.
      expect(doc).not.toMatch(/@param \{[^}]+\} \[/);
      expect(doc).toMatch(/@param \{string\[\]\[\]\} stage_table Optional: /);
    },
  );
});

describe('FORECAST_WEIGHTED on pipeline-snapshot-2015.csv', () => {
  const rows = pipelineSnapshot();
  const started = startAddon();
  typeSheet(started.emulator, 'Pipeline', rows);
  const last = rows.length;

  it("equals the sum of the file's own Weighted Forecast column, skipping the 4,841 empty rows", () => {
    const expected = rows.slice(1).reduce((sum, row) => sum + (row[7] ? Number(row[7]) : 0), 0);
    const result = call(
      started,
      'FORECAST_WEIGHTED',
      range(started, 'Pipeline', `F2:F${last}`),
      range(started, 'Pipeline', `G2:G${last}`),
    );
    expect(result).toBeCloseTo(expected, 6);
    expect(expected).toBeGreaterThan(1_000_000);
  });

  it('counts only the deals closing in a period when given close dates and the period', () => {
    const inMay = rows.slice(1).filter((row) => row[9]?.startsWith('2015-05'));
    const expected = inMay.reduce((sum, row) => sum + Number(row[7]), 0);
    const result = call(
      started,
      'FORECAST_WEIGHTED',
      range(started, 'Pipeline', `F2:F${last}`),
      range(started, 'Pipeline', `G2:G${last}`),
      range(started, 'Pipeline', `J2:J${last}`),
      '2015-05-01',
      '2015-05-31',
    );
    expect(inMay.length).toBeGreaterThan(10);
    expect(result).toBeCloseTo(expected, 6);
  });
});

describe('the custom functions on maven-crm-sales-pipeline.csv with its own stage table', () => {
  const rows = mavenPipeline();
  const started = startAddon();
  typeSheet(started.emulator, 'Settings', MAVEN_STAGE_ROWS);
  typeSheet(started.emulator, 'Opportunities', rows);
  const last = rows.length;
  const column = (letter: string) => range(started, 'Opportunities', `${letter}2:${letter}${last}`);
  const body = rows.slice(1);
  const won = body.filter((row) => row[4] === 'Won');
  const lost = body.filter((row) => row[4] === 'Lost');

  it('WIN_RATE equals won ÷ (won + lost) counted from the file', () => {
    expect(won).toHaveLength(4238);
    expect(lost).toHaveLength(2473);
    expect(call(started, 'WIN_RATE', column('E'))).toBeCloseTo(4238 / (4238 + 2473), 12);
  });

  it('WIN_RATE over a quarter counts only the deals closed in it', () => {
    const inQ1 = (row: string[]) => (row[6] ?? '') >= '2017-01-01' && (row[6] ?? '') <= '2017-03-31';
    const w = won.filter(inQ1).length;
    const l = lost.filter(inQ1).length;
    expect(w + l).toBeGreaterThan(100);
    expect(call(started, 'WIN_RATE', column('E'), column('G'), '2017-01-01', '2017-03-31')).toBeCloseTo(
      w / (w + l),
      12,
    );
  });

  it('FORECAST_WEIGHTED by stage counts won deals at 100 % and lost at 0 %', () => {
    const wonValue = won.reduce((sum, row) => sum + Number(row[7]), 0);
    expect(call(started, 'FORECAST_WEIGHTED', column('H'), column('E'))).toBeCloseTo(wonValue, 6);
  });

  it('SALES_VELOCITY equals open deals × average won size × win rate ÷ mean days engaged to close', () => {
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    const open = body.filter((row) => row[4] === 'Prospecting' || row[4] === 'Engaging').length;
    const size = won.reduce((sum, row) => sum + Number(row[7]), 0) / won.length;
    const cycled = won.filter((row) => row[5] && row[6]);
    const cycle = cycled.reduce((sum, row) => sum + day(row[6]!) - day(row[5]!), 0) / cycled.length;
    const expected = (open * size * (4238 / 6711)) / cycle;
    expect(call(started, 'SALES_VELOCITY', column('H'), column('E'), column('F'), column('G'))).toBeCloseTo(
      expected,
      6,
    );
  });

  it('reads Settings once and writes nothing', () => {
    const amounts = column('H');
    const stages = column('E');
    started.emulator.calls.reset();
    call(started, 'FORECAST_WEIGHTED', amounts, stages);
    const calls = started.emulator.calls.snapshot();
    expect(calls['Range.getValues']).toBe(1);
    // The kept stage table is read only when the Settings table is broken.
    expect(Object.keys(calls).filter((key) => key.startsWith('Properties'))).toEqual([]);
    const writes = Object.keys(calls).filter((key) =>
      /\.(set|insert|delete|clear|append|protect|sort)/.test(key),
    );
    expect(writes).toEqual([]);
  });
});

describe('STAGE_PROBABILITY and FORECAST_RANGE', () => {
  it('gives a stage its Settings probability, and a column for a range', () => {
    const started = startAddon();
    started.addon.run('setUpSheets');
    expect(call(started, 'STAGE_PROBABILITY', 'Proposal')).toBe(0.5);
    expect(call(started, 'STAGE_PROBABILITY', '  closed won ')).toBe(1);
    expect(call(started, 'STAGE_PROBABILITY', [['Lead'], [''], ['Negotiation']])).toEqual([
      [0.1],
      [''],
      [0.75],
    ]);
  });

  it('follows an edited Settings probability', () => {
    const started = startAddon();
    started.addon.run('setUpSheets');
    started.emulator.workbook.userSetValues('Settings', 'B4', [[0.4]]);
    expect(call(started, 'STAGE_PROBABILITY', 'Proposal')).toBe(0.4);
  });

  it('uses the default stage table when there is no Settings sheet', () => {
    const started = startAddon();
    expect(call(started, 'STAGE_PROBABILITY', 'Negotiation')).toBe(0.75);
  });

  it('FORECAST_RANGE returns P10 ≤ P50 ≤ P90 as one row, the same each time', () => {
    const started = startAddon();
    const amounts = Array.from({ length: 200 }, (_, i) => [1000 + (i % 17) * 250]);
    const chances = Array.from({ length: 200 }, (_, i) => [
      ['Lead', 'Qualified', 'Proposal', 'Negotiation'][i % 4],
    ]);
    const result = call(started, 'FORECAST_RANGE', amounts, chances) as number[][];
    expect(result).toHaveLength(1);
    const [p10, p50, p90] = result[0]!;
    expect(p10).toBeLessThanOrEqual(p50!);
    expect(p50).toBeLessThanOrEqual(p90!);
    const weighted = call(started, 'FORECAST_WEIGHTED', amounts, chances) as number;
    expect(p10).toBeLessThan(weighted);
    expect(p90).toBeGreaterThan(weighted);
    expect(call(started, 'FORECAST_RANGE', amounts, chances)).toEqual(result);
  });
});

describe('custom functions refuse bad input with a message naming the argument and the row', () => {
  const started = startAddon();

  it('a non-number amount', () => {
    expect(
      errorOf(started, 'FORECAST_WEIGHTED', [[100], ['lots'], [300]], [['Lead'], ['Lead'], ['Lead']]),
    ).toBe('FORECAST_WEIGHTED: amounts row 2 is "lots": it must be a number ≥ 0.');
  });

  it('an unknown stage, listing the stages there are', () => {
    expect(errorOf(started, 'FORECAST_WEIGHTED', [[100], [200]], [['Lead'], ['Demo']])).toBe(
      'FORECAST_WEIGHTED: stages_or_probabilities row 2 is "Demo": it is neither a stage (Lead, Qualified, Proposal, Negotiation, Closed Won, Closed Lost) nor a probability from 0% to 100%.',
    );
    expect(errorOf(started, 'WIN_RATE', [['Closed Won'], ['Won']])).toContain(
      'WIN_RATE: stages row 2 is "Won": it is not a stage in Settings',
    );
  });

  it('ranges of different lengths', () => {
    expect(errorOf(started, 'FORECAST_WEIGHTED', [[100], [200], [300]], [['Lead'], ['Lead']])).toBe(
      'FORECAST_WEIGHTED: stages_or_probabilities has 2 cells but amounts has 3; give ranges of the same size.',
    );
  });

  it('a bad date, and a period without close dates', () => {
    expect(
      errorOf(
        started,
        'FORECAST_WEIGHTED',
        [[100], [200]],
        [[0.5], [0.5]],
        [['2026-01-05'], ['soon']],
        '2026-01-01',
        '2026-12-31',
      ),
    ).toBe('FORECAST_WEIGHTED: close_dates row 2 is "soon": it must be a date such as 2026-03-31.');
    expect(errorOf(started, 'WIN_RATE', [['Closed Won']], undefined, '2026-01-01')).toBe(
      'WIN_RATE: give close_dates to count only the deals closing between start_date and end_date.',
    );
  });

  it('a range two columns wide', () => {
    expect(
      errorOf(started, 'STAGE_PROBABILITY', [
        ['Lead', 'Qualified'],
        ['Lead', 'Proposal'],
      ]),
    ).toBe('STAGE_PROBABILITY: stage must be a single row or column, not 2 rows × 2 columns.');
  });

  it('throws an Error of the script realm, which Sheets shows as #ERROR! with the message', () => {
    try {
      call(started, 'WIN_RATE', [['Lead'], ['Proposal']]);
      expect.unreachable();
    } catch (error) {
      expect(Object.prototype.toString.call(error)).toBe('[object Error]');
      expect((error as Error).message).toBe(
        'WIN_RATE: no won or lost deals among the rows given, so no win rate yet.',
      );
    }
  });

  it('accepts a row instead of a column, single cells, and probabilities written three ways', () => {
    expect(call(started, 'FORECAST_WEIGHTED', [[100, 200, 300]], [[0.5, '25%', "'10%"]])).toBeCloseTo(
      50 + 50 + 30,
      9,
    );
    expect(call(started, 'FORECAST_WEIGHTED', 1000, 'Negotiation')).toBe(750);
  });
});
