/**
 * What the sidebar reads: everything it shows when it opens, and the deals a search finds. Each
 * reads Settings and Deals once, whatever the number of deals, and writes nothing (so it takes no
 * lock).
 */
import type { DealSummary, SidebarData } from '../../core/sidebar/contract';
import { readQuery, searchDeals } from '../../core/sidebar/search';
import { sidebarData } from '../../core/sidebar/summaries';
import { openDealsSheet, parseRows, readAllDealRows } from '../deals-sheet';
import { currentUser } from '../history';
import { readSettings } from '../settings';
import { activeSpreadsheet } from '../sheets';
import { todayIn } from '../today';
import { accepted } from './calls';

/** 14 calls. */
export function readSidebarData(): SidebarData {
  const spreadsheet = activeSpreadsheet();
  const settings = readSettings(spreadsheet);
  const today = todayIn(spreadsheet);
  const deals = openDealsSheet(spreadsheet, settings.table);
  const parsed = parseRows(deals, readAllDealRows(deals), 2, today.timeZone);
  return sidebarData(parsed.deals, settings, currentUser(), today);
}

/** 12 calls. */
export function searchFromSidebar(query: unknown): DealSummary[] {
  const text = accepted(readQuery(query));
  const spreadsheet = activeSpreadsheet();
  const settings = readSettings(spreadsheet);
  const today = todayIn(spreadsheet);
  const deals = openDealsSheet(spreadsheet, settings.table);
  return searchDeals(readAllDealRows(deals), 2, deals.layout, text, settings.table, today);
}
