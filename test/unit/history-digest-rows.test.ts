import { describe, expect, it } from 'vitest';

import type { StoredDigest } from '../../src/core/history-digest/digest-rows';
import { digestWrite, readDigestRows } from '../../src/core/history-digest/digest-rows';
import type { DealJourney, Journeys } from '../../src/core/history-digest/journeys';

const T0 = Date.UTC(2025, 0, 6, 9);
const HOUR = 3_600_000;
const NONE = { all: [], added: [] };

const journey = (to: string[], at: number[], rest: Partial<DealJourney> = {}): DealJourney => ({
  from: '',
  via: 'edit',
  to,
  at,
  fieldChanges: [],
  ...rest,
});

/** The digest's rows below the header when written whole. */
const written = (journeys: Journeys, skipped: readonly number[] = []) =>
  digestWrite(null, journeys, new Set(), { all: skipped, added: [] }).rows;

const read = (rows: readonly string[][]): StoredDigest => {
  const stored = readDigestRows(rows);
  expect(stored).not.toBeNull();
  return stored as StoredDigest;
};

describe("the digest's rows", () => {
  it('write a deal as ID|from,via, ;to,time per stage change (after the one before) and ^ per Field row', () => {
    const journeys: Journeys = new Map([
      [
        'D-1',
        journey(['Qualified', 'Proposal'], [T0, T0 + HOUR], {
          from: 'Lead',
          via: 'import',
          fieldChanges: [{ order: 7, at: T0 + 5, field: 'Amount', from: '1,000', to: '2000', via: 'edit' }],
        }),
      ],
    ]);
    const rows = written(journeys);
    expect(rows).toEqual([
      [`D-1|Lead,import;Qualified,${T0};Proposal,3600000^Amount,1%2C000,2000,edit,${T0 + 5},7`],
    ]);
    expect(read(rows).journeys).toEqual(journeys);
  });

  it('escape %, |, ;, ^, + and , in IDs and text, and read them back', () => {
    const odd = 'a%|;,^+b%41';
    const journeys: Journeys = new Map([
      [
        odd,
        journey([odd], [0], {
          from: odd,
          via: '+',
          fieldChanges: [{ order: 2, at: 0, field: odd, from: '', to: '^', via: '' }],
        }),
      ],
    ]);
    const rows = written(journeys);
    const text = 'a%25%7C%3B%2C%5E%2Bb%2541';
    expect(rows).toEqual([[`${text}|${text},%2B;${text},0^${text},,%5E,,0,2`]]);
    expect(read(rows).journeys).toEqual(journeys);
  });

  it('write a time that is not whole milliseconds as it is, after ~', () => {
    const journeys: Journeys = new Map([
      [
        'D-1',
        journey(['Lead', 'Won', 'Lost'], [1.5, 2, 3], {
          fieldChanges: [{ order: 3, at: 0.25, field: 'Amount', from: '', to: '5', via: '' }],
        }),
      ],
    ]);
    const rows = written(journeys);
    expect(rows).toEqual([['D-1|,edit;Lead,~1.5;Won,~2;Lost,1^Amount,,5,,~0.25,3']]);
    expect(read(rows).journeys).toEqual(journeys);
  });

  it('hold a deal with only Field rows', () => {
    const journeys: Journeys = new Map([
      [
        'D-1',
        journey([], [], {
          via: '',
          fieldChanges: [{ order: 9, at: 4, field: 'Amount', from: '1', to: '2', via: 'sidebar' }],
        }),
      ],
    ]);
    const rows = written(journeys);
    expect(rows).toEqual([['D-1|,^Amount,1,2,sidebar,4,9']]);
    expect(read(rows).journeys).toEqual(journeys);
  });

  it('go on in rows starting with + once a journey passes 40,000 characters', () => {
    // "A|" + from + ",;L,0": 40,000 characters fill one row, one more needs a second.
    const fits = written(new Map([['A', journey(['L'], [0], { from: 'x'.repeat(39_993), via: '' })]]));
    expect(fits.map(([cell]) => cell?.length)).toEqual([40_000]);
    const spills = new Map([['A', journey(['L'], [0], { from: 'x'.repeat(39_994), via: '' })]]);
    const rows = written(spills);
    expect(rows.map(([cell]) => cell?.length)).toEqual([40_000, 2]);
    expect(rows[1]).toEqual(['+0']);
    expect(read(rows).journeys).toEqual(spills);
    expect(read(rows).rowsOf).toEqual(new Map([['A', 2]]));
  });

  it('list skipped History rows as runs, 2,000 runs a row', () => {
    expect(written(new Map(), [2, 3, 4, 5, 9, 11, 12])).toEqual([['|2-5,9,11-12']]);
    const full = Array.from({ length: 2_000 }, (_, i) => 2 + 2 * i);
    expect(written(new Map(), full)).toEqual([[`|${full.join(',')}`]]);
    const more = [...full, 5_000];
    const rows = written(new Map(), more);
    expect(rows).toEqual([[`|${full.join(',')}`], ['|5000']]);
    expect(read(rows).skippedRows).toEqual(more);
  });
});

describe('reading the rows back', () => {
  const a = ['A|,edit;Lead,5'];

  it("counts each deal's rows, and the rows a later row of the same deal replaced", () => {
    const stored = read([a, ['+;Won,6'], ['B|,edit;Lead,1'], ['|7-8'], ['A|,import;Lost,2']]);
    expect(stored.rows).toBe(5);
    expect(stored.supersededRows).toBe(2);
    expect(stored.rowsOf).toEqual(
      new Map([
        ['A', 1],
        ['B', 1],
      ]),
    );
    expect(stored.skippedRows).toEqual([7, 8]);
    expect([...stored.journeys]).toEqual([
      ['A', journey(['Lost'], [2], { via: 'import' })],
      ['B', journey(['Lead'], [1])],
    ]);
  });

  it.each([
    ['a + row with no deal above', [['+;Lead,1']]],
    ['a + row after skipped rows', [['|7'], ['+a,b;Lead,1']]],
    ['a + row after skipped rows below a deal', [a, ['|7'], ['+5']]],
    ['a row without an ID', [['Lead,edit;Won,5']]],
    ['a journey with neither stage change nor Field row', [['A|Lead,edit']]],
    ['a start that is not from,via', [['A|Lead;Won,5']]],
    ['a stage change of three parts', [['A|,edit;Won,5,6']]],
    ['a stage change without a time', [['A|,edit;Won,']]],
    ['a stage change with a time that is no number', [['A|,edit;Won,x']]],
    ['an absolute time that is no finite number', [['A|,edit;Won,~1e999']]],
    ['a Field row of seven parts', [['A|,^Amount,1,2,edit,5,3,9']]],
    ['a Field row without a time', [['A|,^Amount,1,2,edit,,3']]],
    ['a Field row with a place that is no number', [['A|,^Amount,1,2,edit,5,x']]],
    ['a Field row with a time that is no number', [['A|,^Amount,1,2,edit,x,3']]],
    ['skipped rows that are no runs', [['|7,x8']]],
    ['skipped rows that are no runs', [['|7,8x']]],
    ['skipped rows that are no runs', [['|7-']]],
    ['an empty row', [[]]],
  ])('refuses %s', (_, rows) => {
    expect(readDigestRows(rows)).toBeNull();
  });
});

describe('writing the digest again', () => {
  const deals = (ids: string) => new Map([...ids].map((id) => [id, journey(['Lead'], [1])]));
  const rowsOf = (journeys: Journeys) => written(journeys);

  it('appends the changed deals while replaced rows stay at most a quarter of those in use', () => {
    const journeys = deals('ABCDEFGH');
    const stored = read(rowsOf(journeys));
    journeys.get('A')?.to.push('Won');
    journeys.get('A')?.at.push(2);
    journeys.get('B')?.to.push('Won');
    journeys.get('B')?.at.push(3);
    // 2 replaced of 8 in use.
    expect(digestWrite(stored, journeys, new Set(['A', 'B']), { all: [9], added: [9] })).toEqual({
      from: 8,
      rows: [['A|,edit;Lead,1;Won,1'], ['B|,edit;Lead,1;Won,2'], ['|9']],
      total: 11,
    });
    // 3 replaced of 8 in use.
    const whole = digestWrite(stored, journeys, new Set(['A', 'B', 'C']), NONE);
    expect(whole).toMatchObject({ from: 0, total: 8 });
  });

  it('counts the rows replaced before, and every row of a long journey it replaces', () => {
    const journeys = deals('ABCDEFGH');
    const rows = rowsOf(journeys);
    const again = ['B|,edit;Lead,1'];
    // B written again, then C: 2 replaced of 8 in use; of 7, more than a quarter.
    expect(digestWrite(read([...rows, again]), journeys, new Set(['C']), NONE)).toMatchObject({
      from: 9,
      total: 10,
    });
    const seven = deals('ABCDEFG');
    expect(digestWrite(read([...rowsOf(seven), again]), seven, new Set(['C']), NONE)).toMatchObject({
      from: 0,
      total: 7,
    });
    // A in two rows: replacing it replaces 2 of 8 in use, and B with it 3.
    const long = read([['A|,edit;Lead,1'], ['+;Won,1'], ...rows.slice(1)]);
    expect(digestWrite(long, journeys, new Set(['A']), NONE)).toMatchObject({ from: 9, total: 10 });
    expect(digestWrite(long, journeys, new Set(['A', 'B']), NONE)).toMatchObject({ from: 0, total: 8 });
  });

  it('writes no row for a changed deal it holds no journey of', () => {
    const journeys = deals('AB');
    const stored = read(rowsOf(journeys));
    expect(digestWrite(stored, journeys, new Set(['Z']), NONE)).toEqual({ from: 2, rows: [], total: 2 });
  });
});
