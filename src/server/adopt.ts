/**
 * Bringing every row of the Deals sheet into the add-on's care (Set up sheets, Validate all
 * deals): the core decides (row-decisions.ts) which deal each row is — a copy or a row with an ID
 * the add-on did not issue gets its own — and a deal the stage record has never seen has its
 * current stage recorded, with a History row, so that its next move is judged against it. This
 * shell reads and decides first, then applies and saves when the caller says, so an operation can
 * do all its reads before its first write. A fixed number of calls whatever the number of deals.
 */
import type { DealFieldKey } from '../core/columns';
import type { RowDecisions } from '../core/row-decisions';
import { decideRows } from '../core/row-decisions';
import type { Settings } from '../core/settings';
import type { Today } from '../core/types';
import { DealBlock } from './deal-block';
import type { DealsSheet } from './deals-sheet';
import { openDealsSheet } from './deals-sheet';
import type { DocumentState } from './document-properties';
import { appendHistoryTo, currentUser, openHistory } from './history';
import type { Spreadsheet } from './sheets';
import { todayIn } from './today';

/**
 * What adoption alone looks at: which deal a row is (ID, Deal, Company, and Created or Stage
 * Since for a deal that lost its ID) and its stage. Set-up reads no other column.
 */
export const ADOPTION_FIELDS: readonly DealFieldKey[] = [
  'id',
  'deal',
  'company',
  'stage',
  'created',
  'stageSince',
];

export interface Adoption {
  readonly deals: DealsSheet;
  /** The rows, as they are once the add-on's writes land. */
  readonly block: DealBlock;
  readonly adoption: RowDecisions;
  /** Each row's ID cell as read, before the add-on's writes ('' for none). */
  readonly idsRead: readonly string[];
  readonly when: Today & { now: Date };
  /** Writes what was decided (IDs, Created, Stage Since, the record, History), reading nothing. */
  readonly apply: () => void;
}

/**
 * Reads every Deals row once (only the columns of `fields`, when given), and History's header
 * when there are stages to record, and decides; writes nothing until `apply`. The caller holds
 * the document lock.
 */
export function decideAdoption(
  spreadsheet: Spreadsheet,
  settings: Settings,
  state: DocumentState,
  fields?: readonly DealFieldKey[],
): Adoption {
  const deals = openDealsSheet(spreadsheet, settings.table);
  const when = todayIn(spreadsheet);
  const block = new DealBlock(deals, 2, deals.lastRow - 1, fields);
  const adoption = decideRows({
    rows: block.rows,
    firstRow: 2,
    layout: block.layout,
    table: settings.table,
    record: state.record,
    lastIssued: state.lastIssued,
    today: when.today,
    timeZone: when.timeZone,
    now: when.now,
    via: 'setup',
  });
  const idColumn = block.layout.columns.id;
  const idsRead = block.rows.map((cells) => (idColumn < 0 ? '' : String(cells[idColumn] ?? '')));
  for (const write of adoption.writes) block.set(write.row, write.field, write.value);
  const history = adoption.history.length > 0 ? openHistory(spreadsheet) : undefined;
  return {
    deals,
    block,
    adoption,
    idsRead,
    when,
    apply: () => {
      block.write();
      state.apply(adoption);
      state.save();
      if (!history) return;
      const by = currentUser();
      appendHistoryTo(
        history,
        adoption.history.map((entry) => ({ ...entry, timestamp: when.now, by, via: 'setup' as const })),
      );
    },
  };
}
