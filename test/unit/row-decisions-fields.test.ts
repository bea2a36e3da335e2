/** What an edit or adoption decides about Close Date and Amount (row-decisions.ts with field-changes.ts). */
import { describe, expect, it } from 'vitest';

import { dayFromParts, startOfDay } from '../../src/core/dates';
import { dealFingerprint } from '../../src/core/deal-identity';
import { dealSheetLayout } from '../../src/core/deal-row';
import type { RowsShown } from '../../src/core/row-decisions';
import { decideRows } from '../../src/core/row-decisions';
import { StageRecord } from '../../src/core/stage-record';
import { DEFAULT_STAGE_TABLE } from '../../src/core/stage-table';
import { aRow, DEALS_HEADER } from './deal-helpers';

const TZ = 'America/Los_Angeles';
const TODAY = dayFromParts(2026, 11, 27);
const NOW = new Date('2026-11-27T17:00:00Z');
const JAN_15 = dayFromParts(2027, 1, 15);
const FEB_01 = dayFromParts(2027, 2, 1);
const date = (day: number) => startOfDay(day, TZ);
const LAYOUT = dealSheetLayout(DEALS_HEADER, DEFAULT_STAGE_TABLE);

const acme = { deal: 'Acme deal', company: 'Acme', owner: 'sam@seller.example', email: 'ana@acme.example' };
const globex = { deal: 'Globex deal', company: 'Globex', owner: 'sam@seller.example' };

/** D-0001 in Negotiation and D-0002 won, both closing 2027-01-15 for 5,000 as last seen. */
function record(): StageRecord {
  const r = StageRecord.empty();
  r.record('D-0001', 'Negotiation', dealFingerprint(acme));
  r.record('D-0002', 'Closed Won', dealFingerprint(globex));
  for (const id of ['D-0001', 'D-0002']) r.fields.see({ id, closeDate: JAN_15, amount: 5_000 });
  return r;
}

const row = (cells: Record<string, unknown>) =>
  aRow({ ...acme, id: 'D-0001', stage: 'Negotiation', amount: 5_000, closeDate: date(JAN_15), ...cells });

function decide(rows: unknown[][], overrides: Partial<RowsShown> = {}) {
  return decideRows({
    rows,
    firstRow: 2,
    layout: LAYOUT,
    table: DEFAULT_STAGE_TABLE,
    record: record(),
    lastIssued: 2,
    today: TODAY,
    timeZone: TZ,
    now: NOW,
    via: 'paste',
    edit: { id: false, stage: true, closeDate: true, amount: true },
    ...overrides,
  });
}

describe('Close Date and Amount in an edit of Deals rows', () => {
  it('records a pasted Close Date and Amount of an open deal against the record, and keeps them', () => {
    const out = decide([row({ closeDate: date(FEB_01), amount: 6_000 })]);
    expect(out.history).toEqual([
      { id: 'D-0001', deal: 'Acme deal', field: 'Close Date', from: '2027-01-15', to: '2027-02-01' },
      { id: 'D-0001', deal: 'Acme deal', field: 'Amount', from: 5_000, to: 6_000 },
    ]);
    expect(out.fields).toEqual([{ id: 'D-0001', closeDate: FEB_01, amount: 6_000 }]);
  });

  it('records nothing for rows pasted with the values they had', () => {
    const out = decide([row({}), row({ ...globex, id: 'D-0002', stage: 'Closed Won' })]);
    expect(out.history).toEqual([]);
    expect(out.fields).toEqual([
      { id: 'D-0001', closeDate: JAN_15, amount: 5_000 },
      { id: 'D-0002', closeDate: JAN_15, amount: 5_000 },
    ]);
  });

  it('records nothing for a won deal, and keeps its new Close Date', () => {
    const out = decide([row({ ...globex, id: 'D-0002', stage: 'Closed Won', closeDate: date(FEB_01) })]);
    expect(out.history).toEqual([]);
    expect(out.fields).toContainEqual({ id: 'D-0002', closeDate: FEB_01, amount: 5_000 });
  });

  it('judges the deal open by its stage once a refused move (no Lost Reason) is put back', () => {
    const out = decide([row({ stage: 'Closed Lost', closeDate: date(FEB_01) })]);
    expect(out.refusals).toHaveLength(1);
    expect(out.history).toEqual([expect.objectContaining({ field: 'Close Date', to: '2027-02-01' })]);
  });

  it('uses the old value of a single edited cell, even for a deal the record never saw', () => {
    const out = decide([row({ closeDate: date(FEB_01) })], {
      via: 'edit',
      record: StageRecord.empty(),
      edit: { id: false, stage: false, closeDate: true, oldValue: '46402' },
    });
    expect(out.history).toEqual([expect.objectContaining({ from: '2027-01-15', to: '2027-02-01' })]);
  });

  it('takes a single cell’s old value for the field it covered only', () => {
    const out = decide([row({ amount: 6_000 })], {
      via: 'edit',
      edit: { id: false, stage: false, amount: true, oldValue: '5500' },
    });
    expect(out.history).toEqual([expect.objectContaining({ field: 'Amount', from: 5_500, to: 6_000 })]);
  });

  it('compares no field the edit did not cover, and learns one only when it never saw it', () => {
    const seen = decide([row({ closeDate: date(FEB_01), amount: 6_000 })], {
      edit: { id: false, stage: true },
    });
    expect(seen.history).toEqual([]);
    expect(seen.fields).toEqual([]);
    const unseen = decide([row({ closeDate: date(FEB_01) })], {
      edit: { id: false, stage: true },
      record: StageRecord.empty(),
    });
    expect(unseen.fields).toEqual([{ id: 'D-0001', closeDate: FEB_01, amount: 5_000 }]);
  });

  it('leaves an unreadable Close Date alone: no row, and the record keeps the last date', () => {
    const out = decide([row({ closeDate: 'soon', amount: 6_000 })]);
    expect(out.history.map((entry) => ('field' in entry ? entry.field : ''))).toEqual(['Amount']);
    expect(out.fields).toEqual([{ id: 'D-0001', amount: 6_000 }]);
  });

  it('keeps the Close Date the add-on writes on closing', () => {
    const out = decide([row({ stage: 'Closed Won', closeDate: '' })], {
      via: 'edit',
      edit: { id: false, stage: true, oldValue: 'Negotiation' },
    });
    expect(out.history.filter((entry) => 'field' in entry)).toEqual([]);
    expect(out.fields).toEqual([{ id: 'D-0001', closeDate: TODAY }]);
  });

  it('records nothing for a new row, a copy or a row that lost its ID; it learns their values', () => {
    const out = decide(
      [
        aRow({ deal: 'Fresh', stage: 'Lead', closeDate: date(FEB_01), amount: 100 }),
        row({ closeDate: date(FEB_01) }),
      ],
      { edit: { id: true, stage: true, closeDate: true, amount: true }, outside: new Map([['D-0001', 1]]) },
    );
    expect(out.history.filter((entry) => 'field' in entry)).toEqual([]);
    expect(out.fields).toEqual([
      { id: 'D-0003', closeDate: FEB_01, amount: 100 },
      { id: 'D-0004', closeDate: FEB_01, amount: 5_000 },
    ]);
  });

  it('compares a deal whose ID a paste cleared and the add-on put back', () => {
    const created = new Date('2026-09-01T07:00:00Z');
    const out = decide([row({ id: '', created, closeDate: date(FEB_01) })], {
      edit: { id: true, stage: false, closeDate: true },
      outside: new Map(),
    });
    expect(out.notices[0]).toContain('put back ID D-0001');
    expect(out.history).toEqual([expect.objectContaining({ id: 'D-0001', field: 'Close Date' })]);
  });

  it('records nothing for a single edit of a row whose ID the add-on did not issue: it is new', () => {
    const out = decide([row({ id: 'ACME-7', closeDate: date(FEB_01) })], {
      via: 'edit',
      edit: { id: false, stage: false, closeDate: true, oldValue: '46402' },
    });
    expect(out.history.filter((entry) => 'field' in entry)).toEqual([]);
    expect(out.fields).toEqual([{ id: 'D-0003', closeDate: FEB_01, amount: 5_000 }]);
  });

  it('counts only the row it wrote a Close Date in as changed, not the others of the block', () => {
    const r = record();
    r.record('D-0003', 'Lead', dealFingerprint({ deal: 'Initech deal', company: 'Initech' }));
    r.fields.see({ id: 'D-0003', closeDate: JAN_15, amount: 100 });
    const out = decide(
      [
        row({ stage: 'Closed Won', closeDate: '' }),
        aRow({
          deal: 'Initech deal',
          company: 'Initech',
          id: 'D-0003',
          stage: 'Lead',
          amount: 100,
          closeDate: date(FEB_01),
        }),
      ],
      { record: r, lastIssued: 3, edit: { id: false, stage: true } },
    );
    expect(out.history.filter((entry) => 'field' in entry)).toEqual([]);
    expect(out.fields).toEqual([{ id: 'D-0001', closeDate: TODAY }]);
  });

  it('reads Close Date and Amount in the first column too', () => {
    const header = [
      'Close Date',
      'Amount',
      ...DEALS_HEADER.filter((h) => h !== 'Close Date' && h !== 'Amount'),
    ];
    const cells = { ...acme, id: 'D-0001', stage: 'Negotiation', amount: 6_000, closeDate: date(FEB_01) };
    const out = decide([aRow(cells, header)], { layout: dealSheetLayout(header, DEFAULT_STAGE_TABLE) });
    expect(out.history.map((entry) => ('field' in entry ? entry.field : ''))).toEqual([
      'Close Date',
      'Amount',
    ]);
  });

  it('seeds the record on adoption when a column was read, and never records a change there', () => {
    const adopted = decide([row({ closeDate: date(FEB_01) })], {
      edit: undefined,
      via: 'setup',
      record: StageRecord.empty(),
      lastIssued: 0,
    });
    expect(adopted.fields).toEqual([{ id: 'D-0001', closeDate: FEB_01, amount: 5_000 }]);
    expect(adopted.history.filter((entry) => 'field' in entry)).toEqual([]);
    const known = decide([row({ closeDate: date(FEB_01) })], { edit: undefined, via: 'setup' });
    expect(known.fields).toEqual([]);
    const columns = { ...LAYOUT.columns, closeDate: -1, amount: -1 };
    const notRead = decide([row({})], {
      edit: undefined,
      via: 'setup',
      record: StageRecord.empty(),
      layout: { ...LAYOUT, columns },
    });
    expect(notRead.fields).toEqual([]);
  });
});
