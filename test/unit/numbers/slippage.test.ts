import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { closeDatePushes } from '../../../src/core/functions/pushes';
import type { FieldChange } from '../../../src/core/history-rows';
import { slippageByDeal, slippageNumbers } from '../../../src/core/numbers/slippage';
import { CellKinds, GridBuilder } from '../../../src/core/summary/grid';
import { addSlippage } from '../../../src/core/summary/slippage';

/** The Summary lists the 10 most-slipped open deals (issue 13). */
const SLIPPED_LIMIT = 10;
import { day, deal, TABLE } from './fixtures';

function change(id: string, from: string, to: string, field = 'Close Date'): FieldChange {
  return { timestamp: 0, id, deal: '', from, to, by: '', via: 'edit', field };
}

describe('close-date pushes per deal', () => {
  it('counts a Close Date moved later, and the days, summed over the deal’s History', () => {
    const byDeal = slippageByDeal([
      change('D-1', '2027-01-15', '2027-02-01'),
      change('D-1', '2027-02-01', '2027-01-20'),
      change('D-1', '2027-01-20', '2027-04-01'),
      change('d-1 ', '2027-04-01', '2027-04-02'),
      change('D-2', '2027-01-15', '2027-01-15'),
    ]);
    expect(byDeal.get('D-1')).toEqual({ pushes: 3, daysPushed: 17 + 71 + 1 });
    expect(byDeal.has('D-2')).toBe(false);
  });

  it('ignores a Close Date set or cleared, an Amount, and text that is no date', () => {
    const byDeal = slippageByDeal([
      change('D-1', '', '2027-02-01'),
      change('D-1', '2027-02-01', ''),
      change('D-1', '100', '200', 'Amount'),
      change('D-1', '2027-01-01', '2027-03-01', 'Amount'),
      change('D-1', '1969-12-01', ''),
      change('D-1', 'soon', '2027-02-01'),
      change('D-2', '2027-01-01', '2027-01-31', ' close date '),
    ]);
    expect(byDeal.has('D-1')).toBe(false);
    expect(byDeal.get('D-2')).toEqual({ pushes: 1, daysPushed: 30 });
  });

  it('does not depend on the order of History’s rows (property)', () => {
    const days = fc.integer({ min: 0, max: 60 });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('D-1', 'D-2'), days, days)), (rows) => {
        const changes = rows.map(([id, a, b]) =>
          change(
            id,
            `2027-01-${String(1 + (a % 28)).padStart(2, '0')}`,
            `2027-02-${String(1 + (b % 28)).padStart(2, '0')}`,
          ),
        );
        expect(slippageByDeal([...changes].reverse())).toEqual(slippageByDeal(changes));
      }),
    );
  });
});

describe('the Summary’s slippage numbers', () => {
  const deals = [
    deal({ id: 'D-0', owner: 'zed@example.com', stage: 'Qualified' }),
    deal({ id: 'D-1', owner: ' ann@example.com ', stage: 'Lead', closeDate: day('2027-04-01') }),
    deal({ id: 'D-2', owner: 'Ann@example.com', stage: 'Proposal' }),
    deal({ id: 'D-3', owner: 'bob@example.com', stage: 'Negotiation' }),
    deal({ id: 'D-4', owner: 'bob@example.com', stage: 'Closed Won' }),
    deal({ id: 'D-5', owner: '', stage: 'Lead' }),
    deal({ id: 'D-6', owner: 'bob@example.com', stage: 'Parked' }),
  ];
  const changes = [
    change('D-1', '2027-01-15', '2027-04-01'),
    change('D-3', '2027-01-15', '2027-01-20'),
    change('D-3', '2027-01-20', '2027-01-25'),
    change('D-4', '2027-01-15', '2027-06-01'),
    change('D-5', '2027-01-15', '2027-01-16'),
  ];
  const numbersOf = () => slippageNumbers(deals, TABLE, changes);

  it('lists open deals pushed at least once, most pushes first, then most days', () => {
    const numbers = numbersOf();
    expect(numbers.slipped.map((d) => [d.id, d.pushes, d.daysPushed])).toEqual([
      ['D-3', 2, 10],
      ['D-1', 1, 76],
      ['D-5', 1, 1],
    ]);
    expect(numbers.slipped[1]).toMatchObject({ owner: ' ann@example.com ', closeDate: day('2027-04-01') });
  });

  it('gives each owner the share of their open deals pushed, owners as the owner table has them', () => {
    expect(numbersOf().owners).toEqual([
      { owner: 'ann@example.com', openDeals: 2, pushed: 1, share: 0.5 },
      { owner: 'bob@example.com', openDeals: 1, pushed: 1, share: 1 },
      { owner: 'zed@example.com', openDeals: 1, pushed: 0, share: 0 },
      { owner: '', openDeals: 1, pushed: 1, share: 1 },
    ]);
  });

  it('breaks ties by ID', () => {
    const ids = ['D-9', 'D-7', 'D-8', 'D-1', 'D-5'];
    const tied = slippageNumbers(
      ids.map((id) => deal({ id })),
      TABLE,
      ids.map((id) => change(id, '2027-01-01', '2027-01-02')),
    );
    expect(tied.slipped.map((d) => d.id)).toEqual(['D-1', 'D-5', 'D-7', 'D-8', 'D-9']);
  });

  it('shows the 10 pushed most, says how many there are, and the owners’ shares', () => {
    const many = Array.from({ length: 12 }, (_, i) => deal({ id: `D-${i + 10}`, owner: '' }));
    const slipped = slippageNumbers(
      many,
      TABLE,
      many.map((d, i) => change(d.id, '2027-01-01', `2027-01-${String(2 + i).padStart(2, '0')}`)),
    );
    const grid = new GridBuilder(new CellKinds('USD'));
    addSlippage(grid, slipped);
    const values = grid.build().map((line) => line.map((cell) => cell.value));
    expect(values[0]?.[0]).toBe(`Close dates pushed: open deals (12; the ${SLIPPED_LIMIT} pushed most)`);
    expect(values[1]).toEqual(['ID', 'Deal', 'Owner', 'Pushes', 'Days pushed', 'Close Date']);
    expect(values.slice(2, 2 + SLIPPED_LIMIT).map((line) => line[0])).toEqual(
      Array.from({ length: 10 }, (_, i) => `D-${21 - i}`),
    );
    expect(values[2]?.slice(2, 6)).toEqual(['(no owner)', 1, 12, '—']);
    expect(values[13]).toEqual(['Owner', 'Open deals', 'Pushed at least once', 'Share pushed', '', '']);
    expect(values[14]?.slice(0, 4)).toEqual(['(no owner)', 12, 12, 1]);
  });

  it('shows all of exactly 10, with owner and close date, and names each owner', () => {
    const ten = Array.from({ length: 10 }, (_, i) =>
      deal({ id: `D-${i + 10}`, owner: 'ann@example.com', closeDate: day('2027-05-01') }),
    );
    const grid = new GridBuilder(new CellKinds('USD'));
    addSlippage(
      grid,
      slippageNumbers(
        ten,
        TABLE,
        ten.map((d) => change(d.id, '2027-01-01', '2027-01-02')),
      ),
    );
    const cells = grid.build();
    expect(cells[0]?.[0]?.value).toBe('Close dates pushed: open deals (10)');
    expect(cells[2]?.slice(0, 6).map((cell) => cell.value)).toEqual([
      'D-10',
      'Deal D-10',
      'ann@example.com',
      1,
      1,
      { day: day('2027-05-01') },
    ]);
    expect(cells[14]?.[0]?.value).toBe('ann@example.com');
  });

  it('says None and No open deals when there is nothing to show', () => {
    const grid = new GridBuilder(new CellKinds('USD'));
    addSlippage(grid, { slipped: [], owners: [] });
    expect(grid.build().map((line) => line[0]?.value)).toEqual([
      'Close dates pushed: open deals (0)',
      'ID',
      'None',
      '',
      'Owner',
      'No open deals',
    ]);
  });
});

describe('CLOSE_DATE_PUSHES', () => {
  const changes = [
    change('D-0001', '2027-01-15', '2027-02-01'),
    change('D-0001', '2027-02-01', '2027-03-01'),
  ];

  it('gives a column of counts for a column of IDs: 0 when never pushed or unknown, blank for blank', () => {
    expect(closeDatePushes([['D-0001'], ['d-0001'], ['D-0002'], [''], ['  ']], changes)).toEqual([
      [2],
      [2],
      [0],
      [''],
      [''],
    ]);
    expect(closeDatePushes([['D-0001', 'D-0002']], changes)).toEqual([[2], [0]]);
  });

  it('gives one count for one ID, blank for a blank cell', () => {
    expect(closeDatePushes('D-0001', changes)).toBe(2);
    expect(closeDatePushes('', changes)).toBe('');
  });

  it('refuses a range wider than one column', () => {
    expect(() =>
      closeDatePushes(
        [
          ['D-0001', 'x'],
          ['D-0002', 'y'],
        ],
        changes,
      ),
    ).toThrow('CLOSE_DATE_PUSHES: ids must be a single row or column, not 2 rows × 2 columns.');
  });
});
