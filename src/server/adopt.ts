/**
 * Bringing every row of the Deals sheet into the add-on's care (Set up sheets, Validate all
 * deals): the core decides (row-decisions.ts) which deal each row is — a copy or a row with an ID
 * the add-on did not issue gets its own — and a deal the stage record has never seen has its
 * current stage recorded, with a History row, so that its next move is judged against it. This
 * shell reads, applies and saves. A fixed number of calls whatever the number of deals.
 */
import { decideRows } from '../core/row-decisions';
import type { RowDecisions } from '../core/row-decisions';
import type { Settings } from '../core/settings';
import type { Today } from '../core/types';
import { DealBlock } from './deal-block';
import { openDealsSheet } from './deals-sheet';
import type { DealsSheet } from './deals-sheet';
import type { DocumentState } from './document-properties';
import { appendHistory, currentUser } from './history';
import type { Spreadsheet } from './sheets';
import { todayIn } from './today';

export interface AdoptedSheet {
  readonly deals: DealsSheet;
  /** The rows, as they are once the add-on's writes landed. */
  readonly block: DealBlock;
  readonly adoption: RowDecisions;
  readonly when: Today & { now: Date };
}

/** Reads every Deals row once and adopts them all; the caller holds the document lock. */
export function adoptAllDeals(
  spreadsheet: Spreadsheet,
  settings: Settings,
  state: DocumentState,
): AdoptedSheet {
  const deals = openDealsSheet(spreadsheet, settings.table);
  const when = todayIn(spreadsheet);
  const block = new DealBlock(deals, 2, deals.lastRow - 1);
  const adoption = decideRows({
    rows: block.rows,
    firstRow: 2,
    layout: deals.layout,
    table: settings.table,
    record: state.record,
    lastIssued: state.lastIssued,
    today: when.today,
    timeZone: when.timeZone,
    now: when.now,
    via: 'setup',
  });
  for (const write of adoption.writes) block.set(write.row, write.field, write.value);
  block.write();
  state.apply(adoption);
  state.save();
  const by = currentUser();
  appendHistory(
    spreadsheet,
    adoption.history.map((entry) => ({ ...entry, timestamp: when.now, by, via: 'setup' as const })),
  );
  return { deals, block, adoption, when };
}
