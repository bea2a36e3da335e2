/**
 * Bringing every row of a Deals block into the add-on's care: a row with a Deal or Company but no
 * ID gets one (and Created); a deal the stage record has never seen has its current stage
 * recorded, with a History row, so that its next move is judged against it. Used by "Validate
 * all deals" and "Set up sheets", so deals typed before the add-on was installed are adopted.
 */
import { startOfDay } from '../core/dates';
import { isBlankRow, parseDealRow } from '../core/deal-row';
import type { ParsedDeals } from '../core/deal-row';
import { findStage } from '../core/stages';
import type { StageTable, Today } from '../core/types';
import type { Settings } from '../core/settings';
import { DealBlock } from './deal-block';
import { openDealsSheet } from './deals-sheet';
import type { DealsSheet } from './deals-sheet';
import type { DocumentState } from './document-properties';
import { appendHistory, currentUser } from './history';
import type { StageChange } from './history';
import type { Spreadsheet } from './sheets';
import { todayIn } from './today';

export interface Adoption extends ParsedDeals {
  idsAssigned: number;
  changes: StageChange[];
}

export function adoptDeals(
  block: DealBlock,
  state: DocumentState,
  table: StageTable,
  when: Today & { now: Date },
  by: string,
): Adoption {
  const { layout } = block.deals;
  state.noteIdsInSight(block.rows.map((cells) => String(cells[layout.columns.id] ?? '')));
  const result: Adoption = { deals: [], problems: [], idsAssigned: 0, changes: [] };
  block.rows.forEach((cells, index) => {
    if (isBlankRow(cells)) return;
    const row = block.firstRow + index;
    const parsed = parseDealRow(cells, row, layout, when.timeZone);
    let deal = parsed.deal;
    if (deal.id === '' && (deal.deal !== '' || deal.company !== '')) {
      deal = { ...deal, id: state.issueId(), created: deal.created ?? when.today };
      block.set(row, 'id', deal.id);
      if (parsed.deal.created === null) block.set(row, 'created', startOfDay(when.today, when.timeZone));
      result.idsAssigned += 1;
    }
    const stage = findStage(table, deal.stage);
    if (deal.id !== '' && stage && state.record.stageOf(deal.id) === undefined) {
      state.record.record(deal.id, stage.name);
      if (deal.stageSince === null) {
        block.set(row, 'stageSince', when.now);
        deal = { ...deal, stageSince: when.now.getTime() };
      }
      result.changes.push({
        timestamp: when.now,
        id: deal.id,
        deal: deal.deal,
        from: '',
        to: stage.name,
        by,
        via: 'setup',
      });
    }
    result.deals.push(deal);
    result.problems.push(...parsed.problems);
  });
  return result;
}

export interface AdoptedSheet {
  readonly deals: DealsSheet;
  readonly block: DealBlock;
  readonly adoption: Adoption;
  readonly when: Today & { now: Date };
}

/**
 * Reads every Deals row once and adopts them all: IDs and Created written, stages recorded,
 * History appended, `state` saved. The caller holds the document lock. A fixed number of calls.
 */
export function adoptAllDeals(
  spreadsheet: Spreadsheet,
  settings: Settings,
  state: DocumentState,
): AdoptedSheet {
  const deals = openDealsSheet(spreadsheet, settings.table);
  const when = todayIn(spreadsheet);
  const block = new DealBlock(deals, 2, deals.lastRow - 1);
  const adoption = adoptDeals(block, state, settings.table, when, currentUser());
  block.write();
  state.save();
  appendHistory(spreadsheet, adoption.changes);
  return { deals, block, adoption, when };
}
