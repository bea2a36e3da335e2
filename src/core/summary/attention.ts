/**
 * The lists of deals that need someone: stale deals and overdue follow-ups, most days first.
 * Each list shows at most LIST_LIMIT deals and says how many more there are, so the Summary stays
 * readable and its size does not grow with the pipeline (the KPI block has the full counts).
 */
import type { AttentionItem } from '../numbers';
import type { CalendarDay } from '../types';
import type { GridBuilder } from './grid';
import { NO_OWNER } from './owners';

const LIST_LIMIT = 100;

const STALE_HEADERS = ['ID', 'Deal', 'Owner', 'Stage', 'Last activity', 'Days inactive'] as const;
const OVERDUE_HEADERS = ['ID', 'Deal', 'Owner', 'Stage', 'Follow-up', 'Days overdue'] as const;

function titleOf(title: string, count: number): string {
  if (count <= LIST_LIMIT) return `${title} (${count})`;
  return `${title} (${count}; the ${LIST_LIMIT} with the most days)`;
}

function addList(
  grid: GridBuilder,
  title: string,
  headers: readonly string[],
  items: readonly AttentionItem[],
  today: CalendarDay,
): void {
  const c = grid.cells;
  grid.boldRow(titleOf(title, items.length));
  grid.boldRow(...headers);
  if (items.length === 0) grid.row('None');
  for (const item of items.slice(0, LIST_LIMIT)) {
    grid.row(
      item.id,
      item.deal,
      item.owner === '' ? NO_OWNER : item.owner,
      item.stage,
      // Both lists count days back from today: to the last activity, or to the missed follow-up.
      c.date(today - item.days),
      c.count(item.days),
    );
  }
  if (items.length > LIST_LIMIT) grid.row(`… and ${items.length - LIST_LIMIT} more`);
}

export function addStaleDeals(grid: GridBuilder, stale: readonly AttentionItem[], today: CalendarDay): void {
  addList(grid, 'Stale deals', STALE_HEADERS, stale, today);
}

export function addOverdueFollowUps(
  grid: GridBuilder,
  overdue: readonly AttentionItem[],
  today: CalendarDay,
): void {
  addList(grid, 'Overdue follow-ups', OVERDUE_HEADERS, overdue, today);
}
