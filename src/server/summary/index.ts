/**
 * Refresh summary: reads Settings, Deals and History once each, lets the core work out every
 * number and the layout, and rewrites the Summary sheet in a fixed number of calls, so refreshing
 * 50,000 deals costs the same calls as refreshing 50.
 */
import { SHEET } from '../../core/columns';
import type { DealFieldKey } from '../../core/columns';
import { parseHistory } from '../../core/history-rows';
import type { ParsedHistory } from '../../core/history-rows';
import { summaryNumbers } from '../../core/numbers';
import { dataQuality, refreshedText, summaryLayout } from '../../core/summary';
import { countOf } from '../../core/wording';
import { openDealsSheet, parseRows, readAllDealRows } from '../deals-sheet';
import { withDocumentLock } from '../lock';
import { setUpSummarySheet } from '../setup/log-sheets';
import { readSettings } from '../settings';
import { activeSpreadsheet, readAllValues, requireSheet } from '../sheets';
import type { Spreadsheet } from '../sheets';
import { todayIn } from '../today';
import { runMenuAction, toast } from '../ui';
import { writeSummary } from './write';

/** Every headline number is a sum of Amounts by Close Date: without them the Summary would mislead. */
const SUMMARY_NEEDS: readonly DealFieldKey[] = ['amount', 'closeDate'];

export interface SummaryReport {
  /** Deals rows read (blank rows not counted). */
  readonly deals: number;
}

/** History's entries, or null when there is no History sheet. 3 calls; 1 without the sheet. */
function readHistory(spreadsheet: Spreadsheet, timeZone: string): ParsedHistory | null {
  const sheet = spreadsheet.getSheetByName(SHEET.history);
  return sheet ? parseHistory(readAllValues(sheet), timeZone) : null;
}

/**
 * Rewrites the Summary sheet (creating it, protected with a warning, when it is missing).
 * Nothing is written until every sheet has been read: a missing Deals sheet or column leaves
 * the old Summary as it was.
 */
export function refreshSummarySheet(): SummaryReport {
  return withDocumentLock(() => {
    const spreadsheet = activeSpreadsheet();
    const settings = readSettings(spreadsheet);
    const today = todayIn(spreadsheet);
    const dealsSheet = openDealsSheet(spreadsheet, settings.table, SUMMARY_NEEDS);
    const parsed = parseRows(dealsSheet, readAllDealRows(dealsSheet), 2, today.timeZone);
    const history = readHistory(spreadsheet, today.timeZone);
    const numbers = summaryNumbers(
      parsed.deals,
      history?.entries ?? [],
      settings.table,
      settings.options,
      today,
    );
    const layout = summaryLayout({
      numbers,
      currency: settings.options.currency,
      today: today.today,
      refreshed: refreshedText(today.now.getTime(), today.timeZone),
      quality: dataQuality({
        deals: parsed.deals,
        unknownStageDeals: numbers.unknownStageDeals,
        unreadableCells: parsed.problems.length,
        missingColumns: dealsSheet.layout.missing,
        history,
        settings,
      }),
    });
    setUpSummarySheet(spreadsheet, { created: [], repaired: [] });
    writeSummary(requireSheet(spreadsheet, SHEET.summary), layout, today.timeZone);
    return { deals: parsed.deals.length };
  });
}

/** The menu action: refresh, then say how many deals the Summary covers. */
export function refreshSummaryFromMenu(): SummaryReport | undefined {
  return runMenuAction(() => {
    const report = refreshSummarySheet();
    toast(`Summary refreshed: ${countOf(report.deals, 'deal')}`);
    return report;
  });
}
