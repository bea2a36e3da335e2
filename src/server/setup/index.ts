import { normalizeHeader, SHEET } from '../../core/columns';
import type { Settings } from '../../core/settings';
import { countOf } from '../../core/wording';
import { ADOPTION_FIELDS, decideAdoption } from '../adopt';
import { DocumentState } from '../document-properties';
import { setUpForecastHistorySheet } from '../forecast-history/setup';
import { withDocumentLock } from '../lock';
import { forgetEditSettings, settingsOf } from '../settings';
import type { Cell } from '../sheets';
import { activeSpreadsheet } from '../sheets';
import { alert, runMenuAction } from '../ui';
import { setUpDealsSheet } from './deals-sheet';
import { setUpHistorySheet, setUpReminderLogSheet, setUpSummarySheet } from './log-sheets';
import { setUpSettingsSheet } from './settings-sheet';
import type { SetUpReport, Spreadsheet } from './sheet-structure';

export type { SetUpReport } from './sheet-structure';

/**
 * Creates or repairs every Deal Pipeline sheet; safe to run again at any time, it never clears
 * or moves data. The order matters: Deals' Stage dropdown points at Settings.
 */
function setUpAllSheets(): SetUpReport {
  return withDocumentLock(() => {
    const spreadsheet = activeSpreadsheet();
    const report: SetUpReport = { created: [], repaired: [] };
    const state = DocumentState.read();
    adoptEmptyFirstSheet(spreadsheet, report);
    const settings = setUpSettingsSheet(spreadsheet, report, state.lastValidTable);
    setUpDealsSheet(spreadsheet, settings.sheet, currencyOf(settings.values), report);
    setUpHistorySheet(spreadsheet, report);
    setUpSummarySheet(spreadsheet, report);
    setUpReminderLogSheet(spreadsheet, report);
    setUpForecastHistorySheet(spreadsheet, report, currencyOf(settings.values));
    adoptExistingDeals(spreadsheet, settingsOf(settings.values, state), state, report);
    // Settings and History's header may have changed: the next edit reads them again.
    forgetEditSettings();
    return report;
  });
}

/** The menu action: set up, then say what changed. */
export function setUpSheetsFromMenu(): SetUpReport | undefined {
  return runMenuAction(() => {
    const report = setUpAllSheets();
    alert(describe(report));
    return report;
  });
}

function describe(report: SetUpReport): string {
  const lines: string[] = [];
  if (report.created.length > 0) lines.push(`Created: ${report.created.join(', ')}.`);
  if (report.repaired.length > 0) lines.push('Repaired:', ...report.repaired.map((line) => `• ${line}`));
  if (lines.length === 0) lines.push('Every sheet was already set up; nothing changed.');
  return ['Deal Pipeline is set up.', ...lines].join('\n');
}

/** Deals typed before the add-on get their IDs and their stage recorded, so the rules apply to them. */
function adoptExistingDeals(
  spreadsheet: Spreadsheet,
  settings: Settings,
  state: DocumentState,
  report: SetUpReport,
): void {
  const { adoption, apply } = decideAdoption(spreadsheet, settings, state, ADOPTION_FIELDS);
  apply();
  const deals = (n: number) => countOf(n, 'deal');
  if (adoption.idsIssued > 0) report.repaired.push(`${SHEET.deals}: gave ${deals(adoption.idsIssued)} an ID`);
  if (adoption.history.length > 0) {
    report.repaired.push(`${SHEET.history}: recorded the current stage of ${deals(adoption.history.length)}`);
  }
  report.repaired.push(...adoption.notices.map((notice) => `${SHEET.deals}: ${notice}`));
}

/** A new spreadsheet's lone empty "Sheet1" becomes Deals instead of lingering beside it. */
function adoptEmptyFirstSheet(spreadsheet: Spreadsheet, report: SetUpReport): void {
  if (spreadsheet.getSheetByName(SHEET.deals)) return;
  const sheets = spreadsheet.getSheets();
  const only = sheets.length === 1 ? sheets[0] : undefined;
  if (only && only.getLastRow() === 0 && only.getLastColumn() === 0) {
    only.setName(SHEET.deals);
    report.created.push(SHEET.deals);
  }
}

/** The Currency option as written in Settings, USD when absent. */
function currencyOf(values: readonly (readonly Cell[])[]): string {
  const header = values[0] ?? [];
  const column = header.findIndex((cell) => normalizeHeader(cell) === 'option');
  if (column < 0) return 'USD';
  const row = values.find((cells) => normalizeHeader(cells[column]) === 'currency');
  const value = row ? String(row[column + 1] ?? '').trim() : '';
  return value === '' ? 'USD' : value;
}
