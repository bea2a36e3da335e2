/**
 * The sheets the add-on writes and people read: History (append-only), Reminder Log and
 * Summary. History and Summary are protected with a warning so a stray edit asks first.
 */
import { HISTORY_HEADERS, SHEET } from '../../core/columns';
import { DATE_FORMAT } from '../../core/formats';
import { headersSetUpMayAdd, logHeaderText, logLayout } from '../../core/reminders';
import type { Sheet } from '../sheets';
import type { SetUpReport, Spreadsheet } from './sheet-structure';
import { bodyRows, ensureHeaders, ensureSheet, ensureWarningProtection } from './sheet-structure';

const TIMESTAMP_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** Creates or repairs History; returns it with its header row as it now stands. */
export function setUpHistorySheet(
  spreadsheet: Spreadsheet,
  report: SetUpReport,
): { sheet: Sheet; header: string[] } {
  const { sheet, created } = ensureSheet(spreadsheet, SHEET.history, report);
  const header = ensureHeaders(sheet, SHEET.history, HISTORY_HEADERS, report, created);
  if (created) sheet.getRange(2, 1, bodyRows(sheet), 1).setNumberFormat(TIMESTAMP_FORMAT);
  ensureWarningProtection(
    sheet,
    SHEET.history,
    "Deal Pipeline History: one row per change of a stage, or of an open deal's Close Date or Amount, kept as written.",
    created,
    report,
  );
  return { sheet, header };
}

/**
 * Creates the Reminder Log, or adds the headers it may: to a log that has rows, never a new Date,
 * Owner or Status column (headersSetUpMayAdd says why); what it cannot mend it reports instead.
 */
export function setUpReminderLogSheet(spreadsheet: Spreadsheet, report: SetUpReport): void {
  const { sheet, created } = ensureSheet(spreadsheet, SHEET.reminderLog, report);
  const holdsRows = !created && sheet.getLastRow() > 1;
  const header = ensureHeaders(sheet, SHEET.reminderLog, headersSetUpMayAdd(holdsRows), report, created);
  const layout = logLayout(header);
  if ('missing' in layout) {
    report.repaired.push(`${SHEET.reminderLog}: not repaired. ${logHeaderText(layout, holdsRows)}`);
  }
  if (created) sheet.getRange(2, 1, bodyRows(sheet), 1).setNumberFormat(DATE_FORMAT);
  // The log is the reminders' record of what went to whom each day: an edit here could send a digest twice.
  ensureWarningProtection(
    sheet,
    SHEET.reminderLog,
    'Deal Pipeline Reminder Log: the record of digests sent; edits may resend one.',
    created,
    report,
  );
}

export function setUpSummarySheet(spreadsheet: Spreadsheet, report: SetUpReport): void {
  const { sheet, created } = ensureSheet(spreadsheet, SHEET.summary, report);
  ensureWarningProtection(
    sheet,
    SHEET.summary,
    'Deal Pipeline Summary: rewritten by Refresh summary; edits here are lost.',
    created,
    report,
  );
}
