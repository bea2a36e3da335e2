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
const MIDNIGHT = startOfDay(TODAY, TZ);
const EARLIER = new Date('2026-10-01T16:00:00Z');
const LAYOUT = dealSheetLayout(DEALS_HEADER, DEFAULT_STAGE_TABLE);

const full = {
  deal: 'Acme deal',
  company: 'Acme',
  owner: 'sam@seller.example',
  email: 'ana@acme.example',
  amount: 5000,
  closeDate: new Date('2026-12-15T08:00:00Z'),
  created: new Date('2026-09-01T07:00:00Z'),
  stageSince: EARLIER,
};

function record(): StageRecord {
  const r = StageRecord.empty();
  r.record('D-0001', 'Negotiation', dealFingerprint({ deal: 'Acme deal', company: 'Acme' }));
  r.record('D-0002', 'Closed Won', dealFingerprint({ deal: 'Globex deal', company: 'Globex' }));
  return r;
}

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
    via: 'edit',
    edit: { id: false, stage: true },
    ...overrides,
  });
}

describe('deciding what an edit does to its rows', () => {
  it('accepts an allowed move: Stage Since, the record and a History row', () => {
    const out = decide([aRow({ ...full, id: 'D-0001', stage: 'Closed Won' })]);
    expect(out.writes).toEqual([{ row: 2, field: 'stageSince', value: NOW }]);
    expect(out.recorded).toEqual([
      {
        id: 'D-0001',
        stage: 'Closed Won',
        fingerprint: dealFingerprint({ deal: 'Acme deal', company: 'Acme' }),
      },
    ]);
    expect(out.history).toEqual([{ id: 'D-0001', deal: 'Acme deal', from: 'Negotiation', to: 'Closed Won' }]);
    expect(out.refusals).toEqual([]);
    expect(out.notices).toEqual([]);
    expect(out.idsIssued).toBe(0);
    expect(out.lastIssued).toBe(2);
    expect(out.deals[0]).toMatchObject({ id: 'D-0001', stage: 'Closed Won', stageSince: NOW.getTime() });
  });

  it('fills a blank Close Date with today on closing', () => {
    const out = decide([aRow({ ...full, id: 'D-0001', stage: 'Closed Won', closeDate: '' })]);
    expect(out.writes).toEqual([
      { row: 2, field: 'stageSince', value: NOW },
      { row: 2, field: 'closeDate', value: MIDNIGHT },
    ]);
    expect(out.deals[0]?.closeDate).toBe(TODAY);
  });

  it('puts back a refused move and says why; the record keeps the old stage', () => {
    const out = decide([aRow({ ...full, id: 'D-0001', stage: 'Lead' })]);
    expect(out.writes).toEqual([{ row: 2, field: 'stage', value: 'Negotiation' }]);
    expect(out.refusals).toHaveLength(1);
    expect(out.refusals[0]).toContain('Negotiation → Lead is not allowed');
    expect(out.recorded).toEqual([{ id: 'D-0001', fingerprint: expect.any(Number) }]);
    expect(out.history).toEqual([]);
    expect(out.deals[0]?.stage).toBe('Negotiation');
  });

  it('leaves an unchanged stage alone but refreshes the fingerprint', () => {
    const out = decide([aRow({ ...full, id: 'D-0001', deal: 'Acme renamed', stage: 'negotiation' })]);
    expect(out.writes).toEqual([]);
    expect(out.recorded).toEqual([
      { id: 'D-0001', fingerprint: dealFingerprint({ deal: 'Acme renamed', company: 'Acme' }) },
    ]);
  });

  it('does not judge a deal whose Stage the edit did not cover', () => {
    const out = decide([aRow({ ...full, id: 'D-0001', stage: 'Lead' })], {
      edit: { id: false, stage: false },
    });
    expect(out.writes).toEqual([]);
    expect(out.refusals).toEqual([]);
    expect(out.recorded).toEqual([{ id: 'D-0001', fingerprint: expect.any(Number) }]);
  });

  it('gives a typed row its ID and Created, and lets it start in an open stage', () => {
    const out = decide([aRow({ deal: 'Fresh', stage: 'Lead' })], { edit: { id: false, stage: false } });
    expect(out.writes).toEqual([
      { row: 2, field: 'id', value: 'D-0003' },
      { row: 2, field: 'created', value: MIDNIGHT },
      { row: 2, field: 'stageSince', value: NOW },
    ]);
    expect(out.idsIssued).toBe(1);
    expect(out.lastIssued).toBe(3);
    expect(out.notices).toEqual([]);
    expect(out.history).toEqual([{ id: 'D-0003', deal: 'Fresh', from: '', to: 'Lead' }]);
    expect(out.deals[0]).toMatchObject({ id: 'D-0003', created: TODAY });
  });

  it('refuses a new deal that starts won, putting its Stage back to blank', () => {
    const out = decide([aRow({ deal: 'Fresh', stage: 'Closed Won' })]);
    expect(out.writes).toContainEqual({ row: 2, field: 'stage', value: '' });
    expect(out.refusals[0]).toContain('a new deal cannot start in Closed Won');
  });

  it('keeps the stage of a deal that lost its ID when the edit left Stage alone', () => {
    const out = decide([aRow({ ...full, deal: 'Zed', company: 'Zed', stage: 'Closed Won' })], {
      edit: { id: true, stage: false },
      outside: new Map(),
    });
    expect(out.writes).toEqual([{ row: 2, field: 'id', value: 'D-0003' }]);
    expect(out.history).toEqual([{ id: 'D-0003', deal: 'Zed', from: '', to: 'Closed Won' }]);
    expect(out.recorded).toEqual([{ id: 'D-0003', stage: 'Closed Won', fingerprint: expect.any(Number) }]);
    expect(out.refusals).toEqual([]);
    expect(out.idsIssued).toBe(1);
    expect(out.notices).toEqual([
      'Row 2 had lost its ID and Deal Pipeline cannot tell which deal it was: it is now D-0003 (Undo brings the old ID back).',
    ]);
  });

  it('stamps Stage Since on a lost deal only when it has none, and records no stage that is not one', () => {
    const noSince = decide(
      [aRow({ ...full, deal: 'Zed', company: 'Zed', stage: 'Closed Won', stageSince: '' })],
      {
        edit: { id: true, stage: false },
      },
    );
    expect(noSince.writes).toContainEqual({ row: 2, field: 'stageSince', value: NOW });
    expect(noSince.deals[0]?.stageSince).toBe(NOW.getTime());
    const noCreated = decide(
      [aRow({ ...full, deal: 'Zed', company: 'Zed', stage: 'Closed Won', created: '' })],
      {
        edit: { id: true, stage: false },
      },
    );
    expect(noCreated.writes).toContainEqual({ row: 2, field: 'created', value: MIDNIGHT });
    const bogus = decide([aRow({ ...full, deal: 'Zed', company: 'Zed', stage: 'Nowhere' })], {
      edit: { id: true, stage: false },
    });
    expect(bogus.history).toEqual([]);
    expect(bogus.recorded).toEqual([{ id: 'D-0003', fingerprint: expect.any(Number) }]);
  });

  it('judges a lost deal as new when the edit also set its Stage', () => {
    const out = decide([aRow({ ...full, deal: 'Zed', company: 'Zed', stage: 'Closed Won' })], {
      edit: { id: true, stage: true },
    });
    expect(out.refusals[0]).toContain('a new deal cannot start in Closed Won');
  });

  it('makes a copy a new deal with its own ID, Created today, judged as new', () => {
    const out = decide(
      [aRow({ ...full, id: 'D-0002', deal: 'Globex deal', company: 'Globex', stage: 'Closed Won' })],
      {
        edit: { id: true, stage: true },
        outside: new Map([['D-0002', 1]]),
        via: 'paste',
      },
    );
    expect(out.writes).toEqual([
      { row: 2, field: 'id', value: 'D-0003' },
      { row: 2, field: 'created', value: MIDNIGHT },
      { row: 2, field: 'stage', value: '' },
    ]);
    expect(out.notices).toEqual(['Row 2 is a copy of D-0002: it is a new deal, D-0003.']);
    expect(out.history).toEqual([]);
  });

  it('puts back a cleared ID and judges the row as that deal', () => {
    const out = decide([aRow({ ...full, id: '', stage: 'Closed Won' })], {
      edit: { id: true, stage: false, oldValue: 'D-0001' },
    });
    expect(out.writes).toEqual([{ row: 2, field: 'id', value: 'D-0001' }]);
    expect(out.notices).toEqual(['Row 2: put back ID D-0001; IDs are kept by Deal Pipeline.']);
    expect(out.history).toEqual([]);
    const overwritten = decide([aRow({ ...full, id: 'X-9', stage: 'Negotiation' })], {
      edit: { id: true, stage: false, oldValue: 'D-0001' },
    });
    expect(overwritten.notices).toEqual([
      'Row 2: put back ID D-0001 in place of "X-9"; IDs are kept by Deal Pipeline.',
    ]);
  });

  it('names typed text that is not an ID it issued', () => {
    const out = decide([aRow({ id: 'D-999999999', deal: 'Typed', stage: '' })], {
      edit: { id: true, stage: false },
    });
    expect(out.notices).toEqual([
      'Row 2: "D-999999999" is not an ID Deal Pipeline issued; the deal is now D-0003.',
    ]);
    expect(out.lastIssued).toBe(3);
  });

  it('uses the old value of a single Stage cell for a deal the record has never seen', () => {
    const out = decide([aRow({ ...full, id: 'D-0002', stage: 'Lead' })], {
      record: StageRecord.empty(),
      edit: { id: false, stage: true, oldValue: 'Closed Won' },
    });
    expect(out.writes).toEqual([{ row: 2, field: 'stage', value: 'Closed Won' }]);
    const blankOld = decide([aRow({ ...full, id: 'D-0002', stage: 'Lead' })], {
      record: StageRecord.empty(),
      edit: { id: false, stage: true, oldValue: ' ' },
    });
    expect(blankOld.history).toEqual([{ id: 'D-0002', deal: 'Acme deal', from: '', to: 'Lead' }]);
  });

  it('skips blank rows, passes rows that are not deals through, and collects cell problems', () => {
    const out = decide([
      aRow({}),
      aRow({ notes: 'just a note' }),
      aRow({ ...full, id: 'D-0001', stage: 'Negotiation', amount: 'lots' }),
    ]);
    expect(out.deals.map((d) => d.row)).toEqual([3, 4]);
    expect(out.deals[0]?.id).toBe('');
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatchObject({ row: 4, field: 'amount' });
    expect(out.writes).toEqual([]);
  });
});

describe('deciding what adoption does to the whole sheet', () => {
  it('records the current stage of a deal it has never seen, with a setup History row', () => {
    const out = decide(
      [
        aRow({ ...full, id: 'D-0001', stage: 'Negotiation' }),
        aRow({ ...full, deal: 'New', company: 'N', stage: 'Proposal', stageSince: '' }),
      ],
      { edit: undefined, via: 'setup', record: StageRecord.empty(), lastIssued: 0 },
    );
    expect(out.writes).toEqual([
      { row: 3, field: 'id', value: 'D-0002' },
      { row: 3, field: 'stageSince', value: NOW },
    ]);
    expect(out.history).toEqual([
      { id: 'D-0001', deal: 'Acme deal', from: '', to: 'Negotiation' },
      { id: 'D-0002', deal: 'New', from: '', to: 'Proposal' },
    ]);
    expect(out.lastIssued).toBe(2);
    expect(out.idsIssued).toBe(1);
  });

  it('only refreshes fingerprints of deals it knows, and names deals that are gone', () => {
    const out = decide([aRow({ ...full, id: 'D-0001', stage: 'Lead' })], { edit: undefined, via: 'setup' });
    expect(out.writes).toEqual([]);
    expect(out.history).toEqual([]);
    expect(out.refusals).toEqual([]);
    expect(out.recorded).toEqual([{ id: 'D-0001', fingerprint: expect.any(Number) }]);
    expect(out.gone).toEqual(['D-0002']);
  });
});
