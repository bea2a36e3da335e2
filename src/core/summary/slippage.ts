/**
 * Close-date slippage (numbers/slippage.ts): the open deals whose Close Date was pushed later the
 * most, at most SLIPPED_LIMIT of them, and per owner the share of open deals pushed at least once.
 */
import type { SlippageNumbers } from '../numbers/slippage';
import type { GridBuilder } from './grid';
import { UNKNOWN } from './grid';
import { NO_OWNER } from './owners';

const SLIPPED_LIMIT = 10;

const SLIPPED_HEADERS = ['ID', 'Deal', 'Owner', 'Pushes', 'Days pushed', 'Close Date'] as const;
const OWNER_SLIPPAGE_HEADERS = ['Owner', 'Open deals', 'Pushed at least once', 'Share pushed'] as const;

export function addSlippage(grid: GridBuilder, slippage: SlippageNumbers): void {
  const c = grid.cells;
  const { slipped, owners } = slippage;
  const shown = slipped.slice(0, SLIPPED_LIMIT);
  grid.boldRow(
    slipped.length > SLIPPED_LIMIT
      ? `Close dates pushed: open deals (${slipped.length}; the ${SLIPPED_LIMIT} pushed most)`
      : `Close dates pushed: open deals (${slipped.length})`,
  );
  grid.boldRow(...SLIPPED_HEADERS);
  if (shown.length === 0) grid.row('None');
  for (const deal of shown) {
    grid.row(
      deal.id,
      deal.deal,
      deal.owner === '' ? NO_OWNER : deal.owner,
      c.count(deal.pushes),
      c.count(deal.daysPushed),
      deal.closeDate === null ? UNKNOWN : c.date(deal.closeDate),
    );
  }
  grid.blank();
  grid.boldRow(...OWNER_SLIPPAGE_HEADERS);
  if (owners.length === 0) grid.row('No open deals');
  for (const owner of owners) {
    grid.row(
      owner.owner === '' ? NO_OWNER : owner.owner,
      c.count(owner.openDeals),
      c.count(owner.pushed),
      c.percent(owner.share),
    );
  }
}
