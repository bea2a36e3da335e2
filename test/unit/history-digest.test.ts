import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { StoredDigest } from '../../src/core/history-digest/digest-rows';
import { digestWrite, readDigestRows } from '../../src/core/history-digest/digest-rows';
import type { Journeys } from '../../src/core/history-digest/journeys';
import { addEntries, journeyHistory } from '../../src/core/history-digest/journeys';
import { digestHash } from '../../src/core/history-digest/state';
import type { FieldChange } from '../../src/core/history-rows';
import { historyFlow, stageLookup } from '../../src/core/numbers';
import type { HistoryEntry } from '../../src/core/types';
import { deal, TABLE } from './numbers/fixtures';

const lookup = stageLookup(TABLE);
const T0 = Date.UTC(2025, 0, 6, 9);
const HOUR = 3_600_000;

const entry = (id: string, hours: number, from: string, to: string, via = 'edit'): HistoryEntry => ({
  timestamp: T0 + hours * HOUR,
  id,
  deal: '',
  from,
  to,
  by: '',
  via,
});

/** History rows as parseHistory gives them: stage changes, and rows with a Field. */
type Row = HistoryEntry | FieldChange;
const isFieldChange = (row: Row): row is FieldChange => 'field' in row;
const parsed = (rows: readonly Row[]) => ({
  entries: rows.filter((row) => !isFieldChange(row)),
  fieldChanges: rows.filter(isFieldChange),
});

/** What a refresh keeps of the digest: its rows below the header, as the sheet holds them. */
interface Sheet {
  rows: string[][];
  hash: string;
}

/**
 * One refresh's digest work: read the rows back, add the rows read from `firstRow` on, write as
 * digestWrite says.
 */
function refresh(sheet: Sheet, rows: readonly Row[], skipped: readonly number[], firstRow = 2): Journeys {
  let stored: StoredDigest | null = null;
  if (sheet.rows.length > 0) {
    expect(digestHash('', sheet.rows)).toBe(sheet.hash);
    stored = readDigestRows(sheet.rows);
    expect(stored).not.toBeNull();
  }
  const journeys: Journeys = stored?.journeys ?? new Map();
  const changed = addEntries(journeys, parsed(rows), firstRow);
  const all = [...(stored?.skippedRows ?? []), ...skipped];
  const write = digestWrite(stored, journeys, changed, { all, added: skipped });
  const kept = sheet.rows.slice(0, write.from);
  sheet.rows = [...kept, ...write.rows];
  sheet.hash = digestHash(write.from === 0 ? '' : sheet.hash, write.rows);
  expect(sheet.rows).toHaveLength(write.total);
  return journeys;
}

function wholeRead(rows: readonly Row[]): Journeys {
  const journeys: Journeys = new Map();
  addEntries(journeys, parsed(rows), 2);
  return journeys;
}

/** Journeys deal by deal, a Field row's place left out (only its order among them counts). */
const byDeal = (journeys: Journeys) =>
  Object.fromEntries(
    [...journeys].map(([id, j]) => [
      id,
      { ...j, fieldChanges: j.fieldChanges.map(({ order: _, ...kept }) => kept) },
    ]),
  );

const NAMES = [
  'Lead',
  'Qualified',
  'Proposal',
  'Negotiation',
  'Closed Won',
  'Closed Lost',
  'lead',
  'Prospect',
  'a;b,c%2B+^',
];

const rowArb = fc.record({
  id: fc.constantFrom('D-1', 'D-2', 'D-3', ' D-4 ', '5', '=x'),
  hours: fc.integer({ min: 0, max: 40 }),
  from: fc.constantFrom('', '', 'Lead', 'Qualified', 'x,y'),
  to: fc.constantFrom(...NAMES),
  via: fc.constantFrom('edit', 'import', 'setup', 'sidebar'),
  field: fc.constantFrom('', '', '', 'Close Date', 'Amount'),
});

describe('the History digest', () => {
  it('holds, refresh after refresh, what a read of all of History gives', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 6 }),
        (raw, cuts) => {
          const rows: Row[] = raw.map((r) => {
            const row = entry(r.id.trim(), r.hours, r.from, r.to, r.via);
            return r.field === '' ? row : { ...row, field: r.field };
          });
          const points = [...new Set([0, ...cuts.filter((c) => c <= rows.length), rows.length])].sort(
            (a, b) => a - b,
          );
          const sheet: Sheet = { rows: [], hash: '' };
          const deals = [deal({ id: 'D-1', stage: 'Closed Won' }), deal({ id: 'D-9', stage: 'Proposal' })];
          for (let i = 1; i < points.length; i++) {
            const from = points[i - 1] as number;
            const upTo = points[i] as number;
            const skipped = upTo % 3 === 0 ? [upTo + 1] : [];
            const journeys = refresh(sheet, rows.slice(from, upTo), skipped, from + 2);
            // Deal by deal the same; the order of the deals is free (the numbers do not depend on it).
            expect(byDeal(journeys)).toEqual(byDeal(wholeRead(rows.slice(0, upTo))));
            const kept = journeyHistory(journeys);
            const whole = parsed(rows.slice(0, upTo));
            expect(historyFlow(kept.entries, lookup, deals)).toEqual(
              historyFlow(whole.entries, lookup, deals),
            );
            expect(kept.fieldChanges).toEqual(whole.fieldChanges);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('puts a row appended out of time order where its time says, and takes how the deal began from it', () => {
    const journeys = wholeRead([
      entry('D-1', 5, '', 'Qualified', 'edit'),
      entry('D-1', 9, 'Qualified', 'Proposal'),
    ]);
    addEntries(
      journeys,
      parsed([entry('D-1', 1, 'Lead', 'Lead', 'import'), entry('D-1', 9, 'x', 'Negotiation')]),
      4,
    );
    expect(journeys.get('D-1')).toEqual({
      from: 'Lead',
      via: 'import',
      to: ['Lead', 'Qualified', 'Proposal', 'Negotiation'],
      at: [T0 + HOUR, T0 + 5 * HOUR, T0 + 9 * HOUR, T0 + 9 * HOUR],
      fieldChanges: [],
    });
  });

  it('spreads a journey longer than a cell holds over several rows, and reads it back whole', () => {
    const long = Array.from({ length: 4_000 }, (_, i) => entry('D-1', i, '', i % 2 ? 'Lead' : 'Qualified'));
    const sheet: Sheet = { rows: [], hash: '' };
    refresh(sheet, long, []);
    expect(sheet.rows.length).toBeGreaterThan(1);
    expect(sheet.rows[0]![0]).toMatch(/^D-1\|/);
    expect(sheet.rows.slice(1).every((row) => row[0]!.startsWith('+') && row[0]!.length <= 40_001)).toBe(
      true,
    );
    expect(readDigestRows(sheet.rows)?.journeys).toEqual(wholeRead(long));
  });

  it('appends only the changed deals, then writes itself whole once replaced rows pass a quarter', () => {
    const sheet: Sheet = { rows: [], hash: '' };
    refresh(
      sheet,
      ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((id) => entry(id, 0, '', 'Lead')),
      [],
    );
    expect(sheet.rows).toHaveLength(8);
    const ids = () => sheet.rows.map((row) => row[0]!.slice(0, row[0]!.indexOf('|')));
    refresh(sheet, [entry('A', 1, 'Lead', 'Qualified')], [], 10);
    expect(ids()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'A']);
    refresh(sheet, [{ ...entry('B', 1, '2025-01-06', '2025-02-01'), field: 'Close Date' }], [], 11);
    expect(sheet.rows).toHaveLength(10);
    // A third replaced row: 3 of 8 in use is more than a quarter.
    refresh(sheet, [entry('C', 1, 'Lead', 'Qualified')], [40, 41, 42, 45], 12);
    expect(ids()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', '']);
    expect(sheet.rows.at(-1)).toEqual(['|40-42,45']);
    expect(readDigestRows(sheet.rows)?.skippedRows).toEqual([40, 41, 42, 45]);
  });

  it('refuses rows it did not write', () => {
    const sheet: Sheet = { rows: [], hash: '' };
    refresh(sheet, [entry('A', 0, '', 'Lead'), entry('A', 1, 'Lead', 'Qualified')], [7]);
    const [journey = [], skipped = []] = sheet.rows;
    expect(journey).toEqual([`A|,edit;Lead,${T0};Qualified,${HOUR}`]);
    expect(readDigestRows([skipped, ['+more']])).toBeNull();
    expect(readDigestRows([['A|Lead']])).toBeNull();
    expect(readDigestRows([['A']])).toBeNull();
    expect(readDigestRows([[`${journey[0]};Lead,`]])).toBeNull();
    expect(readDigestRows([[`${journey[0]}^Close Date,a,b,edit,0`]])).toBeNull();
    expect(readDigestRows([['|seven']])).toBeNull();
    expect(readDigestRows([journey, skipped])).not.toBeNull();
  });
});
