/**
 * Refresh summary: reads Settings, of Deals the columns the numbers use, and History through the
 * History digest (only the rows appended since the last refresh, when it checks out), lets the
 * core work out every number and the layout, and rewrites the Summary sheet in a fixed number of
 * calls, so refreshing 50,000 deals costs the same calls as refreshing 50.
 */
import type { DealFieldKey } from '../../core/columns';
import { SHEET } from '../../core/columns';
import { parseDealRows } from '../../core/deal-row';
import { forecastAccuracy } from '../../core/forecast-history/accuracy';
import { summaryNumbers } from '../../core/numbers';
import { slippageNumbers } from '../../core/numbers/slippage';
import { dataQuality, refreshedText, summaryLayout } from '../../core/summary';
import { countOf } from '../../core/wording';
import { openDealsSheet, readDealFields } from '../deals-sheet';
import { readForecastHistory } from '../forecast-history/sheet';
import { withDocumentLock } from '../lock';
import { readSettings } from '../settings';
import { setUpSummarySheet } from '../setup/log-sheets';
import { activeSpreadsheet, requireSheet } from '../sheets';
import { todayIn } from '../today';
import { runMenuAction, toast } from '../ui';
import { readSummaryHistory } from './history-digest';
import { writeSummary } from './write';

/** Every headline number is a sum of Amounts by Close Date: without them the Summary would mislead. */
const SUMMARY_NEEDS: readonly DealFieldKey[] = ['amount', 'closeDate'];

export interface SummaryReport {
  /** Deals rows read (blank rows not counted). */
  readonly deals: number;
}

/**
 * The Deals columns the numbers and the lists use: a Summary of 50,000 deals reads 11 columns
 * of 18, not the contact details, next steps or notes (each cell read costs time).
 */
const SUMMARY_FIELDS: readonly DealFieldKey[] = [
  'id',
  'deal',
  'owner',
  'stage',
  'amount',
  'probability',
  'closeDate',
  'followUp',
  'lastContact',
  'created',
  'stageSince',
];

/**
 * Rewrites the Summary sheet (creating it, protected with a warning, when it is missing), then
 * the History digest. Nothing is written until every sheet has been read: a missing Deals sheet
 * or column leaves the old Summary as it was, and no read waits for a write to be committed.
 */
function refreshSummarySheet(): SummaryReport {
  return withDocumentLock(() => {
    const spreadsheet = activeSpreadsheet();
    const settings = readSettings(spreadsheet);
    const today = todayIn(spreadsheet);
    const dealsSheet = openDealsSheet(spreadsheet, settings.table, SUMMARY_NEEDS);
    const read = readDealFields(dealsSheet, 2, dealsSheet.lastRow - 1, SUMMARY_FIELDS);
    const parsed = parseDealRows(read.rows, 2, read.layout, today.timeZone);
    const { history, keep } = readSummaryHistory(spreadsheet, today.timeZone);
    const forecastHistory = readForecastHistory(spreadsheet, today.timeZone);
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
      accuracy: forecastAccuracy(forecastHistory, parsed.deals, settings.table, today.today),
      slippage: slippageNumbers(parsed.deals, settings.table, history?.fieldChanges ?? []),
    });
    setUpSummarySheet(spreadsheet, { created: [], repaired: [] });
    writeSummary(requireSheet(spreadsheet, SHEET.summary), layout, today.timeZone);
    keep();
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
