import { describe, expect, it } from 'vitest';

import { historyRow, parseHistory } from '../../src/core/history-rows';
import { funnel, historyFlow, priceDeals, stageLookup } from '../../src/core/numbers';
import { deal, TABLE } from './numbers/fixtures';

const TZ = 'America/New_York';
const OLD = ['Timestamp', 'ID', 'Deal', 'From', 'To', 'By', 'Via'];
const at = (iso: string) => new Date(iso);

/** History as it stood before the Field column: stage changes only. */
const OLD_ROWS = [
  [at('2025-01-02T15:00:00Z'), 'D-1', 'Acme', '', 'Lead', 'ann@example.com', 'edit'],
  [at('2025-01-09T15:00:00Z'), 'D-1', 'Acme', 'Lead', 'Qualified', 'ann@example.com', 'paste'],
  [at('2025-01-20T15:00:00Z'), 'D-1', 'Acme', 'Qualified', 'Proposal', 'ann@example.com', 'sidebar'],
  [at('2025-01-03T15:00:00Z'), 'D-2', 'Globex', '', 'Lead', '', 'import'],
  ['', '', '', '', '', '', ''],
];

describe('reading History', () => {
  it('reads History written before the Field column exactly as before: every row a stage change', () => {
    const parsed = parseHistory([OLD, ...OLD_ROWS], TZ);
    expect(parsed.missingHeaders).toEqual([]);
    expect(parsed.fieldChanges).toEqual([]);
    expect(parsed.skippedRows).toEqual([]);
    expect(parsed.entries).toEqual([
      {
        timestamp: Date.parse('2025-01-02T15:00:00Z'),
        id: 'D-1',
        deal: 'Acme',
        from: '',
        to: 'Lead',
        by: 'ann@example.com',
        via: 'edit',
      },
      {
        timestamp: Date.parse('2025-01-09T15:00:00Z'),
        id: 'D-1',
        deal: 'Acme',
        from: 'Lead',
        to: 'Qualified',
        by: 'ann@example.com',
        via: 'paste',
      },
      {
        timestamp: Date.parse('2025-01-20T15:00:00Z'),
        id: 'D-1',
        deal: 'Acme',
        from: 'Qualified',
        to: 'Proposal',
        by: 'ann@example.com',
        via: 'sidebar',
      },
      {
        timestamp: Date.parse('2025-01-03T15:00:00Z'),
        id: 'D-2',
        deal: 'Globex',
        from: '',
        to: 'Lead',
        by: '',
        via: 'import',
      },
    ]);
  });

  it('keeps rows with a Field apart, so no stage number counts them', () => {
    const header = [...OLD, 'Field'];
    const rows = [
      ...OLD_ROWS.map((row) => [...row, '']),
      [
        at('2025-01-10T15:00:00Z'),
        'D-1',
        'Acme',
        '2025-03-31',
        '2025-04-30',
        'ann@example.com',
        'edit',
        'Close Date',
      ],
      [at('2025-01-11T15:00:00Z'), 'D-1', 'Acme', 5000, 6000, 'ann@example.com', 'paste', 'Amount'],
      [
        at('2025-01-12T15:00:00Z'),
        'D-2',
        'Globex',
        at('2025-03-31T04:00:00Z'),
        '',
        '',
        'sidebar',
        ' Close Date ',
      ],
    ];
    const parsed = parseHistory([header, ...rows], TZ);
    const before = parseHistory([OLD, ...OLD_ROWS], TZ);
    expect(parsed.entries).toEqual(before.entries);
    expect(parsed.fieldChanges.map((c) => [c.id, c.field, c.from, c.to, c.via])).toEqual([
      ['D-1', 'Close Date', '2025-03-31', '2025-04-30', 'edit'],
      ['D-1', 'Amount', '5000', '6000', 'paste'],
      ['D-2', 'Close Date', '2025-03-31', '', 'sidebar'],
    ]);
    const lookup = stageLookup(TABLE);
    const deals = [deal({ id: 'D-1', stage: 'Proposal' }), deal({ id: 'D-2', stage: 'Lead' })];
    const flow = (entries: typeof parsed.entries) =>
      funnel(priceDeals(deals, lookup).priced, historyFlow(entries, lookup, deals), TABLE);
    expect(flow(parsed.entries)).toEqual(flow(before.entries));
  });

  it('skips a row without a readable Timestamp or ID, by its sheet row, and a blank row silently', () => {
    const rows = [
      ['', 'D-1', 'Acme', '', 'Lead', '', 'edit'],
      ['soon', 'D-1', 'Acme', '', 'Lead', '', 'edit'],
      [at('2025-01-02T15:00:00Z'), '', 'Acme', '', 'Lead', '', 'edit'],
      [null, null, null, null, null, null, null],
      OLD_ROWS[0]!,
    ];
    expect(parseHistory([OLD, ...rows], TZ).skippedRows).toEqual([2, 3, 4]);
    const later = parseHistory([OLD, ...rows], TZ, 40);
    expect(later.skippedRows).toEqual([40, 41, 42]);
    expect(later.entries.map((entry) => entry.id)).toEqual(['D-1']);
  });

  it('finds each column by its header wherever it stands', () => {
    const header = ['ID', 'Field', 'To', 'Timestamp', 'From', 'Via', 'By', 'Deal'];
    const row = [
      'D-1',
      'Close Date',
      '2025-04-30',
      at('2025-01-10T15:00:00Z'),
      '2025-03-31',
      'edit',
      'ann',
      'Acme',
    ];
    expect(parseHistory([header, row], TZ).fieldChanges).toEqual([
      {
        timestamp: Date.parse('2025-01-10T15:00:00Z'),
        id: 'D-1',
        deal: 'Acme',
        from: '2025-03-31',
        to: '2025-04-30',
        by: 'ann',
        via: 'edit',
        field: 'Close Date',
      },
    ]);
  });

  it('still names any other missing header', () => {
    expect(parseHistory([['Timestamp', 'ID', 'Field']], TZ).missingHeaders).toEqual([
      'Deal',
      'From',
      'To',
      'By',
      'Via',
    ]);
  });

  it('writes the Field, or blank for a stage change, in the sheet’s own order', () => {
    const entry = {
      timestamp: at('2025-01-10T15:00:00Z'),
      id: 'D-1',
      deal: 'Acme',
      from: 5000,
      to: 6000,
      by: 'a',
      via: 'edit' as const,
    };
    expect(historyRow(['Field', 'ID', 'To', 'Mine'], { ...entry, field: 'Amount' })).toEqual([
      'Amount',
      'D-1',
      6000,
      '',
    ]);
    expect(historyRow(['Field', 'ID'], entry)).toEqual(['', 'D-1']);
  });
});
