import { describe, expect, it } from 'vitest';

import { dayFromParts, dayOfDate, startOfDay } from '../../../src/core/dates';
import type { ImportMapping } from '../../../src/core/import/mapping';
import { planImport } from '../../../src/core/import/rows';

const TZ = 'America/New_York';
const day = (y: number, m: number, d: number) => startOfDay(dayFromParts(y, m, d), TZ);

const MAPPING: ImportMapping = {
  columns: {
    Ref: { keep: true },
    Customer: { field: 'company' },
    'Sales stage': { field: 'stage' },
    'Deal size': { field: 'amount' },
    Probability: { field: 'probability' },
    Close: { field: 'closeDate' },
    Country: null,
  },
  stages: { Identified: 'Lead', Won: 'Closed Won', Parked: null },
  sourceId: 'Ref',
};
const HEADER = ['Ref', 'Customer', 'Sales stage', 'Deal size', 'Probability', 'Close', 'Country'];

function plan(rows: unknown[][], mapping = MAPPING, existing: string[] = []) {
  return planImport({
    values: [HEADER, ...rows],
    mapping,
    timeZone: TZ,
    existingKeys: new Set(existing),
  });
}

/** The day a Close cell is imported as (null: none), or why the row was refused. */
function closeDay(cell: unknown) {
  const out = plan([['A-1', 'Acme', 'Won', 1, '', cell, '']]);
  const imported = out.deals[0];
  if (!imported) return out.rejected[0]?.reason;
  const date = imported.cells.closeDate;
  return date instanceof Date ? dayOfDate(date, TZ) : null;
}

describe('reading a day as exports spell it', () => {
  it('takes ISO, dd-Mon-yyyy, d Month yy and US m/d/yyyy, and Date cells', () => {
    expect(closeDay('2017-03-01')).toBe(dayFromParts(2017, 3, 1));
    expect(closeDay('01-Mar-2015')).toBe(dayFromParts(2015, 3, 1));
    expect(closeDay('1 March 15')).toBe(dayFromParts(2015, 3, 1));
    expect(closeDay('3/1/2017')).toBe(dayFromParts(2017, 3, 1));
    expect(closeDay('12/31/2017')).toBe(dayFromParts(2017, 12, 31));
    expect(closeDay(day(2020, 2, 29))).toBe(dayFromParts(2020, 2, 29));
    expect(closeDay('')).toBeNull();
    expect(closeDay(' 01-Mar-2015 ')).toBe(dayFromParts(2015, 3, 1));
  });

  it('refuses what is no day', () => {
    for (const cell of ['31-Feb-2015', '01-Foo-2015', '13/01/2017', 'soon', 42]) {
      expect(closeDay(cell)).toBe(`Close Date (from "Close") cannot be read: ${cell}`);
    }
  });
});

describe('planning an import', () => {
  it('converts each row: text, amounts, percentages either way, dates, the stage mapped, kept columns', () => {
    const out = plan([
      ['A-1', 'Acme', 'Identified', 2910, '65.0%', '07-Apr-2015', 'China'],
      ['A-2', '=HYPERLINK("x")', 'Won', '1,200', 0.5, '2015-04-02', ''],
    ]);
    expect(out.rejected).toEqual([]);
    expect(out.alreadyImported).toBe(0);
    expect(out.deals).toEqual([
      {
        sourceRow: 2,
        cells: {
          company: 'Acme',
          stage: 'Lead',
          amount: 2910,
          probability: 0.65,
          closeDate: day(2015, 4, 7),
        },
        kept: { Ref: 'A-1' },
        key: 'A-1',
      },
      {
        sourceRow: 3,
        cells: {
          company: '=HYPERLINK("x")',
          stage: 'Closed Won',
          amount: 1200,
          probability: 0.5,
          closeDate: day(2015, 4, 2),
        },
        kept: { Ref: 'A-2' },
        key: 'A-2',
      },
    ]);
  });

  it('skips blank rows and lists every row it leaves out, with its row number and reason', () => {
    const out = plan([
      ['', '', '', '', '', '', ''],
      ['B-1', 'Beta', '', 10, '', '', ''],
      ['B-2', 'Beta', 'Parked', 10, '', '', ''],
      ['B-3', 'Beta', 'Mystery', 10, '', '', ''],
      ['B-4', 'Beta', 'Won', 'lots', '', '', ''],
      ['B-5', 'Beta', 'Won', 10, '150%', '', ''],
      ['B-6', 'Beta', 'Won', 10, '', 'someday', ''],
      ['B-7', 'Beta', 'Won', -5, '', '', ''],
    ]);
    expect(out.deals).toEqual([]);
    expect(out.rejected).toEqual([
      { row: 3, reason: 'it has no stage' },
      { row: 4, reason: 'its stage "Parked" is not mapped to a stage' },
      { row: 5, reason: 'its stage "Mystery" is not mapped to a stage' },
      { row: 6, reason: 'Amount (from "Deal size") cannot be read: lots' },
      { row: 7, reason: 'Probability (from "Probability") cannot be read: 150%' },
      { row: 8, reason: 'Close Date (from "Close") cannot be read: someday' },
      { row: 9, reason: 'Amount (from "Deal size") cannot be read: -5' },
    ]);
  });

  it('does not import a deal twice: by its source ID, else by its content', () => {
    const byId = plan(
      [
        ['A-1', 'Acme', 'Won', 1, '', '', ''],
        ['A-1', 'Acme again', 'Won', 1, '', '', ''],
        ['A-2', 'Acme', 'Won', 1, '', '', ''],
      ],
      MAPPING,
      ['A-2'],
    );
    expect(byId.deals.map((d) => d.key)).toEqual(['A-1']);
    expect(byId.alreadyImported).toBe(2);
    const noId = { ...MAPPING, sourceId: null, columns: { ...MAPPING.columns, Ref: null } };
    const rows = [
      ['x', 'Acme', 'Won', 1, '', '2015-01-01', ''],
      ['y', 'Acme', 'Won', 1, '', '2015-01-01', ''],
      ['z', 'Acme', 'Won', 2, '', '2015-01-01', ''],
    ];
    const first = plan(rows, noId);
    expect(first.deals).toHaveLength(2);
    expect(first.deals[0]!.key).toMatch(/^row-[0-9a-z]+$/);
    const again = plan(
      rows,
      noId,
      first.deals.map((d) => d.key),
    );
    expect(again.deals).toEqual([]);
    expect(again.alreadyImported).toBe(3);
  });

  it('keys content by every field, dates by their instant', () => {
    // Without a source ID, Ref holds the Deal name: the same text in another field is other content.
    const byContent: ImportMapping = {
      ...MAPPING,
      sourceId: null,
      columns: { ...MAPPING.columns, Ref: { field: 'deal' } },
    };
    const out = plan(
      [
        ['', 'A', 'Won', 1, '', '', ''],
        ['', 'A', 'Won', 2, '', '', ''],
        ['', 'A', 'Won', 1, '', '2015-01-01', ''],
        ['', 'A', 'Won', 1, '', '2015-01-02', ''],
        ['A', '', 'Won', 1, '', '', ''],
        ['', 'A', 'Won', 1, '', '', ''],
      ],
      byContent,
    );
    expect(out.deals.map((d) => d.sourceRow)).toEqual([2, 3, 4, 5, 6]);
    expect(out.alreadyImported).toBe(1);
  });

  it('reads a source with only a header, or nothing at all', () => {
    expect(
      planImport({ values: [HEADER], mapping: MAPPING, timeZone: TZ, existingKeys: new Set() }).deals,
    ).toEqual([]);
    expect(planImport({ values: [], mapping: MAPPING, timeZone: TZ, existingKeys: new Set() }).deals).toEqual(
      [],
    );
  });
});
