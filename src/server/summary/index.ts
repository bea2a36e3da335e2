/**
 * Refresh summary: reads Settings, and of Deals and History the columns the numbers use, lets
 * the core work out every number and the layout, and rewrites the Summary sheet in a fixed number
 * of calls, so refreshing 50,000 deals costs the same calls as refreshing 50.
 */
import { HISTORY_HEADERS, SHEET, headerIndex, normalizeHeader } from '../../core/columns';
import type { DealFieldKey } from '../../core/columns';
import { parseHistory } from '../../core/history-rows';
import type { ParsedHistory } from '../../core/history-rows';
import { summaryNumbers } from '../../core/numbers';
import { dataQuality, refreshedText, summaryLayout } from '../../core/summary';
import { countOf } from '../../core/wording';
import { parseDealRows } from '../../core/deal-row';
import { openDealsSheet, readDealFields } from '../deals-sheet';
import { withDocumentLock } from '../lock';
import { setUpSummarySheet } from '../setup/log-sheets';
import { readSettings } from '../settings';
import { activeSpreadsheet, readColumns, readHeaderRow, requireSheet } from '../sheets';
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

/** The History columns the numbers use: who entered which stage when, and how each began. */
const HISTORY_NEEDS: readonly string[] = ['Timestamp', 'ID', 'From', 'To', 'Via'];

/**
 * History's entries, or null when there is no History sheet: only the columns the numbers use
 * are read, and the others the sheet has are named in the header handed to the parser (they
 * read blank), so that none is reported missing. 4–6 calls; 1 without the sheet.
 */
function readHistory(spreadsheet: Spreadsheet, timeZone: string): ParsedHistory | null {
  const sheet = spreadsheet.getSheetByName(SHEET.history);
  if (!sheet) return null;
  const header = readHeaderRow(sheet);
  const index = headerIndex(header);
  const at = (name: string) => index.get(normalizeHeader(name)) ?? -1;
  const read = HISTORY_NEEDS.filter((name) => at(name) >= 0).sort((a, b) => at(a) - at(b));
  const unread = HISTORY_HEADERS.filter((name) => !HISTORY_NEEDS.includes(name) && at(name) >= 0);
  const rows = readColumns(sheet, 2, sheet.getLastRow() - 1, read.map(at), header.length);
  return parseHistory([[...read, ...unread], ...rows], timeZone);
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
    const read = readDealFields(dealsSheet, 2, dealsSheet.lastRow - 1, SUMMARY_FIELDS);
    const parsed = parseDealRows(read.rows, 2, read.layout, today.timeZone);
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
