/**
 * Per owner: what each salesperson has open, has won this quarter, wins, and has overdue.
 */
import type { OwnerNumbers } from '../numbers';
import type { GridBuilder } from './grid';

export const NO_OWNER = '(no owner)';

export function addOwners(grid: GridBuilder, owners: readonly OwnerNumbers[], windowLabel: string): void {
  const c = grid.cells;
  grid.boldRow('By owner');
  grid.boldRow(
    'Owner',
    'Open deals',
    'Open pipeline',
    'Weighted pipeline',
    'Won this quarter',
    `Win rate (${windowLabel})`,
    'Follow-ups overdue',
  );
  if (owners.length === 0) grid.row('No deals yet');
  for (const o of owners) {
    grid.row(
      o.owner === '' ? NO_OWNER : o.owner,
      c.count(o.openDeals),
      c.money(o.openPipeline),
      c.money(o.weightedPipeline),
      c.money(o.wonThisQuarter),
      c.percent(o.winRate),
      c.count(o.overdueFollowUps),
    );
  }
}
