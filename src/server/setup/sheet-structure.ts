/**
 * Creating a sheet and its header row without touching anything a user wrote: missing headers
 * are added after the last used column, nothing is cleared or moved.
 */
import type { SheetName } from '../../core/columns';
import { normalizeHeader } from '../../core/columns';
import { wordFor } from '../../core/wording';
import type { Sheet } from '../sheets';
import { readHeaderRow, writeBlock } from '../sheets';

export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What set-up did, in words for the report. */
export interface SetUpReport {
  created: string[];
  repaired: string[];
}

/** The sheet, created if missing. 1–2 calls. */
export function ensureSheet(
  spreadsheet: Spreadsheet,
  name: SheetName,
  report: SetUpReport,
): { sheet: Sheet; created: boolean } {
  const existing = spreadsheet.getSheetByName(name);
  if (existing) return { sheet: existing, created: report.created.includes(name) };
  report.created.push(name);
  return { sheet: spreadsheet.insertSheet(name), created: true };
}

/**
 * Adds the headers that row 1 lacks after its last used column, bold, and freezes row 1.
 * Returns the header row as it now stands. 3–7 calls.
 */
export function ensureHeaders(
  sheet: Sheet,
  name: SheetName,
  headers: readonly string[],
  report: SetUpReport,
  created: boolean,
): string[] {
  const current = readHeaderRow(sheet);
  const present = new Set(current.map(normalizeHeader));
  const missing = headers.filter((header) => !present.has(normalizeHeader(header)));
  if (missing.length > 0) {
    const column = current.length + 1;
    writeBlock(sheet, 1, column, [missing]);
    sheet.getRange(1, column, 1, missing.length).setFontWeight('bold');
    if (!created)
      report.repaired.push(`${name}: added the ${wordFor(missing.length, 'column')} ${missing.join(', ')}`);
  }
  if (sheet.getFrozenRows() < 1) {
    sheet.setFrozenRows(1);
    if (!created) report.repaired.push(`${name}: froze the header row`);
  }
  return [...current, ...missing];
}

/**
 * Protects a whole sheet with a warning (users may still edit after confirming), unless it has a
 * sheet protection already; a protection added to a sheet set-up did not just create is reported
 * as a repair. A sheet set-up just created has none to look for. 1–3 calls.
 */
export function ensureWarningProtection(
  sheet: Sheet,
  name: SheetName,
  description: string,
  created: boolean,
  report: SetUpReport,
): void {
  if (!created && sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length > 0) return;
  sheet.protect().setWarningOnly(true).setDescription(description);
  if (!created) report.repaired.push(`${name}: protected with a warning`);
}

/** How many rows lie below the header, adding some when a sheet has none. 1–2 calls. */
export function bodyRows(sheet: Sheet): number {
  const max = sheet.getMaxRows();
  if (max >= 2) return max - 1;
  sheet.insertRowsAfter(max, 100);
  return max + 99;
}
