import { describe, expect, it } from 'vitest';

import { FORECAST_HISTORY_HEADERS } from '../../../src/core/columns';
import { dayFromParts, startOfDay } from '../../../src/core/dates';
import { latestTaken, parseForecastHistory } from '../../../src/core/forecast-history/rows';

const TZ = 'America/Los_Angeles';
const HEADER = [...FORECAST_HISTORY_HEADERS];
const MONDAY = new Date('2026-11-23T16:00:00Z'); // 08:00 in Los Angeles
const DEC = dayFromParts(2026, 12, 1);
const row = (taken: unknown, month: unknown, owner: unknown, weighted: unknown) => [
  taken,
  month,
  owner,
  0,
  0,
  0,
  0,
  weighted,
];

describe('reading Forecast History', () => {
  it('reads each row: Taken, its day in the spreadsheet time zone, the month, the owner and the Weighted Forecast', () => {
    const parsed = parseForecastHistory(
      [
        HEADER,
        row(MONDAY, startOfDay(DEC, TZ), '', 12_500),
        row(MONDAY, startOfDay(DEC, TZ), '  ann@team.example ', 2_000.5),
      ],
      TZ,
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries).toEqual([
      {
        taken: MONDAY.getTime(),
        takenDay: dayFromParts(2026, 11, 23),
        month: DEC,
        owner: '',
        weighted: 12_500,
      },
      {
        taken: MONDAY.getTime(),
        takenDay: dayFromParts(2026, 11, 23),
        month: DEC,
        owner: 'ann@team.example',
        weighted: 2_000.5,
      },
    ]);
  });

  it('takes the day of Taken in the spreadsheet time zone, not UTC', () => {
    const lateSunday = new Date('2026-11-23T06:00:00Z'); // 22:00 on Sunday in Los Angeles
    const [entry] = parseForecastHistory([HEADER, row(lateSunday, startOfDay(DEC, TZ), '', 1)], TZ).entries;
    expect(entry?.takenDay).toBe(dayFromParts(2026, 11, 22));
  });

  it('reads a month typed as text or as any day of it, and Taken typed as text', () => {
    const parsed = parseForecastHistory(
      [
        HEADER,
        row('2026-11-23 08:00', '2026-12', '', 1),
        row(MONDAY, '2026-12-17', '', 2),
        row(MONDAY, startOfDay(DEC + 20, TZ), '', 3),
        row(MONDAY, '2027-1', '', '$4,000'),
        row(MONDAY, ' 2026-12 ', '', 5),
      ],
      TZ,
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => [e.month, e.weighted])).toEqual([
      [DEC, 1],
      [DEC, 2],
      [DEC, 3],
      [dayFromParts(2027, 1, 1), 4000],
      [DEC, 5],
    ]);
    expect(parsed.entries[0]?.taken).toBe(MONDAY.getTime());
  });

  it('leaves out a row it cannot read and names the row and every cell that is wrong', () => {
    const parsed = parseForecastHistory(
      [
        HEADER,
        row(MONDAY, '2026-12', '', 'about 10k'),
        ['', '', ' ', '', '', '', '', ''],
        row('last week', '2026-13', 'bob@team.example', ''),
        ['', '', 'Note: Q4 looked weak'],
        row(MONDAY, '2026-12', '', 5),
        row(MONDAY, '', '', -1),
      ],
      TZ,
    );
    expect(parsed.entries.map((e) => e.weighted)).toEqual([5]);
    expect(parsed.problems).toEqual([
      'Forecast History row 2: Weighted Forecast must be a number ≥ 0, not "about 10k".',
      'Forecast History row 4: Taken must be a date and time such as 2025-03-31 14:05, not "last week"; Month must be a month such as 2026-03, not "2026-13"; Weighted Forecast is blank.',
      'Forecast History row 5: Taken is blank; Month is blank; Weighted Forecast is blank.',
      'Forecast History row 7: Month is blank; Weighted Forecast must be a number ≥ 0, not -1.',
    ]);
  });

  it('refuses a month 0 or 13', () => {
    const parsed = parseForecastHistory(
      [HEADER, row(MONDAY, '2026-00', '', 1), row(MONDAY, '2026-13', '', 1)],
      TZ,
    );
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems).toEqual([
      'Forecast History row 2: Month must be a month such as 2026-03, not "2026-00".',
      'Forecast History row 3: Month must be a month such as 2026-03, not "2026-13".',
    ]);
  });

  it('numbers rows from the first row it was given', () => {
    const parsed = parseForecastHistory([HEADER, row(MONDAY, 'soon', '', 1)], TZ, 40);
    expect(parsed.problems).toEqual([
      'Forecast History row 40: Month must be a month such as 2026-03, not "soon".',
    ]);
  });

  it('finds its columns by header, in any order and case, beside columns of the user’s own', () => {
    const parsed = parseForecastHistory(
      [
        ['My note', ' weighted forecast ', 'OWNER', 'month', 'TAKEN'],
        ['hello', 700, 'cat@team.example', '2026-12', MONDAY],
      ],
      TZ,
    );
    expect(parsed.entries).toEqual([
      expect.objectContaining({ month: DEC, owner: 'cat@team.example', weighted: 700 }),
    ]);
  });

  it('reads nothing, and says which column to put back, when a column it needs is gone', () => {
    const parsed = parseForecastHistory(
      [
        ['Taken', 'Month', 'Who', 'Forecast'],
        [MONDAY, '2026-12', '', 1],
      ],
      TZ,
    );
    expect(parsed).toEqual({
      entries: [],
      problems: [
        'Forecast History has no "Owner", "Weighted Forecast" column in row 1, so no snapshot can be read. Run Deal Pipeline › Set up sheets to add it.',
      ],
    });
  });

  it('reads an empty sheet as no snapshots', () => {
    expect(parseForecastHistory([], TZ)).toEqual({
      entries: [],
      problems: [expect.stringContaining('has no "Taken", "Month", "Owner", "Weighted Forecast" column')],
    });
    expect(parseForecastHistory([HEADER], TZ)).toEqual({ entries: [], problems: [] });
  });
});

describe('the latest Taken', () => {
  it('is the latest readable instant, whatever the order', () => {
    const earlier = new Date('2026-11-16T16:00:00Z');
    expect(latestTaken([earlier, MONDAY, '', 'garbage', '2026-11-20 09:00'], TZ)).toBe(MONDAY.getTime());
    expect(latestTaken([MONDAY, earlier], TZ)).toBe(MONDAY.getTime());
  });

  it('is null when no cell can be read', () => {
    expect(latestTaken([], TZ)).toBeNull();
    expect(latestTaken(['', 'n/a', 42], TZ)).toBeNull();
  });
});
