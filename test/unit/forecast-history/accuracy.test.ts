import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { forecastAccuracy } from '../../../src/core/forecast-history/accuracy';
import type { ParsedForecastHistory, SnapshotEntry } from '../../../src/core/forecast-history/rows';
import { day, deal, TABLE } from '../numbers/fixtures';

const ANN = 'ann@team.example';
const BOB = 'bob@team.example';
const TODAY = day('2026-11-27');

/** A snapshot row taken at noon UTC of `taken` (ms only orders rows of the same day). */
function snap(taken: string, month: string, owner: string, weighted: number, hour = 12): SnapshotEntry {
  return {
    taken: Date.parse(`${taken}T${String(hour).padStart(2, '0')}:00:00Z`),
    takenDay: day(taken),
    month: day(`${month}-01`),
    owner,
    weighted,
  };
}
const history = (...entries: SnapshotEntry[]): ParsedForecastHistory => ({ entries, problems: [] });
const won = (owner: string, amount: number, closeDate: string) =>
  deal({ owner, stage: 'Closed Won', amount, closeDate: day(closeDate) });

describe('forecast accuracy', () => {
  it('covers the six calendar months before the current one, oldest first', () => {
    const result = forecastAccuracy(history(), [], TABLE, TODAY);
    expect(result.team.map((row) => row.label)).toEqual([
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    expect(result.team.map((row) => row.owner)).toEqual(['', '', '', '', '', '']);
    expect(result.owners).toEqual([]);
    expect(result.notes).toEqual([]);
  });

  it('works out October by hand: the snapshots nearest 12, 8 and 4 weeks before October 1, against what was won', () => {
    // Oct 1 − 12 weeks = Jul 9, − 8 weeks = Aug 6, − 4 weeks = Sep 3.
    const result = forecastAccuracy(
      history(
        snap('2026-07-06', '2026-10', '', 50_000), // 3 days off Jul 9
        snap('2026-07-13', '2026-10', '', 99_999), // 4 days off: further
        snap('2026-08-03', '2026-10', '', 40_000), // 3 days off Aug 6
        snap('2026-08-31', '2026-10', '', 36_000), // 3 days off Sep 3
        snap('2026-08-31', '2026-11', '', 77_777), // another month
      ),
      [
        won(ANN, 30_000, '2026-10-02'),
        won(BOB, 10_000, '2026-10-31'),
        won(BOB, 5_000, '2026-11-01'), // the current month
        deal({ owner: ANN, stage: 'Closed Lost', amount: 8_000, closeDate: day('2026-10-10') }),
        deal({ owner: ANN, stage: 'Negotiation', amount: 8_000, closeDate: day('2026-10-10') }),
        deal({ owner: ANN, stage: 'Gone', amount: 8_000, closeDate: day('2026-10-10') }),
      ],
      TABLE,
      TODAY,
    );
    const october = result.team[5]!;
    expect(october.actual).toBe(40_000);
    expect(october.leads).toEqual([
      { weeks: 12, forecast: 50_000, accuracy: 0.75 },
      { weeks: 8, forecast: 40_000, accuracy: 1 },
      { weeks: 4, forecast: 36_000, accuracy: 0.9 },
    ]);
  });

  it('takes a snapshot 7 days off, but none 8 days off', () => {
    const result = forecastAccuracy(
      history(snap('2026-09-10', '2026-10', '', 1_000), snap('2026-07-01', '2026-10', '', 2_000)),
      [won(ANN, 1_000, '2026-10-05')],
      TABLE,
      TODAY,
    );
    // Sep 10 is 7 days after Sep 3; Jul 1 is 8 days before Jul 9.
    expect(result.team[5]!.leads.map((lead) => lead.forecast)).toEqual([null, null, 1_000]);
    expect(result.team[5]!.leads.map((lead) => lead.accuracy)).toEqual([null, null, 1]);
  });

  it('prefers the earlier of two snapshots as near, and the latest taken on the same day', () => {
    const result = forecastAccuracy(
      history(
        snap('2026-09-05', '2026-10', '', 3_000), // 2 days after Sep 3
        snap('2026-09-01', '2026-10', '', 2_000, 9), // 2 days before, taken at 09:00
        snap('2026-09-01', '2026-10', '', 2_500, 17), // the same day, at 17:00
        snap('2026-09-01', '2026-10', '', 2_400, 10),
      ),
      [won(ANN, 2_000, '2026-10-05')],
      TABLE,
      TODAY,
    );
    expect(result.team[5]!.leads[2]).toEqual({ weeks: 4, forecast: 2_500, accuracy: 0.75 });
  });

  it('takes the nearer snapshot over an earlier one further away, whatever their order', () => {
    const result = forecastAccuracy(
      history(snap('2026-09-04', '2026-10', '', 1_000), snap('2026-08-29', '2026-10', '', 2_000)),
      [],
      TABLE,
      TODAY,
    );
    expect(result.team[5]!.leads[2]!.forecast).toBe(1_000);
  });

  it('counts what was won from the first day of the first month to the last day of the last', () => {
    const result = forecastAccuracy(
      history(),
      [
        won(ANN, 1, '2026-04-30'),
        won(ANN, 10, '2026-05-01'),
        won(ANN, 100, '2026-10-31'),
        won(ANN, 1_000, '2026-11-01'),
        deal({ owner: ANN, stage: 'Closed Won', amount: 5 }),
      ],
      TABLE,
      TODAY,
    );
    expect(result.team.map((row) => row.actual)).toEqual([10, 0, 0, 0, 0, 100]);
  });

  it('gives no rows to an owner whose wins and snapshot rows all fall outside the six months', () => {
    const result = forecastAccuracy(
      history(snap('2026-10-05', '2026-11', 'cat@team.example', 1), snap('2026-03-02', '2026-04', BOB, 1)),
      [won(ANN, 1_000, '2026-11-02'), won(ANN, 1_000, '2026-04-30'), won(`  ${BOB}  `, 5, '2026-07-01')],
      TABLE,
      TODAY,
    );
    expect([...new Set(result.owners.map((row) => row.owner))]).toEqual([BOB]);
  });

  it('shows the forecast but no accuracy for a month with nothing won', () => {
    const result = forecastAccuracy(history(snap('2026-09-03', '2026-10', '', 5_000)), [], TABLE, TODAY);
    expect(result.team[5]).toMatchObject({ actual: 0, leads: [{}, {}, { forecast: 5_000, accuracy: null }] });
  });

  it('gives each owner their rows from their own snapshot rows and wins, matched however the address is cased', () => {
    const result = forecastAccuracy(
      history(
        snap('2026-09-03', '2026-10', ` ${BOB.toUpperCase()}`, 12_000),
        snap('2026-09-03', '2026-10', 'cat@team.example', 4_000),
        snap('2026-09-03', '2026-10', '', 20_000),
      ),
      [won(BOB, 10_000, '2026-10-31'), won(ANN, 6_000, '2026-06-15'), won('', 9_000, '2026-10-01')],
      TABLE,
      TODAY,
    );
    expect([...new Set(result.owners.map((row) => row.owner))]).toEqual([ANN, BOB, 'cat@team.example']);
    expect(result.owners).toHaveLength(18);
    const bobOctober = result.owners.find((row) => row.owner === BOB && row.label === '2026-10')!;
    expect(bobOctober.actual).toBe(10_000);
    expect(bobOctober.leads[2]).toEqual({ weeks: 4, forecast: 12_000, accuracy: 0.8 });
    const catOctober = result.owners.find(
      (row) => row.owner === 'cat@team.example' && row.label === '2026-10',
    )!;
    expect(catOctober).toMatchObject({ actual: 0, leads: [{}, {}, { forecast: 4_000, accuracy: null }] });
    const annJune = result.owners.find((row) => row.owner === ANN && row.label === '2026-06')!;
    expect(annJune.actual).toBe(6_000);
    // The deal without an Owner counts for the team alone.
    expect(result.team[5]).toMatchObject({ actual: 19_000, leads: [{}, {}, { forecast: 20_000 }] });
    expect(result.team[1]!.actual).toBe(6_000);
  });

  it('ignores snapshot rows for the current month or months before the six', () => {
    const result = forecastAccuracy(
      history(snap('2026-10-05', '2026-11', '', 1), snap('2026-03-02', '2026-04', ANN, 1)),
      [won(ANN, 1_000, '2026-04-10')],
      TABLE,
      TODAY,
    );
    expect(result.owners).toEqual([]);
    expect(result.team.every((row) => row.leads.every((lead) => lead.forecast === null))).toBe(true);
  });

  it('says so when there is no Forecast History sheet, and passes on the rows left out', () => {
    expect(forecastAccuracy(null, [], TABLE, TODAY).notes).toEqual([
      'There is no Forecast History sheet, so no forecast can be compared. Run Deal Pipeline › Set up sheets to create it; a snapshot is then taken each week.',
    ]);
    const damaged = { entries: [], problems: ['Forecast History row 9: Weighted Forecast is blank.'] };
    expect(forecastAccuracy(damaged, [], TABLE, TODAY).notes).toEqual(damaged.problems);
  });
});

describe('the accuracy of one forecast', () => {
  /** October's 4-week accuracy for one team snapshot of `forecast` and a win of `actual`. */
  const accuracy = (forecast: number, actual: number) =>
    forecastAccuracy(
      history(snap('2026-09-03', '2026-10', '', forecast)),
      actual > 0 ? [won(ANN, actual, '2026-10-15')] : [],
      TABLE,
      TODAY,
    ).team[5]!.leads[2]!.accuracy;

  it('is 1 − |forecast − actual| ÷ actual, whichever way the forecast missed', () => {
    expect(accuracy(90, 100)).toBeCloseTo(0.9);
    expect(accuracy(110, 100)).toBeCloseTo(0.9);
    expect(accuracy(300, 100)).toBeCloseTo(-1);
    expect(accuracy(0, 100)).toBe(0);
  });

  it('is none when nothing was won', () => {
    expect(accuracy(100, 0)).toBeNull();
  });

  it('is 1 exactly when the forecast was right, and never above 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (forecast, actual) => {
        const result = accuracy(forecast, actual)!;
        expect(result).toBeLessThanOrEqual(1);
        expect(result === 1).toBe(forecast === actual);
      }),
      { numRuns: 50 },
    );
  });
});
