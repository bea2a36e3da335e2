/**
 * The Deals sheet: headers, formats and data validation per column, located by header text.
 * Formats are applied to the columns set-up adds and to existing columns that still have the
 * default format, so a team's own formatting survives a repair.
 */
import type { DealField } from '../../core/columns';
import { DEAL_FIELDS, fieldOfHeader, SHEET, STAGE_TABLE_HEADERS } from '../../core/columns';
import { numberFormatFor } from '../../core/formats';
import type { Sheet } from '../sheets';
import type { SetUpReport, Spreadsheet } from './sheet-structure';
import { bodyRows, ensureHeaders, ensureSheet } from './sheet-structure';

/** Number formats Sheets reports for cells nobody formatted. */
const UNSET_FORMATS = new Set(['', 'general', '0.###############']);

export function setUpDealsSheet(
  spreadsheet: Spreadsheet,
  settings: Sheet,
  currency: string,
  report: SetUpReport,
): Sheet {
  const { sheet, created } = ensureSheet(spreadsheet, SHEET.deals, report);
  // Row 2's formats, read before set-up writes to Deals (a read after a write waits for it), and
  // again after only when columns were added (an inserted column may take on its neighbour's).
  const width = sheet.getLastColumn();
  const before = width > 0 && sheet.getMaxRows() >= 2 ? rowFormats(sheet, width) : null;
  const headers = ensureHeaders(
    sheet,
    SHEET.deals,
    DEAL_FIELDS.map((field) => field.header),
    report,
    created,
  );
  const rows = bodyRows(sheet);
  const formats = before && headers.length === width ? before : rowFormats(sheet, headers.length);
  headers.forEach((header, index) => {
    const field = fieldOfHeader(header);
    if (!field) return;
    const column = sheet.getRange(2, index + 1, rows, 1);
    const format = numberFormatFor(field.type, currency);
    if (format && UNSET_FORMATS.has(String(formats[index] ?? '').toLowerCase()))
      column.setNumberFormat(format);
    const rule = validationFor(field, settings);
    if (rule) column.setDataValidation(rule);
  });
  protectAddonColumns(sheet, headers, created ? null : report);
  return sheet;
}

/** The number formats of row 2's first `width` cells. 2 calls. */
function rowFormats(sheet: Sheet, width: number): string[] {
  return sheet.getRange(2, 1, 1, width).getNumberFormats()[0]!;
}

const ADDON_COLUMN_NOTE = 'Deal Pipeline fills this column';

/**
 * The columns the add-on fills (ID, Created, Stage Since) ask before a person edits them: a
 * warning-only protection, so a stray paste or Delete over IDs is confirmed first. It only warns;
 * whatever gets through, the add-on still tells each deal by what it recorded (deal-identity.ts).
 * 1 call when in place; 3 a column when added.
 */
function protectAddonColumns(sheet: Sheet, headers: readonly string[], report: SetUpReport | null): void {
  const protectedNow = new Set(
    sheet
      .getProtections(SpreadsheetApp.ProtectionType.RANGE)
      .map((protection) => protection.getDescription())
      .filter((description) => description.startsWith(ADDON_COLUMN_NOTE)),
  );
  const rows = sheet.getMaxRows();
  headers.forEach((header, index) => {
    const field = fieldOfHeader(header);
    if (field?.filledBy !== 'addon') return;
    const description = `${ADDON_COLUMN_NOTE}: ${field.header}`;
    if (protectedNow.has(description)) return;
    sheet
      .getRange(1, index + 1, rows, 1)
      .protect()
      .setWarningOnly(true)
      .setDescription(description);
    report?.repaired.push(`${SHEET.deals}: ${field.header} asks before a person edits it`);
  });
}

/**
 * Sheets' own validation: the Stage dropdown follows the Settings stage column, so renaming or
 * adding a stage updates it; other rules only warn, because the add-on's own checks give the
 * message that names the deal and what is allowed.
 */
function validationFor(
  field: DealField,
  settings: Sheet,
): GoogleAppsScript.Spreadsheet.DataValidation | null {
  const builder = () => SpreadsheetApp.newDataValidation();
  switch (field.type) {
    case 'stage':
      return builder()
        .requireValueInRange(settings.getRange(`A2:A`), true)
        .setAllowInvalid(false)
        .setHelpText(`Choose a stage from the ${STAGE_TABLE_HEADERS[0]} column of ${SHEET.settings}.`)
        .build();
    case 'email':
      return builder()
        .requireTextIsEmail()
        .setAllowInvalid(true)
        .setHelpText(`${field.header}: an email address.`)
        .build();
    case 'money':
      return builder()
        .requireNumberGreaterThanOrEqualTo(0)
        .setAllowInvalid(true)
        .setHelpText(`${field.header}: a number of 0 or more.`)
        .build();
    case 'percent':
      return builder()
        .requireNumberBetween(0, 1)
        .setAllowInvalid(true)
        .setHelpText(`${field.header}: a percentage from 0% to 100%, or blank for the stage's.`)
        .build();
    case 'date':
      return field.filledBy === 'user'
        ? builder().requireDate().setAllowInvalid(true).setHelpText(`${field.header}: a date.`).build()
        : null;
    default:
      return null;
  }
}
