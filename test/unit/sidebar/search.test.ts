import { describe, expect, it } from 'vitest';

import { dayFromParts } from '../../../src/core/dates';
import { dealSheetLayout } from '../../../src/core/deal-row';
import { indexesOfId, readDealId, readQuery, searchDeals } from '../../../src/core/sidebar/search';
import { DEFAULT_STAGE_TABLE } from '../../../src/core/stage-table';
import { aRow, DEALS_HEADER } from '../deal-helpers';

const TODAY = { today: dayFromParts(2025, 6, 15), timeZone: 'UTC' };
const LAYOUT = dealSheetLayout(DEALS_HEADER);
const row = (id: string, deal: string, company: string) => aRow({ id, deal, company, stage: 'Lead' });
const ROWS = [
  row('D-0001', 'Acme renewal', 'Acme'),
  row('D-0002', 'Follow-up of D-0011', 'Globex'),
  row('', 'No ID yet', 'Acme'),
  row('D-0010', 'Initech', 'Initech, an Acme partner'),
  row('D-0011', 'acme two', 'Umbrella'),
];
const found = (query: string, rows = ROWS) =>
  searchDeals(rows, 2, LAYOUT, query, DEFAULT_STAGE_TABLE, TODAY).map((d) => [d.id, d.row]);

describe('IDs', () => {
  it('are compared as the add-on writes them', () => {
    expect(readDealId(' d-42 ')).toEqual({ ok: true, value: 'D-0042' });
    expect(readDealId('D-12345')).toEqual({ ok: true, value: 'D-12345' });
    expect(readDealId(' x-1 ')).toEqual({ ok: true, value: 'X-1' });
    expect(indexesOfId([['x-1'], ['D-42']], 'X-1 ')).toEqual([0]);
  });

  it('are read from an argument that is text', () => {
    expect(readDealId('d-7')).toEqual({ ok: true, value: 'D-0007' });
    expect(readDealId('')).toEqual({
      ok: false,
      message: 'A deal is named by its ID, such as D-0042, not "".',
    });
    expect(readDealId('  ')).toEqual({
      ok: false,
      message: 'A deal is named by its ID, such as D-0042, not "  ".',
    });
    expect(readDealId(42)).toEqual({
      ok: false,
      message: 'A deal is named by its ID, such as D-0042, not 42.',
    });
    expect(readDealId(undefined)).toEqual({
      ok: false,
      message: 'A deal is named by its ID, such as D-0042, not undefined.',
    });
  });

  it('are found in an ID column, every time they stand there', () => {
    expect(indexesOfId([['D-0001'], ['d-2'], [''], ['D-0002 ']], 'D-0002')).toEqual([1, 3]);
    expect(indexesOfId([['D-0001']], 'D-0009')).toEqual([]);
  });
});

describe('a search', () => {
  it('takes text, trimmed', () => {
    expect(readQuery(' acme ')).toEqual({ ok: true, value: 'acme' });
    expect(readQuery(null)).toEqual({
      ok: false,
      message: 'Search for text (an ID, a deal name or a company), not null.',
    });
  });

  it('finds deals by name or company in any case: starting with the text first, in sheet order', () => {
    expect(found('ACME')).toEqual([
      ['D-0001', 2],
      ['D-0011', 6],
      ['D-0010', 5],
    ]);
  });

  it('puts the deal with exactly that ID first', () => {
    expect(found('d-11')).toEqual([['D-0011', 6]]);
    expect(found('D-0011')).toEqual([
      ['D-0011', 6],
      ['D-0002', 3],
    ]);
  });

  it('finds deals by the start of their ID, after the one the text names', () => {
    expect(found('d-001')).toEqual([
      ['D-0001', 2],
      ['D-0010', 5],
      ['D-0011', 6],
      ['D-0002', 3],
    ]);
  });

  it('trims the text it looks for', () => {
    expect(found(' initech ')).toEqual([['D-0010', 5]]);
  });

  it('looks only in the columns the sheet has', () => {
    const header = ['ID', 'Deal', 'Stage'];
    const rows = [
      ['D-0001', 'Initech', 'Lead'],
      ['D-0002', 'Acme', 'Lead'],
    ];
    expect(
      searchDeals(rows, 2, dealSheetLayout(header), 'acme', DEFAULT_STAGE_TABLE, TODAY).map((d) => d.id),
    ).toEqual(['D-0002']);
    const noDeal = dealSheetLayout(['ID', 'Company']);
    expect(searchDeals([['D-0003', 'Acme']], 2, noDeal, 'acme', DEFAULT_STAGE_TABLE, TODAY)).toHaveLength(1);
    expect(searchDeals([['D-0003', 'Initech']], 2, noDeal, 'acme', DEFAULT_STAGE_TABLE, TODAY)).toHaveLength(
      0,
    );
  });

  it('leaves out rows without an ID, and finds nothing for blank text', () => {
    expect(found('no id')).toEqual([]);
    expect(found('  ')).toEqual([]);
  });

  it('answers with at most 20 deals', () => {
    const many = Array.from({ length: 30 }, (_, i) => row(`D-${1000 + i}`, `Big deal ${i}`, 'X'));
    const mixed = Array.from({ length: 30 }, (_, i) => row(`D-${2000 + i}`, `A big one ${i}`, 'X'));
    expect(found('big', many)).toHaveLength(20);
    expect(found('big', [...mixed, ...many]).map(([id]) => id)).toEqual(
      Array.from({ length: 20 }, (_, i) => `D-${1000 + i}`),
    );
    expect(found('big', mixed).map(([id]) => id)).toEqual(
      Array.from({ length: 20 }, (_, i) => `D-${2000 + i}`),
    );
  });

  it('lists each deal as the sidebar shows it', () => {
    const [summary] = searchDeals(ROWS, 2, LAYOUT, 'D-0001', DEFAULT_STAGE_TABLE, TODAY);
    expect(summary).toMatchObject({ id: 'D-0001', deal: 'Acme renewal', stage: 'Lead', days: 0 });
    expect(summary?.moves).toEqual(['Qualified', 'Closed Lost']);
  });
});
