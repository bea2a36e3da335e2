/**
 * The sheets the add-on writes and people read: History (append-only), Reminder Log and
 * Summary. History and Summary are protected with a warning so a stray edit asks first.
 */
import { HISTORY_HEADERS, REMINDER_LOG_HEADERS, SHEET } from '../../core/columns';
import { DATE_FORMAT } from '../../core/formats';
import { ensureHeaders, ensureSheet, ensureWarningProtection, bodyRows } from './sheet-structure';
import type { SetUpReport, Spreadsheet } from './sheet-structure';

const TIMESTAMP_FORMAT = 'yyyy-mm-dd hh:mm:ss';

export function setUpHistorySheet(spreadsheet: Spreadsheet, report: SetUpReport): void {
  const { sheet, created } = ensureSheet(spreadsheet, SHEET.history, report);
  ensureHeaders(sheet, SHEET.history, HISTORY_HEADERS, report, created);
  if (created) sheet.getRange(2, 1, bodyRows(sheet), 1).setNumberFormat(TIMESTAMP_FORMAT);
  if (
    ensureWarningProtection(sheet, 'Deal Pipeline History: one row per stage change, kept as written.') &&
    !created
  ) {
    report.repaired.push(`${SHEET.history}: protected with a warning`);
  }
}

export function setUpReminderLogSheet(spreadsheet: Spreadsheet, report: SetUpReport): void {
  const { sheet, created } = ensureSheet(spreadsheet, SHEET.reminderLog, report);
  ensureHeaders(sheet, SHEET.reminderLog, REMINDER_LOG_HEADERS, report, created);
  if (created) sheet.getRange(2, 1, bodyRows(sheet), 1).setNumberFormat(DATE_FORMAT);
  // The log is the reminders' record of what went to whom each day: an edit here could send a digest twice.
  if (
    ensureWarningProtection(
      sheet,
      'Deal Pipeline Reminder Log: the record of digests sent; edits may resend one.',
    ) &&
    !created
  ) {
    report.repaired.push(`${SHEET.reminderLog}: protected with a warning`);
  }
}

export function setUpSummarySheet(spreadsheet: Spreadsheet, report: SetUpReport): void {
  const { sheet, created } = ensureSheet(spreadsheet, SHEET.summary, report);
  if (
    ensureWarningProtection(
      sheet,
      'Deal Pipeline Summary: rewritten by Refresh summary; edits here are lost.',
    ) &&
    !created
  ) {
    report.repaired.push(`${SHEET.summary}: protected with a warning`);
  }
}
