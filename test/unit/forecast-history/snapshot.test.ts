import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { FORECAST_HISTORY_HEADERS } from '../../../src/core/columns';
import { startOfDay } from '../../../src/core/dates';
import { snapshotBlock, snapshotLines } from '../../../src/core/forecast-history/snapshot';
import { monthlyForecast, priceDeals, stageLookup } from '../../../src/core/numbers';
import type { Deal } from '../../../src/core/types';
import { day, deal, TABLE, TODAY } from '../numbers/fixtures';

const ANN = 'ann@team.example';
const BOB = 'bob@team.example';
const TZ = 'America/Los_Angeles';

// TODAY is 2025-05-15: the snapshot covers May, June and July.
const DEALS = [
  deal({ owner: BOB, stage: 'Closed Won', amount: 4000, closeDate: day('2025-05-01') }),
  deal({ owner: `  ${ANN}  `, stage: 'Negotiation', amount: 1000, closeDate: day('2025-05-30') }),
  deal({ owner: ANN.toUpperCase(), stage: 'Proposal', amount: 2000, closeDate: day('2025-07-31') }),
  deal({ owner: '', stage: 'Lead', amount: 3000, closeDate: day('2025-06-10') }),
  deal({ owner: 'cat@team.example', stage: 'Closed Lost', amount: 9000, closeDate: day('2025-06-10') }),
  deal({ owner: 'dan@team.example', stage: 'Lead', amount: 500, closeDate: day('2025-08-01') }),
  deal({ owner: 'eve@team.example', stage: 'Lead', amount: 700 }),
  deal({ owner: 'fay@team.example', stage: 'Closed Won', amount: 800, closeDate: day('2025-04-30') }),
  deal({ owner: 'gus@team.example', stage: 'No Such Stage', amount: 100_000, closeDate: day('2025-05-20') }),
];

describe('the snapshot of the forecast', () => {
  const linesOf = () => snapshotLines(DEALS, TABLE, TODAY, 3);

  it('has, for each month, the team row and then one row per owner with a deal in those months', () => {
    expect(linesOf().map((line) => [line.month, line.owner])).toEqual([
      [day('2025-05-01'), ''],
      [day('2025-05-01'), ANN],
      [day('2025-05-01'), BOB],
      [day('2025-06-01'), ''],
      [day('2025-06-01'), ANN],
      [day('2025-06-01'), BOB],
      [day('2025-07-01'), ''],
      [day('2025-07-01'), ANN],
      [day('2025-07-01'), BOB],
    ]);
  });

  it('has exactly the numbers of the Summary’s monthly forecast table for the team', () => {
    const table = monthlyForecast(priceDeals(DEALS, stageLookup(TABLE)).priced, TODAY, 3).months;
    expect(
      linesOf()
        .filter((line) => line.owner === '')
        .map((line) => line.cells),
    ).toEqual(table);
  });

  it('gives each owner their own deals’ forecast, grouping an address however it is cased or spaced', () => {
    const lines = linesOf();
    const ann = lines.filter((line) => line.owner === ANN).map((line) => line.cells);
    expect(ann.map((cells) => [cells.closedWon, cells.commit, cells.bestCase, cells.weighted])).toEqual([
      [0, 1000, 0, 750],
      [0, 0, 0, 0],
      [0, 0, 2000, 1000],
    ]);
    const bob = lines.filter((line) => line.owner === BOB).map((line) => line.cells.closedWon);
    expect(bob).toEqual([4000, 0, 0]);
  });

  it('leaves out owners whose deals are lost, undated or outside the months, and deals of no known stage', () => {
    const lines = linesOf();
    expect(new Set(lines.map((line) => line.owner))).toEqual(new Set(['', ANN, BOB]));
    expect(lines[0]?.cells.weighted).toBe(4000 + 750);
  });

  it('lists owners in alphabetical order of their address, whatever order Deals has them in', () => {
    const owners = snapshotLines(
      ['zed@x.example', 'amy@x.example', 'Kim@x.example'].map((owner) =>
        deal({ owner, stage: 'Lead', amount: 1, closeDate: TODAY }),
      ),
      TABLE,
      TODAY,
      1,
    ).map((line) => line.owner);
    expect(owners).toEqual(['', 'amy@x.example', 'Kim@x.example', 'zed@x.example']);
  });

  it('adds up: the owners’ rows and the deals without an Owner make the team row, month by month', () => {
    const owners = ['ann@x.example', 'bob@x.example', 'BOB@x.example', '', ' cat@x.example'];
    const stages = TABLE.stages.map((stage) => stage.name);
    const deals = fc.array(
      fc.record({
        owner: fc.constantFrom(...owners),
        stage: fc.constantFrom(...stages),
        amount: fc.integer({ min: 0, max: 100_000 }),
        closeDate: fc.option(fc.integer({ min: TODAY - 60, max: TODAY + 200 }), { nil: null }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(deals, fc.integer({ min: 1, max: 8 }), (fields, months) => {
        const all: Deal[] = fields.map((f) => deal(f));
        const lines = snapshotLines(all, TABLE, TODAY, months);
        const unowned = snapshotLines(
          all.filter((d) => d.owner.trim() === ''),
          TABLE,
          TODAY,
          months,
        ).filter((line) => line.owner === '');
        const team = lines.filter((line) => line.owner === '');
        expect(team).toHaveLength(months);
        team.forEach((row, i) => {
          const parts = lines.filter((line) => line.month === row.month && line.owner !== '');
          const sum = parts.reduce((total, line) => total + line.cells.weighted, unowned[i]!.cells.weighted);
          expect(sum).toBeCloseTo(row.cells.weighted, 6);
        });
      }),
    );
  });
});

describe('the snapshot as Forecast History rows', () => {
  const lines = () => snapshotLines(DEALS, TABLE, TODAY, 1);
  const taken = new Date('2025-05-15T15:00:00Z');

  it('writes every column in header order, with one Taken, Month at midnight in the spreadsheet time zone', () => {
    const block = snapshotBlock([...FORECAST_HISTORY_HEADERS], lines(), taken, TZ, 'USD');
    expect(block.columns).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(block.rows).toEqual([
      [taken, startOfDay(day('2025-05-01'), TZ), '', 4000, 1000, 0, 0, 4750],
      [taken, startOfDay(day('2025-05-01'), TZ), ANN, 0, 1000, 0, 0, 750],
      [taken, startOfDay(day('2025-05-01'), TZ), BOB, 4000, 0, 0, 0, 4000],
    ]);
    const formats = ['yyyy-mm-dd hh:mm', 'yyyy-mm', '@', ...Array<string>(5).fill('[$$]#,##0.00')];
    expect(block.formats).toEqual([formats, formats, formats]);
  });

  it('follows the sheet’s own column order and leaves a column of the user’s own out', () => {
    const header = [
      'Owner',
      'Taken',
      'My notes',
      'Weighted Forecast',
      'month',
      'Closed Won',
      'Commit',
      'Best Case',
      'Pipeline',
    ];
    const block = snapshotBlock(header, lines().slice(1, 2), taken, TZ, 'EUR');
    expect(block.columns).toEqual([0, 1, 3, 4, 5, 6, 7, 8]);
    expect(block.rows).toEqual([[ANN, taken, 750, startOfDay(day('2025-05-01'), TZ), 0, 1000, 0, 0]]);
    expect(block.formats[0]).toEqual([
      '@',
      'yyyy-mm-dd hh:mm',
      '[$€]#,##0.00',
      'yyyy-mm',
      '[$€]#,##0.00',
      '[$€]#,##0.00',
      '[$€]#,##0.00',
      '[$€]#,##0.00',
    ]);
  });
});
