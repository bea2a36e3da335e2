/**
 * The add-on's own hidden sheets (History Digest, Marks Log): one column wide, since every cell of
 * a sheet counts towards the spreadsheet's cell limit; protected with a warning, since nobody
 * should edit them; hidden, since nobody needs to read them.
 */
import type { SheetName } from '../core/columns';
import type { Sheet, Spreadsheet } from './sheets';

/**
 * A new hidden sheet; the sheet that was active stays active (a new sheet becomes the active
 * one). 11 calls.
 */
export function createHiddenSheet(
  spreadsheet: Spreadsheet,
  name: SheetName,
  protection: string,
): { sheet: Sheet; maxRows: number } {
  const active = spreadsheet.getActiveSheet();
  const sheet = spreadsheet.insertSheet(name);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns > 1) sheet.deleteColumns(2, maxColumns - 1);
  sheet.protect().setWarningOnly(true).setDescription(protection);
  active.activate();
  sheet.hideSheet();
  return { sheet, maxRows: sheet.getMaxRows() };
}

/** Hidden and protected once more, should someone have undone either. 2–5 calls. */
export function repairHiddenSheet(sheet: Sheet, protection: string): void {
  if (!sheet.isSheetHidden()) sheet.hideSheet();
  if (sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length === 0)
    sheet.protect().setWarningOnly(true).setDescription(protection);
}
